import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startCarrierSim, type CarrierSim, type TFaultsInput } from '@linedesk/carrier-sim/testing';
import {
  GATEWAY_HEADERS,
  type TCarrierMessage,
  type TCustomerAccount,
  type TFalloutPage,
  type TGatewayActivation,
  type TGatewayCallback,
  type TOrderDetail,
  type TOrderHistoryEntry,
  type TWizardLineInput,
} from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierOrderClient, loadSimCatalog, startProvisioningRunner } from '../../test/carrier-test-app.js';
import { createTestApp, TEST_HOST, type TestApp, type TestUser } from '../../test/test-app.js';
import { NEW_LINE, PORT_LINE } from '../../test/wizard-fixture.js';
import { selectRows } from '../db/client.js';
import { applyCarrierActivations, type CarrierReport } from './apply-carrier-activation.js';
import type { JobRunner } from '../modules/jobs/job-runner.js';
import { FALLOUT_STUCK_MINUTES_SETTING, writeSetting } from '../modules/system/settings.js';
import { DEMO_CARRIER_ACCOUNTS_FILE } from '../paths.js';

/*
 * Completion: a Ready order is sent through the real submit job to the real carrier gateway simulator
 * (a separate process) and the carrier's answers come back as signed callbacks over HTTP, signed here
 * as the wire contract says; or, with callbacks lost, by the status checks of the poll job.
 */

const NWM_SECRET = (JSON.parse(readFileSync(DEMO_CARRIER_ACCOUNTS_FILE, 'utf8')) as { carrierCode: string; webhookSecret: string; apiKey: string }[]).find(
  (account) => account.carrierCode === 'NWM',
)!;
type Submission = { id: string; submission_key: string; request_id: string | null; status: string; attempt: number };

/** An app on its own database wired to the simulator, its agent, and a job runner of the given kinds of jobs. */
async function carrierWorld(sim: CarrierSim, env: Record<string, string>, kinds: 'submit' | 'all') {
  const t = await createTestApp({ LOG_LEVEL: 'error', ...env });
  await loadSimCatalog(t, sim);
  const agent = await t.createUser('agent', { name: 'Alex Agent' });
  const session = await t.sessionFor(agent);
  return { t, agent, session, runner: startProvisioningRunner(t, kinds) };
}

function helpers(t: TestApp, agent: TestUser, session: string) {
  const client = carrierOrderClient(t, agent, session);
  const submissionOf = async (orderId: string): Promise<Submission> =>
    (await selectRows<Submission>(t.database.db, sql`select id, submission_key, request_id, status, attempt from carrier_submissions where order_id = ${orderId} order by attempt desc limit 1`))[0]!;

  /** An order whose every line has its SIM and device (by default a new line and a port-in): Ready. */
  const readyOrder = (lines: TWizardLineInput[] = [NEW_LINE, PORT_LINE]) => client.readyOrder(lines);

  /** Send, then wait for the submit job to deliver it and the carrier to accept it. */
  const sendAccepted = async (orderId: string): Promise<Submission & { request_id: string }> => {
    await client.send(orderId);
    return client.waitFor('the carrier to accept the submission', async () => {
      const submission = await submissionOf(orderId);
      return submission.status === 'ACCEPTED' && submission.request_id ? (submission as Submission & { request_id: string }) : null;
    });
  };

  return { page: client.page, messages: client.messages, waitForStatus: client.waitForStatus, submissionOf, readyOrder, sendAccepted };
}

