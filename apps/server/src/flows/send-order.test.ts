import { setTimeout as sleep } from 'node:timers/promises';
import { ZCatalogDocument, type TOrderDetail } from '@linedesk/domain';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStock, aDevice, aSim, createOrderTestApp, createWizardOrder, newIccid, newImei } from '../../test/order-fixture.js';
import type { TestApp, TestUser } from '../../test/test-app.js';
import { NEW_LINE } from '../../test/wizard-fixture.js';
import { auditLog } from '../modules/audit/audit.schema.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { DEMO_CATALOG } from '../modules/catalog/demo-catalog.js';
import { importCatalog } from '../modules/catalog/use-cases/import-catalog.js';
import { startJobRunner } from '../modules/jobs/job-runner.js';
import { jobs } from '../modules/jobs/jobs.schema.js';
import { lines } from '../modules/orders/orders.schema.js';
import { createAdapterRegistry } from '../modules/provisioning/adapters/adapter-registry.js';
import { carrierMessages, carrierSubmissions } from '../modules/provisioning/provisioning.schema.js';
import { provisioningJobHandlers } from './provisioning-jobs.js';
import { sendOrders } from './send-order.js';

describe('Send: the order goes to its carrier through the outbox', () => {
  let t: TestApp;
  let agent: TestUser;
  let agentSession: string;
  let viewerSession: string;

  beforeAll(async () => {
    ({ t, agent, agentSession, viewerSession } = await createOrderTestApp());
  });
  afterAll(async () => t.close());

  const page = async (orderId: string): Promise<TOrderDetail> => (await t.request({ method: 'GET', url: `/api/orders/${orderId}`, session: agentSession })).json();
  const send = (orderId: string, key: string | null, session = agentSession) =>
    t.request({ method: 'POST', url: `/api/orders/${orderId}/send`, session, headers: key === null ? {} : { 'idempotency-key': key } });
  const scan = async (orderId: string, text: string): Promise<TOrderDetail> => {
    const response = await t.request({ method: 'POST', url: `/api/orders/${orderId}/inventory`, session: agentSession, payload: { text } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().order;
  };
  /** A one-line Northwind order with its device and SIM scanned: Ready (or already sent, when it sends by itself). */
  const readyOrder = async (options: { sendAutomatically?: boolean } = {}) => {
    const { orderId } = await createWizardOrder(t, agentSession, agent.id, [NEW_LINE], options);
    const [imei, iccid] = [newImei(), newIccid()];
    await addStock(t, [aDevice(imei), aSim(iccid)]);
    return { orderId, order: await scan(orderId, `${imei}\n${iccid}`) };
  };
  const submissionsOf = (orderId: string) => t.database.db.select().from(carrierSubmissions).where(eq(carrierSubmissions.orderId, orderId)).orderBy(asc(carrierSubmissions.attempt));
  const jobsOf = async (submissionIds: string[]) => (await t.database.db.select().from(jobs)).filter((job) => submissionIds.includes(job.payload.submissionId as string));
  const auditOf = (entityId: string, action: string) =>
    t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action))).orderBy(asc(auditLog.id));

  it('should refuse to send an order that is not Ready, saying what it still needs, and write nothing', async () => {
    const { orderId } = await createWizardOrder(t, agentSession, agent.id, [NEW_LINE]);
    const response = await send(orderId, 'first-try-0001');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'RULE_VIOLATED', reason: 'Line 1 needs a device (IMEI) and a SIM (ICCID)' });
    expect((await page(orderId)).send).toEqual({ allowed: false, reason: 'Line 1 needs a device (IMEI) and a SIM (ICCID)' });
    expect(await submissionsOf(orderId)).toEqual([]);
    expect((await page(orderId)).status).toBe('PENDING');
  });

  it('should ask for an Idempotency-Key, and let only the roles that sell send', async () => {
    const { orderId } = await readyOrder();
    const missing = await send(orderId, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'headers.idempotency-key' })] });
    const short = await send(orderId, 'abc');
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0].message).toBe('Idempotency-Key must be 8 to 120 characters');
    expect((await send(orderId, 'viewer-tries-1', viewerSession)).statusCode).toBe(403);
    expect((await page(orderId)).status).toBe('READY');
  });

  it('should make a Ready order Sent with one submission and one delivery job, audited', async () => {
    const { orderId, order } = await readyOrder();
    expect(order.status).toBe('READY');
    expect(order.send).toEqual({ allowed: true, reason: null });

    const response = await send(orderId, 'click-7f3a9b21');
    expect(response.statusCode, response.body).toBe(200);
    const sent: TOrderDetail = response.json();
    expect(sent).toEqual(await page(orderId));
    expect(sent.status).toBe('SENT');
    expect(sent.awaitingCarrier).toBe(true);
    expect(sent.send).toEqual({ allowed: false, reason: 'Sent to Northwind Mobile; waiting for the carrier' });
    expect(sent.cancel.allowed).toBe(false);
    expect(sent.carrier).toMatchObject({ attempts: 1, requestId: null, error: null, retry: null, lastSentAt: expect.any(String) });

    const [submission, ...others] = await submissionsOf(orderId);
    expect(others).toEqual([]);
    expect(submission).toMatchObject({
      attempt: 1,
      status: 'QUEUED',
      carrierCode: 'NWM',
      idempotencyKey: 'click-7f3a9b21',
      submissionKey: `${sent.orderNumber}-S1-${orderId.slice(0, 8)}`,
      createdBy: agent.id,
    });
    const queued = await jobsOf([submission!.id]);
    expect(queued.map((job) => [job.kind, job.status, job.dedupeKey])).toEqual([['carrier.submit', 'QUEUED', `carrier.submit:${submission!.id}`]]);

    const [audit] = await auditOf(orderId, 'send');
    expect(audit).toMatchObject({ actorUserId: agent.id, entityType: 'order', changes: { status: { from: 'READY', to: 'SENT' } } });
    expect(await auditOf(submission!.id, 'create')).toHaveLength(1);
  });

  it('should answer the same key again (even at the same moment) without sending twice, and refuse another key on a Sent order', async () => {
    const { orderId } = await readyOrder();
    const [a, b] = await Promise.all([send(orderId, 'double-click-01'), send(orderId, 'double-click-01')]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().status).toBe('SENT');
    expect(b.json()).toEqual(a.json());
    const again = await send(orderId, 'double-click-01');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(await page(orderId));

    const submissions = await submissionsOf(orderId);
    expect(submissions).toHaveLength(1);
    expect(await jobsOf(submissions.map((s) => s.id))).toHaveLength(1);
    expect(await auditOf(orderId, 'send')).toHaveLength(1);

    const other = await send(orderId, 'another-click-02');
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'Sent to Northwind Mobile; waiting for the carrier' });
    expect(await submissionsOf(orderId)).toHaveLength(1);
  });

  it('should write Sends that arrive together in one transaction, each as it would alone, a refused one alone', async () => {
    const [a, b] = [await readyOrder(), await readyOrder()];
    const { orderId: notReady } = await createWizardOrder(t, agentSession, agent.id, [NEW_LINE]);
    const as = (requestId: string) => ({ actorUserId: agent.id, actorLabel: agent.email, requestId });
    const results = await sendOrders(t.database.db, [
      { audit: as('req-a'), orderId: a.orderId, idempotencyKey: 'together-a-1' },
      // The same click twice at once: one Send.
      { audit: as('req-a-again'), orderId: a.orderId, idempotencyKey: 'together-a-1' },
      { audit: as('req-b'), orderId: b.orderId, idempotencyKey: 'together-b-1' },
      { audit: as('req-pending'), orderId: notReady, idempotencyKey: 'together-p-1' },
      // Another click on an order the batch has just sent: refused as it would be alone.
      { audit: as('req-a-other'), orderId: a.orderId, idempotencyKey: 'together-a-2' },
    ]);
    expect(results.map((result) => (result === null ? null : [result.code, result.message]))).toEqual([
      null,
      null,
      null,
      ['RULE_VIOLATED', 'Line 1 needs a device (IMEI) and a SIM (ICCID)'],
      ['INVALID_TRANSITION', 'Sent to Northwind Mobile; waiting for the carrier'],
    ]);
    for (const { orderId } of [a, b]) {
      expect((await page(orderId)).status).toBe('SENT');
      const submissions = await submissionsOf(orderId);
      expect(submissions).toHaveLength(1);
      expect(await jobsOf(submissions.map((submission) => submission.id))).toHaveLength(1);
    }
    expect((await page(notReady)).status).toBe('PENDING');
    expect(await submissionsOf(notReady)).toEqual([]);
    // Each Send audited as its own request, both in one transaction (one timestamp).
    const sends = [...(await auditOf(a.orderId, 'send')), ...(await auditOf(b.orderId, 'send'))];
    expect(sends.map((row) => [row.entityId, row.requestId, row.actorUserId])).toEqual([
      [a.orderId, 'req-a', agent.id],
      [b.orderId, 'req-b', agent.id],
    ]);
    expect(sends[0]!.at.getTime()).toBe(sends[1]!.at.getTime());
  });

  it('should answer 204 with no body to Prefer: return=minimal, and the same key again the same way without sending twice', async () => {
    const { orderId } = await readyOrder();
    const minimal = (key: string) =>
      t.request({ method: 'POST', url: `/api/orders/${orderId}/send`, session: agentSession, headers: { 'idempotency-key': key, prefer: 'respond-async, return=minimal' } });
    const response = await minimal('integrator-0001');
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers['preference-applied']).toBe('return=minimal');
    expect((await page(orderId)).status).toBe('SENT');
    expect((await minimal('integrator-0001')).statusCode).toBe(204);
    expect(await submissionsOf(orderId)).toHaveLength(1);
    // A refusal still answers the error with its reason.
    const other = await minimal('integrator-0002');
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'Sent to Northwind Mobile; waiting for the carrier' });
  });

  it('should move the order to Error when the carrier refuses it, and send it again as attempt 2 with a new submission key', async () => {
    const { orderId } = await readyOrder();
    expect((await send(orderId, 'send-attempt-one')).statusCode).toBe(200);

    // A worker delivers it. The test catalog holds no credential for Northwind Mobile: the request cannot
    // be made at all, a permanent refusal that no retry can mend.
    const runner = startJobRunner({
      db: t.database.db,
      handlers: provisioningJobHandlers({
        db: t.database.db,
        config: { publicUrl: null, carrierPollSeconds: 30 },
        secrets: t.secrets,
        adapters: createAdapterRegistry({ carrierTimeoutMs: 2000 }),
        log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      }),
      concurrency: 2,
      leaseSeconds: 30,
      retry: { baseMs: 10, capMs: 50 },
      pollMs: 20,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      for (let i = 0; (await page(orderId)).status !== 'ERROR'; i += 1) {
        if (i > 500) throw new Error('the order did not reach Error');
        await sleep(20);
      }
    } finally {
      await runner.stop();
    }
    const failed = await page(orderId);
    expect(failed.awaitingCarrier).toBe(false);
    expect(failed.carrier).toMatchObject({ attempts: 1, error: { code: 'NOT_CONFIGURED', text: 'The carrier NWM has no credential set up' }, retry: null });
    expect(failed.send).toEqual({ allowed: true, reason: null });
    const [first] = await submissionsOf(orderId);
    expect(first).toMatchObject({ status: 'REJECTED', errorCode: 'NOT_CONFIGURED' });
    const messages = await t.database.db.select().from(carrierMessages).where(eq(carrierMessages.orderId, orderId));
    expect(messages.map((m) => [m.direction, m.summary])).toEqual([['ERROR', 'Not sent: The carrier NWM has no credential set up']]);
    const [toError] = await auditOf(orderId, 'carrier_error');
    expect(toError).toMatchObject({ actorUserId: null, actorLabel: 'system', changes: { status: { from: 'SENT', to: 'ERROR' } } });

    // The carrier's refusal of the line stands until the order is sent again.
    const [line] = failed.lines;
    await t.database.db.update(lines).set({ carrierRejection: { code: 'SIM_ALREADY_ACTIVE', text: 'The SIM is active on the network' } }).where(eq(lines.id, line!.id));

    // The first click's key again changes nothing; a new Send is attempt 2.
    expect((await send(orderId, 'send-attempt-one')).json().status).toBe('ERROR');
    const resent = await send(orderId, 'send-attempt-two');
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'SENT', carrier: { attempts: 2, error: null } });
    expect(resent.json().lines[0].carrierRejection).toBeNull();
    const [, second] = await submissionsOf(orderId);
    expect(second).toMatchObject({ attempt: 2, status: 'QUEUED', idempotencyKey: 'send-attempt-two', submissionKey: `${failed.orderNumber}-S2-${orderId.slice(0, 8)}` });
    expect(await jobsOf([second!.id])).toHaveLength(1);
    const sends = await auditOf(orderId, 'send');
    expect(sends.map((row) => row.changes)).toEqual([
      { status: { from: 'READY', to: 'SENT' } },
      { status: { from: 'ERROR', to: 'SENT' }, reason: { from: null, to: 'Sent again (attempt 2)' } },
    ]);
    expect(await auditOf(line!.id, 'clear_carrier_rejection')).toHaveLength(1);
  });

  it('should send an order marked Send automatically as soon as its last item is scanned (flow-through)', async () => {
    const { orderId, order } = await readyOrder({ sendAutomatically: true });
    expect(order.status).toBe('SENT');
    expect(order).toEqual(await page(orderId));
    const [submission, ...others] = await submissionsOf(orderId);
    expect(others).toEqual([]);
    expect(submission).toMatchObject({ attempt: 1, idempotencyKey: `auto:${orderId}:1`, createdBy: agent.id });
    expect(await jobsOf([submission!.id])).toHaveLength(1);
    const statuses = (await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, orderId), eq(auditLog.entityType, 'order'))).orderBy(asc(auditLog.id)))
      .map((row) => row.changes.status)
      .filter(Boolean);
    expect(statuses).toEqual([{ from: null, to: 'PENDING' }, { from: 'PENDING', to: 'READY' }, { from: 'READY', to: 'SENT' }]);
  });

  it('should send an order marked Send automatically that Create Order made Ready (its stock scanned in the wizard)', async () => {
    const [imei, iccid] = [newImei(), newIccid()];
    await addStock(t, [aDevice(imei), aSim(iccid)]);
    const { orderId } = await createWizardOrder(t, agentSession, agent.id, [{ ...NEW_LINE, identifiers: [imei, iccid] }], { sendAutomatically: true });
    const order = await page(orderId);
    expect(order.status).toBe('SENT');
    const [submission, ...others] = await submissionsOf(orderId);
    expect(others).toEqual([]);
    expect(submission).toMatchObject({ attempt: 1, status: 'QUEUED', idempotencyKey: `auto:${orderId}:1`, createdBy: agent.id });
    expect(await jobsOf([submission!.id])).toEqual([expect.objectContaining({ kind: 'carrier.submit', status: 'QUEUED' })]);
    const statuses = (await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, orderId), eq(auditLog.entityType, 'order'))).orderBy(asc(auditLog.id)))
      .map((row) => row.changes.status)
      .filter(Boolean);
    expect(statuses).toEqual([{ from: null, to: 'READY' }, { from: 'READY', to: 'SENT' }]);

    // Without Send automatically (and no flow-through carrier) it waits Ready for the agent.
    const [otherImei, otherIccid] = [newImei(), newIccid()];
    await addStock(t, [aDevice(otherImei), aSim(otherIccid)]);
    const waiting = await createWizardOrder(t, agentSession, agent.id, [{ ...NEW_LINE, identifiers: [otherImei, otherIccid] }], { sendAutomatically: false });
    expect((await page(waiting.orderId)).status).toBe('READY');
    expect(await submissionsOf(waiting.orderId)).toEqual([]);
  });

  it('should not send to a carrier provisioned by hand, and say so (flow-through leaves it Ready)', async () => {
    const document = ZCatalogDocument.parse(DEMO_CATALOG);
    const manual = document.carriers.map((carrier) => (carrier.code === 'NWM' ? { ...carrier, provisioning: { adapter: 'manual' as const, endpoint: null, accountId: null } } : carrier));
    const agents = document.agents.map((a) => ({ ...a, salesPersonEmails: [] }));
    await importCatalog({ db: t.database.db, audit: SYSTEM_ACTOR, secrets: t.secrets, document: { ...document, agents, carriers: manual } });

    const reason = "Northwind Mobile is provisioned by hand (no carrier connection): activate the lines in the carrier's portal";
    const { orderId, order } = await readyOrder({ sendAutomatically: true });
    expect(order.status).toBe('READY');
    expect(order.send).toEqual({ allowed: false, reason });
    const response = await send(orderId, 'hand-made-0001');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'RULE_VIOLATED', reason });
    expect(await submissionsOf(orderId)).toEqual([]);
  });
});
