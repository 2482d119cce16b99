import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZCatalogDocument, type TOrderDetail } from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCarrierSim, type CarrierSim } from '../../../carrier-sim/src/testing/start-carrier-sim.js';
import { addStock, aDevice, aSim, createWizardOrder, newIccid, newImei } from '../../test/order-fixture.js';
import { createTestApp, type TestApp, type TestUser } from '../../test/test-app.js';
import { NEW_LINE, PORT_LINE } from '../../test/wizard-fixture.js';
import { loadConfig } from '../config.js';
import { auditLog } from '../modules/audit/audit.schema.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { DEMO_CATALOG } from '../modules/catalog/demo-catalog.js';
import { importCatalog } from '../modules/catalog/use-cases/import-catalog.js';
import type { JobRunner } from '../modules/jobs/job-runner.js';
import { jobs } from '../modules/jobs/jobs.schema.js';
import { carrierMessages, carrierSubmissions } from '../modules/provisioning/provisioning.schema.js';
import { markSubmissionAccepted } from '../modules/provisioning/use-cases/mark-submission-accepted.js';
import { markSubmissionRejected } from '../modules/provisioning/use-cases/mark-submission-rejected.js';
import { startWorker } from '../start-worker.js';

const DEMO_SECRETS = { credential: 'demo-nwm-api-key-not-a-real-secret-0042', webhookSecret: 'demo-nwm-webhook-secret-not-real-0042' };