describe('completion from the carrier: signed callbacks, status checks, Carrier Messages and fallout', () => {
  let sim: CarrierSim;

  beforeAll(async () => {
    // The simulator takes and processes every activation, but never calls back: the tests deliver the callbacks.
    sim = await startCarrierSim({ faults: { dropCallbacks: true } satisfies TFaultsInput });
  });
  afterAll(async () => sim?.stop());

  describe('callbacks', () => {
    let t: TestApp;
    let runner: JobRunner;
    let h: ReturnType<typeof helpers>;
    let session: string;
    let completed: { orderId: string; customerId: string; activation: TGatewayActivation; signature: string };
    let errorOrderId: string;

    beforeAll(async () => {
      const world = await carrierWorld(sim, {}, 'submit');
      ({ t, runner, session } = world);
      h = helpers(t, world.agent, session);
    });
    afterAll(async () => {
      await runner?.stop();
      await t?.close();
    });

    const activationOf = (submission: Submission, order: TOrderDetail, status: TGatewayActivation['status'], sequence: number, lines: TGatewayActivation['lines']): TGatewayActivation => ({
      requestId: submission.request_id!,
      requestKey: submission.submission_key,
      reference: order.orderNumber,
      status,
      sequence,
      lines,
      updatedAt: new Date().toISOString(),
    });
    const TYPES: Record<TGatewayActivation['status'], TGatewayCallback['type']> = {
      RECEIVED: 'activation.in_progress',
      IN_PROGRESS: 'activation.in_progress',
      COMPLETED: 'activation.completed',
      PARTIAL: 'activation.partial',
      REJECTED: 'activation.rejected',
      CANCELLED: 'activation.cancelled',
    };
    const sign = (secret: string, timestamp: number, rawBody: string) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;

    /** Delivers a callback as the carrier does: a bare POST (no session, no Origin), signed over the raw body. */
    const deliver = async (
      activation: TGatewayActivation,
      options: { eventId?: string; secret?: string; timestamp?: number; carrierCode?: string } = {},
    ) => {
      const callback: TGatewayCallback = { eventId: options.eventId ?? `evt-${randomUUID()}`, type: TYPES[activation.status], occurredAt: new Date().toISOString(), activation };
      const rawBody = JSON.stringify(callback);
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      const signature = sign(options.secret ?? NWM_SECRET.webhookSecret, timestamp, rawBody);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/carrier-callbacks/${options.carrierCode ?? 'NWM'}`,
        headers: {
          host: TEST_HOST,
          'content-type': 'application/json',
          [GATEWAY_HEADERS.eventId]: callback.eventId,
          [GATEWAY_HEADERS.timestamp]: String(timestamp),
          [GATEWAY_HEADERS.signature]: signature,
        },
        payload: rawBody,
      });
      return { response, callback, signature };
    };
    const messages = (orderId: string) => h.messages(orderId);
    const itemStatuses = async (orderId: string) =>
      (await selectRows<{ status: string }>(t.database.db, sql`select status from inventory_items where order_id = ${orderId} order by status`)).map((row) => row.status);
    const account = async (customerId: string): Promise<TCustomerAccount> => (await t.request({ method: 'GET', url: `/api/customers/${customerId}`, session })).json();

    it('should apply reports that arrive together in one transaction, each as it would alone, a bad one refused alone', async () => {
      const sent = [];
      for (let n = 0; n < 3; n += 1) {
        const { orderId, customerId } = await h.readyOrder([NEW_LINE]);
        sent.push({ orderId, customerId, submission: await h.sendAccepted(orderId), order: await h.page(orderId) });
      }
      const [a, b, c] = sent as [(typeof sent)[number], (typeof sent)[number], (typeof sent)[number]];
      const activatedAt = '2026-03-02T15:04:05.000Z';
      const done = (x: typeof a, mdn: string) => activationOf(x.submission, x.order, 'COMPLETED', 3, [{ lineRef: x.order.lines[0]!.id, status: 'ACTIVE', mdn, activatedAt, rejection: null }]);
      const working = activationOf(a.submission, a.order, 'IN_PROGRESS', 2, [{ lineRef: a.order.lines[0]!.id, status: 'PENDING', mdn: null, activatedAt: null, rejection: null }]);
      const report = (activation: TGatewayActivation, eventId: string, requestId: string): CarrierReport => ({
        carrierCode: 'NWM',
        activation,
        eventId,
        requestId,
        report: { direction: 'CALLBACK', operation: `callback ${TYPES[activation.status]}`, httpStatus: 200, payload: { eventId } },
      });
      const unknown = { ...done(c, '3125550193'), requestKey: 'ORD-NOPE-S1-00000000', requestId: 'NWM-R-NOPE' };
      const outcomes = await applyCarrierActivations(
        t.database.db,
        [
          report(working, 'evt-a-2', 'req-a-2'),
          // The same submission again, later in the batch: applied after the report before it.
          report(done(a, '3125550191'), 'evt-a-3', 'req-a-3'),
          report(done(b, '3125550192'), 'evt-b-3', 'req-b-3'),
          // The carrier delivered b's event twice at once: taken once.
          report(done(b, '3125550192'), 'evt-b-3', 'req-b-3-again'),
          report(unknown, 'evt-unknown', 'req-unknown'),
          report(done(c, '3125550193'), 'evt-c-3', 'req-c-3'),
        ],
        { pollDelayMs: 60_000 },
      );
      expect(outcomes.map((o) => (o instanceof Error ? `${o.code}` : `${o.outcome} ${o.orderStatus} ${o.ended}`))).toEqual([
        'APPLIED IN_PROGRESS false',
        'APPLIED COMPLETE true',
        'APPLIED COMPLETE true',
        'DUPLICATE null false',
        'NOT_FOUND',
        'APPLIED COMPLETE true',
      ]);
      for (const [x, mdn] of [[a, '3125550191'], [b, '3125550192'], [c, '3125550193']] as const) {
        const order = await h.page(x.orderId);
        expect(order.status).toBe('COMPLETE');
        expect(order.lines.map((line) => [line.status, line.number, line.activatedAt])).toEqual([['ACTIVE', mdn, activatedAt]]);
        expect(await itemStatuses(x.orderId)).toEqual(['ACTIVE', 'ACTIVE']);
        expect((await account(x.customerId)).status).toBe('OPEN');
      }
      // Nothing of the unknown report was kept: its event can come again once there is a submission for it.
      expect(await selectRows(t.database.db, sql`select 1 from carrier_events where event_id = 'evt-unknown'`)).toEqual([]);
      // Each order's completion audited as its own callback, all in one transaction (one timestamp).
      const completions = await selectRows<{ entity_id: string; request_id: string; at: string }>(
        t.database.db,
        sql`select entity_id, request_id, at::text as at from audit_log where action = 'carrier_completed' and entity_id in (${a.orderId}, ${b.orderId}, ${c.orderId}) order by request_id`,
      );
      expect(completions.map((row) => [row.entity_id, row.request_id])).toEqual([
        [a.orderId, 'req-a-3'],
        [b.orderId, 'req-b-3'],
        [c.orderId, 'req-c-3'],
      ]);
      expect(new Set(completions.map((row) => row.at)).size).toBe(1);
      expect((await h.messages(a.orderId)).filter((m) => m.direction === 'CALLBACK').map((m) => m.summary)).toEqual([
        expect.stringMatching(/in progress \(sequence 2\)/),
        expect.stringMatching(/completed \(sequence 3\): Line 1 Active \(312\) 555-0191$/),
      ]);
    });

    it('should make every line Active with its number and date, its stock Active, the order Complete and the customer Open', async () => {
      const { orderId, customerId, portInNumber } = await h.readyOrder();
      const submission = await h.sendAccepted(orderId);
      let order = await h.page(orderId);
      expect(order).toMatchObject({ status: 'IN_PROGRESS', awaitingCarrier: true, carrier: { requestId: submission.request_id, attempts: 1, error: null, retry: null } });
      expect(order.send).toEqual({ allowed: false, reason: 'Northwind Mobile is activating the lines' });
      expect(await account(customerId)).toMatchObject({ status: 'PENDING' });

      const progress = await deliver(activationOf(submission, order, 'IN_PROGRESS', 1, order.lines.map((line) => ({ lineRef: line.id, status: 'PENDING', mdn: null, activatedAt: null, rejection: null }))));
      expect(progress.response.statusCode, progress.response.body).toBe(200);
      expect(progress.response.json()).toEqual({ accepted: true });

      // The status check in case no callback comes, scheduled when the carrier took the request.
      const firstCheck = () =>
        selectRows<{ status: string; attempts: number }>(t.database.db, sql`select status, attempts from jobs where dedupe_key = ${`carrier.poll:${submission.id}:1`}`);
      expect(await firstCheck()).toEqual([{ status: 'QUEUED', attempts: 0 }]);

      const activatedAt = '2026-03-02T15:04:05.000Z';
      const done = activationOf(submission, order, 'COMPLETED', 2, [
        { lineRef: order.lines[0]!.id, status: 'ACTIVE', mdn: '3125550143', activatedAt, rejection: null },
        { lineRef: order.lines[1]!.id, status: 'ACTIVE', mdn: portInNumber, activatedAt, rejection: null },
      ]);
      const completion = await deliver(done);
      expect(completion.response.statusCode, completion.response.body).toBe(200);
      expect(completion.response.json()).toEqual({ accepted: true });
      // The carrier is done: the status check ends without running.
      expect(await firstCheck()).toEqual([{ status: 'DONE', attempts: 0 }]);

      order = await h.page(orderId);
      expect(order).toMatchObject({ status: 'COMPLETE', awaitingCarrier: false, carrier: { requestId: submission.request_id, attempts: 1, error: null, retry: null } });
      expect(order.lines.map((line) => [line.status, line.number, line.activatedAt, line.carrierRejection])).toEqual([
        ['ACTIVE', '3125550143', activatedAt, null],
        ['ACTIVE', portInNumber, activatedAt, null],
      ]);
      expect(order.send.allowed).toBe(false);
      // Line 1's SIM and device and line 2's SIM (line 2 brought its own device): all in service.
      expect(await itemStatuses(orderId)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
      const customer = await account(customerId);
      expect(customer.status).toBe('OPEN');
      expect(customer.lines.map((line) => [line.number, line.status, line.activatedAt])).toEqual([
        ['3125550143', 'ACTIVE', activatedAt],
        [portInNumber, 'ACTIVE', activatedAt],
      ]);
      // The new number finds the account in Customers > Search.
      const search = await t.request({ method: 'GET', url: '/api/customers?q=(312) 555-0143', session });
      expect(search.json()).toEqual([expect.objectContaining({ id: customerId })]);

      // Every change audited, by the carrier.
      const audited = await selectRows<{ entity_type: string; action: string }>(
        t.database.db,
        sql`select entity_type, action from audit_log where actor_label = 'Northwind Mobile (carrier)' and actor_user_id is null
            and (entity_id = ${orderId} or entity_id = ${customerId} or entity_id in (select id::text from lines where order_id = ${orderId})
                 or entity_id in (select id::text from inventory_items where order_id = ${orderId}) or entity_id = ${submission.id})
            order by entity_type, action`,
      );
      expect(audited).toEqual([
        { entity_type: 'carrier_submission', action: 'finished' },
        { entity_type: 'customer', action: 'status' },
        ...Array.from({ length: 3 }, () => ({ entity_type: 'inventory_item', action: 'activate' })),
        { entity_type: 'line', action: 'activate' },
        { entity_type: 'line', action: 'activate' },
        { entity_type: 'order', action: 'carrier_completed' },
      ]);
      const history: TOrderHistoryEntry[] = (await t.request({ method: 'GET', url: `/api/orders/${orderId}/history`, session })).json();
      expect(history).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actor: 'Northwind Mobile (carrier)',
            subject: `Order ${order.orderNumber}`,
            action: 'Completed by the carrier',
            summary: expect.stringContaining('Status In progress → Complete'),
          }),
          expect.objectContaining({ actor: 'Northwind Mobile (carrier)', subject: 'Line 1', action: 'Activated', summary: 'Status Pending → Active, number (312) 555-0143' }),
          expect.objectContaining({ actor: 'Northwind Mobile (carrier)', subject: expect.stringMatching(/^SIM /), action: 'Activated', summary: 'Status Reserved → Active' }),
        ]),
      );
      completed = { orderId, customerId, activation: done, signature: completion.signature };
    });

    it('should acknowledge a repeated event without effect, and ignore a report older than the one applied', async () => {
      const { orderId, activation } = completed;
      const before = await h.page(orderId);
      const messagesBefore = await messages(orderId);
      const lastEvent = (messagesBefore.at(-1)!.payload as { body: TGatewayCallback }).body.eventId;

      const again = await deliver(activation, { eventId: lastEvent });
      expect(again.response.statusCode, again.response.body).toBe(200);
      expect(again.response.json()).toEqual({ duplicate: true });
      expect(await h.page(orderId)).toEqual(before);
      expect(await messages(orderId)).toEqual(messagesBefore);

      // The in-progress report (sequence 1) arriving late, as a new event: recorded, and nothing changes.
      const late = await deliver({ ...activation, status: 'IN_PROGRESS', sequence: 1, lines: activation.lines.map((line) => ({ ...line, status: 'PENDING', mdn: null, activatedAt: null })) });
      expect(late.response.statusCode, late.response.body).toBe(200);
      expect(late.response.json()).toEqual({ accepted: true });
      expect(await h.page(orderId)).toEqual(before);
      expect(await itemStatuses(orderId)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
      const after = await messages(orderId);
      expect(after).toHaveLength(messagesBefore.length + 1);
      expect(after.at(-1)!.summary).toMatch(/sequence 1.*no change$/);
    });

    it('should refuse a bad signature, a stale timestamp, an unknown carrier or request, and change nothing', async () => {
      const { orderId } = await h.readyOrder([NEW_LINE]);
      const submission = await h.sendAccepted(orderId);
      const order = await h.page(orderId);
      const messagesBefore = await messages(orderId);
      const done = activationOf(submission, order, 'COMPLETED', 1, [{ lineRef: order.lines[0]!.id, status: 'ACTIVE', mdn: '3125550177', activatedAt: new Date().toISOString(), rejection: null }]);
      const eventId = `evt-${randomUUID()}`;

      const forged = await deliver(done, { eventId, secret: 'not-the-carriers-webhook-secret-at-all' });
      expect(forged.response.statusCode).toBe(401);
      expect(forged.response.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'The callback signature does not match' });

      const stale = await deliver(done, { eventId, timestamp: Math.floor(Date.now() / 1000) - 3600 });
      expect(stale.response.statusCode).toBe(401);
      expect(stale.response.json().reason).toMatch(/stale/);

      const unsigned = await t.app.inject({ method: 'POST', url: '/api/carrier-callbacks/NWM', headers: { host: TEST_HOST, 'content-type': 'application/json' }, payload: JSON.stringify({}) });
      expect(unsigned.statusCode).toBe(401);

      expect((await deliver(done, { eventId, carrierCode: 'NOPE' })).response.statusCode).toBe(404);
      const unknown = await deliver({ ...done, requestKey: 'ORD-999999-S1-00000000', requestId: 'R-UNKNOWN' }, { eventId });
      expect(unknown.response.statusCode).toBe(404);
      // A carrier whose orders are provisioned by hand has no callbacks.
      expect((await deliver(done, { eventId, carrierCode: 'PCC' })).response.statusCode).toBe(404);

      expect(await h.page(orderId)).toEqual(order);
      expect(await itemStatuses(orderId)).toEqual(['RESERVED', 'RESERVED']);
      expect(await messages(orderId)).toEqual(messagesBefore);

      // A signed body the contract refuses (a date that is no date) is a validation error, not a server error.
      const garbled = await deliver({ ...done, lines: [{ ...done.lines[0]!, activatedAt: 'yesterday-ish' }] }, { eventId });
      expect(garbled.response.statusCode).toBe(400);
      expect(garbled.response.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'body.activation.lines.0.activatedAt' })] });
      expect(await h.page(orderId)).toEqual(order);

      // None of the refused deliveries used up the event id: the genuine one is taken. The signature covers the
      // bytes as sent, even ones that are not UTF-8 text (here a Latin-1 "é" in a field we do not read).
      const json = JSON.stringify({ eventId, type: 'activation.completed', occurredAt: new Date().toISOString(), activation: done });
      const bytes = Buffer.concat([Buffer.from(`${json.slice(0, -1)},"note":"caf`), Buffer.from([0xe9]), Buffer.from('"}')]);
      const timestamp = Math.floor(Date.now() / 1000);
      const genuine = await t.app.inject({
        method: 'POST',
        url: '/api/carrier-callbacks/NWM',
        headers: {
          host: TEST_HOST,
          'content-type': 'application/json',
          [GATEWAY_HEADERS.eventId]: eventId,
          [GATEWAY_HEADERS.timestamp]: String(timestamp),
          [GATEWAY_HEADERS.signature]: `v1=${createHmac('sha256', NWM_SECRET.webhookSecret).update(`${timestamp}.`).update(bytes).digest('hex')}`,
        },
        payload: bytes,
      });
      expect(genuine.statusCode, genuine.body).toBe(200);
      expect(genuine.json()).toEqual({ accepted: true });
      expect((await h.page(orderId)).status).toBe('COMPLETE');
    });

    it('should make the order Partial when the carrier refuses some lines: the refused line keeps its reason and its stock goes back', async () => {
      const { orderId, customerId } = await h.readyOrder();
      const submission = await h.sendAccepted(orderId);
      const order = await h.page(orderId);
      const refusal = { code: 'PORT_PIN_MISMATCH', text: 'The PIN does not match the account at the current carrier' };
      const result = await deliver(
        activationOf(submission, order, 'PARTIAL', 3, [
          { lineRef: order.lines[0]!.id, status: 'ACTIVE', mdn: '3125550190', activatedAt: new Date().toISOString(), rejection: null },
          { lineRef: order.lines[1]!.id, status: 'REJECTED', mdn: null, activatedAt: null, rejection: refusal },
        ]),
      );
      expect(result.response.json()).toEqual({ accepted: true });

      const after = await h.page(orderId);
      expect(after).toMatchObject({ status: 'PARTIAL', awaitingCarrier: false, carrier: { error: null } });
      expect(after.lines.map((line) => [line.status, line.carrierRejection])).toEqual([
        ['ACTIVE', null],
        ['CANCELLED', refusal],
      ]);
      // Line 1's SIM and device in service; line 2's SIM back in stock.
      const items = await selectRows<{ status: string; line_id: string | null }>(
        t.database.db,
        sql`select i.status, i.line_id from inventory_items i join inventory_identifiers x on x.item_id = i.id where x.value = ${order.lines[1]!.items.find((item) => item.itemKind === 'SIM')!.value}`,
      );
      expect(items).toEqual([{ status: 'AVAILABLE', line_id: null }]);
      expect(await itemStatuses(orderId)).toEqual(['ACTIVE', 'ACTIVE']);
      expect((await account(customerId)).status).toBe('OPEN');
    });

    it('should record a late report on a send the order has moved on from, and change no line or stock', async () => {
      const { orderId } = await h.readyOrder([NEW_LINE]);
      const first = await h.sendAccepted(orderId);
      const order = await h.page(orderId);
      const refusal = { code: 'SIM_ALREADY_ACTIVE', text: 'The SIM is active on the network' };
      await deliver(activationOf(first, order, 'REJECTED', 2, [{ lineRef: order.lines[0]!.id, status: 'REJECTED', mdn: null, activatedAt: null, rejection: refusal }]));
      expect((await h.page(orderId)).status).toBe('ERROR');
      const second = await h.sendAccepted(orderId);
      expect(second.submission_key).not.toBe(first.submission_key);
      const before = await h.page(orderId);

      // The carrier changes its mind about the first send, too late: the order is on its second.
      const late = await deliver(activationOf(first, order, 'COMPLETED', 3, [{ lineRef: order.lines[0]!.id, status: 'ACTIVE', mdn: '3125550171', activatedAt: new Date().toISOString(), rejection: null }]));
      expect(late.response.json()).toEqual({ accepted: true });
      const after = await h.page(orderId);
      expect(after.status).toBe(before.status);
      expect(after.lines.map((line) => [line.status, line.activatedAt])).toEqual(before.lines.map((line) => [line.status, line.activatedAt]));
      expect(await itemStatuses(orderId)).toEqual(['RESERVED', 'RESERVED']);
      expect((await messages(orderId)).at(-1)).toMatchObject({
        direction: 'CALLBACK',
        summary: expect.stringMatching(/ — about a send the order has moved on from: recorded, no change$/),
      });
    });

    it('should put the order in Error with the carrier codes and texts when it refuses every line', async () => {
      const { orderId, customerId } = await h.readyOrder();
      const submission = await h.sendAccepted(orderId);
      const order = await h.page(orderId);
      const simRefusal = { code: 'SIM_ALREADY_ACTIVE', text: 'The SIM is active on the network' };
      const pinRefusal = { code: 'PORT_PIN_MISMATCH', text: 'The PIN does not match the account at the current carrier' };
      const result = await deliver(
        activationOf(submission, order, 'REJECTED', 2, [
          { lineRef: order.lines[0]!.id, status: 'REJECTED', mdn: null, activatedAt: null, rejection: simRefusal },
          { lineRef: order.lines[1]!.id, status: 'REJECTED', mdn: null, activatedAt: null, rejection: pinRefusal },
        ]),
      );
      expect(result.response.json()).toEqual({ accepted: true });

      const after = await h.page(orderId);
      expect(after).toMatchObject({
        status: 'ERROR',
        awaitingCarrier: false,
        carrier: {
          requestId: submission.request_id,
          attempts: 1,
          error: { code: 'SIM_ALREADY_ACTIVE', text: `Line 1: ${simRefusal.text}; Line 2: ${pinRefusal.text}` },
          retry: null,
        },
      });
      // The lines wait, with what was wrong, for the agent to fix them and send again.
      expect(after.lines.map((line) => [line.status, line.carrierRejection])).toEqual([
        ['PENDING', simRefusal],
        ['PENDING', pinRefusal],
      ]);
      expect(await itemStatuses(orderId)).toEqual(['RESERVED', 'RESERVED', 'RESERVED']);
      expect((await account(customerId)).status).toBe('PENDING');
      errorOrderId = orderId;
    });

    it('should list every request, response and callback in Carrier Messages with the PIN, credential and signature redacted', async () => {
      const list = await messages(completed.orderId);
      expect(list.map((m) => [m.direction, m.attempt])).toEqual([
        ['REQUEST', 1],
        ['RESPONSE', 1],
        ['CALLBACK', 1],
        ['CALLBACK', 1],
        ['CALLBACK', 1],
      ]);
      expect(list[0]!.operation).toBe('POST /v1/activations');
      expect(list[1]).toMatchObject({ httpStatus: 202, summary: expect.stringContaining('Accepted') });
      // Numbers as people read them; a callback shows the status we answered it with.
      expect(list[3]).toMatchObject({ operation: 'callback activation.completed', httpStatus: 200, summary: expect.stringMatching(/completed \(sequence 2\): Line 1 Active \(312\) 555-0143; Line 2 Active \(\d{3}\) \d{3}-\d{4}$/) });
      expect(list.filter((m) => m.direction === 'CALLBACK').map((m) => m.httpStatus)).toEqual([200, 200, 200]);
      const request = list[0]!.payload as { lines: { portIn?: { pin: string; accountNumber: string } }[] };
      expect(request.lines[1]!.portIn).toMatchObject({ pin: '[redacted]' });
      const callback = list[3]!.payload as { headers: Record<string, string> };
      expect(callback.headers[GATEWAY_HEADERS.signature]).toBe('[redacted]');
      const all = JSON.stringify(list);
      expect(all).not.toContain(completed.signature.slice(3));
      expect(all).not.toContain(NWM_SECRET.apiKey);
      expect(all).not.toContain('"pin":"4417"');
      const times = list.map((m) => m.at);
      expect([...times].sort()).toEqual(times);

      // Everyone may read it; an order that does not exist is 404.
      const missing = await t.request({ method: 'GET', url: `/api/orders/${randomUUID()}/carrier-messages`, session });
      expect(missing.statusCode).toBe(404);
    });

    it('should list in fallout the orders in Error and those at the carrier past the stuck age', async () => {
      const { orderId: stuckId } = await h.readyOrder([NEW_LINE]);
      await h.sendAccepted(stuckId);
      const { orderId: freshId } = await h.readyOrder([NEW_LINE]);
      await h.sendAccepted(freshId);
      // The stuck one has waited at the carrier for two hours.
      await t.database.db.execute(sql`update orders set updated_at = now() - interval '2 hours' where id = ${stuckId}`);

      const fallout = async (query = ''): Promise<TFalloutPage> => {
        const response = await t.request({ method: 'GET', url: `/api/orders/fallout${query}`, session });
        expect(response.statusCode, response.body).toBe(200);
        return response.json();
      };
      const first = await fallout();
      expect(first.stuckMinutes).toBe(30);
      const ids = first.rows.map((row) => row.id);
      expect(ids).toContain(errorOrderId);
      expect(ids).toContain(stuckId);
      expect(ids).not.toContain(freshId);
      expect(ids).not.toContain(completed.orderId);
      expect(first.total).toBe(first.rows.length);
      // The longest waiting first.
      expect(ids.indexOf(stuckId)).toBeLessThan(ids.indexOf(errorOrderId));
      expect(first.rows.find((row) => row.id === errorOrderId)).toMatchObject({
        status: 'ERROR',
        errorCode: 'SIM_ALREADY_ACTIVE',
        carrierName: 'Northwind Mobile',
        problem: expect.stringMatching(/^Carrier rejected: SIM_ALREADY_ACTIVE — Line 1: The SIM is active on the network/),
        lastSentAt: expect.any(String),
      });
      expect(first.rows.find((row) => row.id === stuckId)).toMatchObject({ status: 'IN_PROGRESS', errorCode: null, problem: expect.stringMatching(/^In progress at Northwind Mobile for 2 h/) });

      // The stuck age is a setting, and the query may override it.
      await writeSetting(t.database.db, FALLOUT_STUCK_MINUTES_SETTING, 180);
      const patient = await fallout();
      expect(patient.stuckMinutes).toBe(180);
      expect(patient.rows.map((row) => row.id)).not.toContain(stuckId);
      expect((await fallout('?stuckMinutes=60')).rows.map((row) => row.id)).toContain(stuckId);
      expect((await fallout('?carrierCode=BSW')).rows).toEqual([]);
      const refused = await t.request({ method: 'GET', url: '/api/orders/fallout?stuckMinutes=0', session });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([expect.objectContaining({ field: 'query.stuckMinutes' })]);
    });
  });

  describe('status checks when no callback comes', () => {
    let t: TestApp;
    let runner: JobRunner;
    let h: ReturnType<typeof helpers>;
    let session: string;

    beforeAll(async () => {
      const world = await carrierWorld(sim, { CARRIER_POLL_SECONDS: '0.2' }, 'all');
      ({ t, runner, session } = world);
      h = helpers(t, world.agent, session);
    });
    afterAll(async () => {
      await runner?.stop();
      await t?.close();
    });

    it('should complete the order from the status checks, activating once', async () => {
      const { orderId, customerId } = await h.readyOrder([NEW_LINE]);
      const submission = await h.sendAccepted(orderId);
      const order = await h.waitForStatus(orderId, 'COMPLETE');
      // A number the carrier gave in the area code asked for.
      expect(order.lines[0]).toMatchObject({ status: 'ACTIVE', number: expect.stringMatching(/^312\d{7}$/), activatedAt: expect.any(String) });
      expect(order.awaitingCarrier).toBe(false);
      const customer: TCustomerAccount = (await t.request({ method: 'GET', url: `/api/customers/${customerId}`, session })).json();
      expect(customer.status).toBe('OPEN');
      const list: TCarrierMessage[] = (await t.request({ method: 'GET', url: `/api/orders/${orderId}/carrier-messages`, session })).json();
      expect(list.map((m) => m.direction)).toEqual(expect.arrayContaining(['REQUEST', 'RESPONSE', 'POLL']));
      expect(list.filter((m) => m.direction === 'CALLBACK')).toEqual([]);
      expect(list.find((m) => m.direction === 'POLL' && m.summary.includes('completed'))).toMatchObject({ operation: `GET /v1/activations/${submission.request_id}`, httpStatus: 200 });
      const stats = await sim.stats();
      expect(stats.activationsByRequestKey[submission.submission_key]).toBe(1);
      expect(stats.activationsByLineRef[order.lines[0]!.id]).toBe(1);
      // No more checks once the carrier is done.
      const polls = stats.polls;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await sim.stats()).polls).toBe(polls);
    });
  });
});