/** The carrier.submit job against the real carrier gateway simulator: accepted, retried, refused, given up. */
describe('delivering a sent order to the carrier', () => {
  let t: TestApp;
  let sim: CarrierSim;
  let agent: TestUser;
  let session: string;
  let worker: JobRunner | null = null;

  /** Northwind Mobile's connection as the admin would set it: the simulator's URL, account and secrets (or others). */
  const connectNorthwind = async (provisioning: { endpoint?: string; credential?: string } = {}) => {
    const document = ZCatalogDocument.parse(DEMO_CATALOG);
    const carriers = document.carriers.map((carrier) =>
      carrier.code === 'NWM'
        ? { ...carrier, provisioning: { ...carrier.provisioning, endpoint: provisioning.endpoint ?? sim.baseUrl, ...DEMO_SECRETS, ...(provisioning.credential ? { credential: provisioning.credential } : {}) } }
        : carrier,
    );
    await importCatalog({ db: t.database.db, audit: SYSTEM_ACTOR, secrets: t.secrets, document: { ...document, carriers, agents: document.agents.map((a) => ({ ...a, salesPersonEmails: [] })) } });
  };

  beforeAll(async () => {
    [t, sim] = await Promise.all([createTestApp({ LOG_LEVEL: 'error' }), startCarrierSim({ delayMs: 100 })]);
    await connectNorthwind();
    agent = await t.createUser('agent');
    session = await t.sessionFor(agent);
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await Promise.all([t?.close(), sim?.stop()]);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    await sim.setFaults({});
    await connectNorthwind();
  });

  const startTheWorker = (env: Record<string, string> = {}) => {
    const config = loadConfig({ LOG_LEVEL: 'silent', JOB_RETRY_BASE_MS: '10', JOB_RETRY_CAP_MS: '40', CARRIER_POLL_SECONDS: '3600', CARRIER_TIMEOUT_MS: '2000', ...env });
    worker = startWorker({ db: t.database.db, config, secrets: t.secrets, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  };
  const page = async (orderId: string): Promise<TOrderDetail> => (await t.request({ method: 'GET', url: `/api/orders/${orderId}`, session })).json();
  const waitForStatus = async (orderId: string, status: TOrderDetail['status']) => {
    for (let i = 0; i < 750; i += 1) {
      const order = await page(orderId);
      if (order.status === status) return order;
      await sleep(20);
    }
    throw new Error(`order ${orderId} never became ${status}; it is ${(await page(orderId)).status}`);
  };
  /** A Conversion order (line 1 new number with stock device, line 2 a port-in with the customer's own device), sent. */
  const sentOrder = async () => {
    const { orderId } = await createWizardOrder(t, session, agent.id, [NEW_LINE, PORT_LINE]);
    const [imei, simA, simB, own] = [newImei(), newIccid(), newIccid(), newImei('35332011')];
    await addStock(t, [aDevice(imei), aSim(simA), aSim(simB)]);
    const scanned = await t.request({ method: 'POST', url: `/api/orders/${orderId}/inventory`, session, payload: { text: [imei, simA, simB, own].join('\n') } });
    expect(scanned.json().order.status).toBe('READY');
    const response = await t.request({ method: 'POST', url: `/api/orders/${orderId}/send`, session, headers: { 'idempotency-key': `send-${orderId}` } });
    expect(response.statusCode, response.body).toBe(200);
    return { orderId, lines: (response.json() as TOrderDetail).lines };
  };
  const messagesOf = (orderId: string) => t.database.db.select().from(carrierMessages).where(eq(carrierMessages.orderId, orderId)).orderBy(asc(carrierMessages.at));
  const submissionOf = async (orderId: string) => (await t.database.db.select().from(carrierSubmissions).where(eq(carrierSubmissions.orderId, orderId)))[0]!;
  const jobsOf = async (submissionId: string) => (await t.database.db.select().from(jobs)).filter((job) => job.payload.submissionId === submissionId);

  it('should submit with the stable key, move the order In progress with the carrier’s request id, and schedule a status check', async () => {
    const { orderId, lines } = await sentOrder();
    startTheWorker();
    const order = await waitForStatus(orderId, 'IN_PROGRESS');
    const submission = await submissionOf(orderId);
    expect(submission).toMatchObject({ status: 'ACCEPTED', requestId: expect.any(String), errorCode: null });
    expect(order.carrier).toMatchObject({ requestId: submission.requestId, attempts: 1, error: null, retry: null });

    const [request, response] = await messagesOf(orderId);
    expect(request).toMatchObject({ direction: 'REQUEST', operation: 'POST /v1/activations', attempt: 1, summary: `Activation request for 2 lines, key ${submission.submissionKey}` });
    expect(request!.payload).toMatchObject({
      requestKey: submission.submissionKey,
      reference: order.orderNumber,
      lines: [
        { lineRef: lines[0]!.id, kind: 'ACTIVATE', areaCode: '312', iccid: lines[0]!.items.find((i) => i.identifierKind === 'ICCID')!.value },
        { lineRef: lines[1]!.id, kind: 'PORT_IN', portIn: { number: expect.stringMatching(/^503555/), accountNumber: '88812345', pin: '[redacted]' } },
      ],
    });
    expect(JSON.stringify(request!.payload)).not.toContain('4417');
    expect(response).toMatchObject({ direction: 'RESPONSE', httpStatus: 202, summary: `202 Accepted, request ${submission.requestId}` });

    const [submitJob, pollJob] = (await jobsOf(submission.id)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(submitJob).toMatchObject({ kind: 'carrier.submit', status: 'DONE', attempts: 1 });
    expect(pollJob).toMatchObject({ kind: 'carrier.poll', status: 'QUEUED', dedupeKey: `carrier.poll:${submission.id}:1` });
    expect(pollJob!.runAt.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it('should deliver several sent orders as one batch: a call each, each its own outcome, what the carrier took recorded together', async () => {
    const sent = [await sentOrder(), await sentOrder(), await sentOrder(), await sentOrder()];
    // The first call of the batch meets a 503: that order alone waits for its retry.
    await sim.setFaults({ transientErrors: 1 });
    const before = await sim.stats();
    startTheWorker();
    for (const { orderId } of sent) await waitForStatus(orderId, 'IN_PROGRESS');
    const submissions = await Promise.all(sent.map(({ orderId }) => submissionOf(orderId)));
    expect(submissions.every((submission) => submission.status === 'ACCEPTED' && submission.requestId !== null)).toBe(true);
    const submitJobs = (await Promise.all(submissions.map((submission) => jobsOf(submission.id)))).map((found) => found.find((job) => job.kind === 'carrier.submit')!);
    expect(submitJobs.map((job) => job.status)).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
    expect(submitJobs.map((job) => job.attempts).sort()).toEqual([1, 1, 1, 2]);
    expect((await sim.stats()).submits - before.submits).toBe(5);
    // Each order's own exchange in its Carrier Messages; the retried one also shows its 503.
    for (const [index, { orderId }] of sent.entries()) {
      const summaries = (await messagesOf(orderId)).map((m) => m.summary);
      expect(summaries.at(-1)).toBe(`202 Accepted, request ${submissions[index]!.requestId}`);
      expect(summaries.filter((summary) => summary.startsWith('503'))).toHaveLength(submitJobs[index]!.attempts - 1);
    }
    // Each acceptance audited once; the first-try ones recorded in one transaction (its one timestamp).
    const accepted = (await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'accepted'))).filter((row) => submissions.some((s) => s.id === row.entityId));
    expect(accepted).toHaveLength(4);
    const firstTry = submissions.filter((_, index) => submitJobs[index]!.attempts === 1).map((submission) => submission.id);
    expect(new Set(accepted.filter((row) => firstTry.includes(row.entityId)).map((row) => row.at.getTime())).size).toBe(1);
  });

  it('should retry after 503s with the same key, telling why, until the carrier takes it', async () => {
    await sim.setFaults({ transientErrors: 2 });
    const { orderId } = await sentOrder();
    startTheWorker();
    await waitForStatus(orderId, 'IN_PROGRESS');
    const submission = await submissionOf(orderId);
    const messages = await messagesOf(orderId);
    expect(messages.map((m) => [m.direction, m.httpStatus])).toEqual([
      ['REQUEST', null],
      ['RESPONSE', 503],
      ['REQUEST', null],
      ['RESPONSE', 503],
      ['REQUEST', null],
      ['RESPONSE', 202],
    ]);
    expect(messages[1]!.summary).toBe('503 SERVICE_UNAVAILABLE: The activation system is temporarily unavailable; try again; will retry');
    expect(new Set(messages.filter((m) => m.direction === 'REQUEST').map((m) => (m.payload as { requestKey: string }).requestKey))).toEqual(new Set([submission.submissionKey]));
    const [submitJob] = (await jobsOf(submission.id)).filter((job) => job.kind === 'carrier.submit');
    expect(submitJob).toMatchObject({ status: 'DONE', attempts: 3 });
  });

  it('should move the order to Error with the carrier’s code and text when it refuses the request', async () => {
    await connectNorthwind({ credential: 'a-credential-the-carrier-does-not-know' });
    const { orderId } = await sentOrder();
    startTheWorker();
    const order = await waitForStatus(orderId, 'ERROR');
    expect(order.carrier).toMatchObject({ attempts: 1, requestId: null, error: { code: 'UNAUTHORIZED', text: 'Unknown account or wrong API key' }, retry: null });
    expect(order.send).toEqual({ allowed: true, reason: null });
    expect(await submissionOf(orderId)).toMatchObject({ status: 'REJECTED', errorCode: 'UNAUTHORIZED' });
    expect((await messagesOf(orderId)).map((m) => [m.direction, m.summary])).toEqual([
      ['REQUEST', expect.stringMatching(/^Activation request for 2 lines/)],
      ['RESPONSE', '401 UNAUTHORIZED: Unknown account or wrong API key'],
    ]);
  });

  it('should give up on a carrier it cannot reach after the job’s attempts: Error, CARRIER_UNREACHABLE', async () => {
    // A port nothing listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await connectNorthwind({ endpoint: `http://127.0.0.1:${port}/v1` });
    const { orderId } = await sentOrder();
    startTheWorker();
    const order = await waitForStatus(orderId, 'ERROR');
    expect(order.carrier.error).toEqual({
      code: 'CARRIER_UNREACHABLE',
      text: 'The carrier could not be reached after 10 tries (last: Could not reach the carrier (ECONNREFUSED)); send the order again when it is back',
    });
    expect(await submissionOf(orderId)).toMatchObject({ status: 'ABANDONED' });
    const messages = await messagesOf(orderId);
    expect(messages.filter((m) => m.direction === 'REQUEST')).toHaveLength(10);
    expect(messages.at(-1)).toMatchObject({ direction: 'ERROR', summary: 'Gave up after 10 tries: the order is in Error' });
  });

  it('should send again with the same key after giving up on a carrier that took the request without answering: one activation', async () => {
    // Every try hangs past our timeout, but the carrier takes the first one: it activates while we give up.
    await sim.setFaults({ timeouts: 10, timeoutAfterAccept: true });
    const { orderId, lines } = await sentOrder();
    startTheWorker({ CARRIER_TIMEOUT_MS: '150', CARRIER_POLL_SECONDS: '0.1' });
    const failed = await waitForStatus(orderId, 'ERROR');
    expect(failed.carrier.error?.code).toBe('CARRIER_UNREACHABLE');
    const [abandoned] = await t.database.db.select().from(carrierSubmissions).where(eq(carrierSubmissions.orderId, orderId));
    expect(abandoned).toMatchObject({ status: 'ABANDONED' });

    // The carrier may have taken the order as it was: nothing on it changes until it is sent again unchanged
    // (a swapped SIM would not be what the carrier activates).
    const unanswered = /^The carrier never answered the last send and may have taken the order as it was/;
    const item = failed.lines[0]!.items.find((onLine) => onLine.itemId)!;
    const unassign = await t.request({ method: 'DELETE', url: `/api/orders/${orderId}/inventory/${item.itemId}`, session });
    expect(unassign.statusCode, unassign.body).toBe(422);
    expect(unassign.json().reason).toMatch(unanswered);
    const rescan = await t.request({ method: 'POST', url: `/api/orders/${orderId}/inventory`, session, payload: { text: newIccid() } });
    expect(rescan.statusCode, rescan.body).toBe(422);
    const portIn = await t.request({
      method: 'PUT',
      url: `/api/orders/${orderId}/lines/${failed.lines[1]!.id}/port-in`,
      session,
      payload: { currentCarrier: 'Verizon Wireless', accountNumber: '482913570', authorizedSigner: 'Dana Whitfield', accountName: 'Dana Whitfield' },
    });
    expect(portIn.statusCode, portIn.body).toBe(409);
    expect(portIn.json().reason).toMatch(unanswered);
    expect((await page(orderId)).lines[0]!.items).toEqual(failed.lines[0]!.items);

    const resend = await t.request({ method: 'POST', url: `/api/orders/${orderId}/send`, session, headers: { 'idempotency-key': `resend-${orderId}` } });
    expect(resend.statusCode, resend.body).toBe(200);
    // The carrier refuses the port-in (a number it does not know) and activates the new line: Partial.
    const order = await waitForStatus(orderId, 'PARTIAL');
    const submissions = await t.database.db.select().from(carrierSubmissions).where(eq(carrierSubmissions.orderId, orderId)).orderBy(asc(carrierSubmissions.attempt));
    expect(submissions.map((s) => [s.attempt, s.submissionKey, s.status])).toEqual([
      [1, abandoned!.submissionKey, 'ABANDONED'],
      [2, abandoned!.submissionKey, 'FINISHED'],
    ]);
    expect(order.lines.map((line) => line.status)).toEqual(['ACTIVE', 'CANCELLED']);
    // The carrier activated the line once: the resend was answered with the request it had already taken.
    const stats = await sim.stats();
    expect(stats.activationsByLineRef[lines[0]!.id]).toBe(1);
    expect(stats.activationsByRequestKey[abandoned!.submissionKey]).toBe(1);
  });

  it('should not refuse a submission the carrier accepted meanwhile (a callback got there first)', async () => {
    const { orderId } = await sentOrder();
    const submission = await submissionOf(orderId);
    await markSubmissionAccepted(t.database.db, SYSTEM_ACTOR, { id: submission.id, requestId: 'NWM-R-test-000001' });
    const ended = await t.database.db.transaction((tx) =>
      markSubmissionRejected(tx, SYSTEM_ACTOR, { id: submission.id, status: 'ABANDONED', code: 'CARRIER_UNREACHABLE', text: 'gave up', onlyFrom: ['QUEUED'] }),
    );
    expect(ended).toBeNull();
    expect(await submissionOf(orderId)).toMatchObject({ status: 'ACCEPTED', requestId: 'NWM-R-test-000001', errorCode: null });
  });
});
