import { startCarrierSim, type CarrierSim, type SimStats, type TFaultsInput } from '@linedesk/carrier-sim/testing';
import { formatNanp, type TCarrierMessage, type TFalloutPage, type TOrderDetail, type TOrderHistoryEntry, type TWizardLineInput } from '@linedesk/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { carrierOrderClient, createCarrierTestApp, type CarrierTestApp } from '../../test/carrier-test-app.js';
import { NEW_LINE } from '../../test/wizard-fixture.js';

/*
 * One test per fault the carrier gateway simulator injects (apps/carrier-sim/src/faults.ts), end to end: the
 * app listens on a real port with its job worker in-process, the simulator runs as its own process, the
 * agent sends a Ready order, and the carrier's callbacks come back over HTTP. Whatever the fault, the order
 * ends right (Complete with every line Active and its number, or Error with the carrier's reason), the
 * carrier activated each line exactly once, and Carrier Messages tell what happened.
 */

const CARRIER_TIMEOUT_MS = 600;
const POLL_SECONDS = 3;

describe('sending through carrier faults: the order still ends right', () => {
  let sim: CarrierSim;
  let t: CarrierTestApp;
  let client: ReturnType<typeof carrierOrderClient>;

  beforeAll(async () => {
    // Each processing step takes 150 ms at the carrier; a hung submit is dropped by the carrier after 5 s.
    sim = await startCarrierSim({ delayMs: 150, hangMs: 5000 });
    t = await createCarrierTestApp(sim, {
      CARRIER_TIMEOUT_MS: String(CARRIER_TIMEOUT_MS),
      CARRIER_POLL_SECONDS: String(POLL_SECONDS),
      JOB_RETRY_BASE_MS: '100',
      JOB_RETRY_CAP_MS: '400',
    });
    const agent = await t.createUser('agent', { name: 'Alex Agent' });
    client = carrierOrderClient(t, agent, await t.sessionFor(agent));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });
  afterEach(async () => {
    await sim.setFaults({});
    // No job failed or was given up along the way (retries are warnings).
    expect(t.logged.filter((entry) => entry.level === 'error')).toEqual([]);
    t.logged.length = 0;
  });

  /** The agent's view once the carrier is done: Complete, each line Active with a 312 number and its date, nothing awaited. */
  const expectComplete = (order: TOrderDetail, lineCount: number) => {
    expect(order).toMatchObject({ status: 'COMPLETE', awaitingCarrier: false, carrier: { error: null, retry: null } });
    expect(order.lines).toHaveLength(lineCount);
    for (const line of order.lines) {
      expect(line).toMatchObject({ status: 'ACTIVE', number: expect.stringMatching(/^312[2-9]\d{6}$/), activatedAt: expect.any(String), carrierRejection: null });
    }
  };
  /** The simulator activated each line exactly once, all under the one request key. */
  const expectActivatedOnce = async (order: TOrderDetail, requestKey: string) => {
    const stats = await sim.stats();
    for (const line of order.lines) expect(stats.activationsByLineRef[line.id], `activations of line ${line.position + 1}`).toBe(1);
    expect(stats.activationsByRequestKey[requestKey]).toBe(order.lines.length);
  };
  /** The request keys of the order's requests to the carrier, as Carrier Messages show their payloads. */
  const requestKeysOf = (messages: TCarrierMessage[]) =>
    [...new Set(messages.filter((m) => m.direction === 'REQUEST').map((m) => (m.payload as { requestKey: string }).requestKey))];
  const callbacksOf = (messages: TCarrierMessage[]) => messages.filter((m) => m.direction === 'CALLBACK');
  /** The submit's exchanges (requests, answers, delivery errors) without the callbacks, which may come in between. */
  const exchangesOf = (messages: TCarrierMessage[]) => messages.filter((m) => m.direction !== 'CALLBACK');
  /** Waits until the simulator has had `count` more callbacks answered 2xx than in `before`. */
  const waitForCallbacksSent = (before: SimStats, count: number) =>
    client.waitFor(`${count} callbacks answered`, async () => ((await sim.stats()).callbacksSent - before.callbacksSent >= count ? true : null));
  /** The carrier behaves so; the agent sends a Ready order (default one new line). With the simulator's counts before, and Send's answer. */
  const sendWithFaults = async (faults: TFaultsInput, lines?: TWizardLineInput[]) => {
    await sim.setFaults(faults);
    const before = await sim.stats();
    const { orderId } = await client.readyOrder(lines);
    const sent = await client.send(orderId);
    return { orderId, before, sent };
  };
  /**
   * A one-line order whose first submit got no answer in time: sent again with the same key, answered
   * `answerStatus` (200: the carrier already had the request; 202: taken now), then completed by both callbacks.
   */
  const expectCompleteAfterTimeout = async (orderId: string, answerStatus: 200 | 202) => {
    const order = await client.waitForStatus(orderId, 'COMPLETE');
    expectComplete(order, 1);
    const messages = await client.messages(orderId);
    expect(exchangesOf(messages).slice(0, 4).map((m) => [m.direction, m.httpStatus, m.summary])).toEqual([
      ['REQUEST', null, expect.stringMatching(/^Activation request for 1 line, key /)],
      ['ERROR', null, `No answer: The carrier did not answer within ${CARRIER_TIMEOUT_MS} ms; will retry`],
      ['REQUEST', null, expect.stringMatching(/^Activation request for 1 line, key /)],
      ['RESPONSE', answerStatus, `${answerStatus} Accepted, request ${order.carrier.requestId}`],
    ]);
    const keys = requestKeysOf(messages);
    expect(keys).toHaveLength(1);
    expect(callbacksOf(messages).map((m) => m.operation)).toEqual(['callback activation.in_progress', 'callback activation.completed']);
    await expectActivatedOnce(order, keys[0]!);
  };

  it('should retry after transient 5xx answers with the same request key until the carrier takes it, and complete', async () => {
    const { orderId, before, sent } = await sendWithFaults({ transientErrors: 2 }, [NEW_LINE, NEW_LINE]);
    expect(sent).toMatchObject({ status: 'SENT', awaitingCarrier: true });

    const order = await client.waitForStatus(orderId, 'COMPLETE');
    expectComplete(order, 2);
    expect(order.carrier).toMatchObject({ requestId: expect.stringMatching(/^NWM-R-[0-9A-Z-]+$/), attempts: 1 });

    const messages = await client.messages(orderId);
    const unavailable = '503 SERVICE_UNAVAILABLE: The activation system is temporarily unavailable; try again; will retry';
    expect(exchangesOf(messages).slice(0, 6).map((m) => [m.direction, m.httpStatus, m.summary])).toEqual([
      ['REQUEST', null, expect.stringMatching(/^Activation request for 2 lines, key /)],
      ['RESPONSE', 503, unavailable],
      ['REQUEST', null, expect.stringMatching(/^Activation request for 2 lines, key /)],
      ['RESPONSE', 503, unavailable],
      ['REQUEST', null, expect.stringMatching(/^Activation request for 2 lines, key /)],
      ['RESPONSE', 202, `202 Accepted, request ${order.carrier.requestId}`],
    ]);
    const keys = requestKeysOf(messages);
    expect(keys).toHaveLength(1);
    expect(callbacksOf(messages).map((m) => m.summary)).toEqual([
      `Request ${order.carrier.requestId} in progress (sequence 2): Line 1 Pending; Line 2 Pending`,
      `Request ${order.carrier.requestId} completed (sequence 3): Line 1 Active ${formatted(order.lines[0]!.number)}; Line 2 Active ${formatted(order.lines[1]!.number)}`,
    ]);
    expect(messages.every((m) => m.attempt === 1)).toBe(true);
    await expectActivatedOnce(order, keys[0]!);
    expect((await sim.stats()).submits - before.submits).toBe(3);
  });

  it('should retry a submit the carrier took but never answered (timeout) with the same key, and activate once', async () => {
    // The carrier takes the request and holds the connection; its callbacks come late enough for the retry to get the first answer.
    const { orderId, before } = await sendWithFaults({ timeouts: 1, timeoutAfterAccept: true, callbackDelayMs: 2500 });
    // The same key again: the carrier answers with the request it already has.
    await expectCompleteAfterTimeout(orderId, 200);
    expect((await sim.stats()).submits - before.submits).toBe(2);
  });

  it('should retry a submit that timed out before the carrier took it, and activate once', async () => {
    const { orderId } = await sendWithFaults({ timeouts: 1, timeoutAfterAccept: false });
    await expectCompleteAfterTimeout(orderId, 202);
  });

  it('should wait In progress for slow callbacks, then complete from them', async () => {
    const { orderId, before } = await sendWithFaults({ callbackDelayMs: 1000 });

    // Taken by the carrier, and nothing heard yet: the agent sees it In progress at the carrier.
    const waiting = await client.waitForStatus(orderId, 'IN_PROGRESS');
    expect(waiting).toMatchObject({ awaitingCarrier: true, carrier: { requestId: expect.any(String), error: null, retry: null } });
    expect(waiting.lines[0]).toMatchObject({ status: 'PENDING', activatedAt: null });

    const order = await client.waitForStatus(orderId, 'COMPLETE');
    expectComplete(order, 1);
    await waitForCallbacksSent(before, 2);
    const callbacks = callbacksOf(await client.messages(orderId));
    expect(callbacks.map((m) => [m.operation, m.httpStatus, m.summary])).toEqual([
      ['callback activation.in_progress', 200, `Request ${order.carrier.requestId} in progress (sequence 2): Line 1 Pending`],
      ['callback activation.completed', 200, `Request ${order.carrier.requestId} completed (sequence 3): Line 1 Active ${formatted(order.lines[0]!.number)}`],
    ]);
    await expectActivatedOnce(order, requestKeysOf(await client.messages(orderId))[0]!);
  });

  it('should take each duplicated callback once: recorded once, the line activated once', async () => {
    const { orderId, before } = await sendWithFaults({ duplicateCallbacks: true });

    const order = await client.waitForStatus(orderId, 'COMPLETE');
    expectComplete(order, 1);
    // Every delivery, the repeats too, was acknowledged (2xx) to the carrier: four in all.
    await waitForCallbacksSent(before, 4);
    const messages = await client.messages(orderId);
    const callbacks = callbacksOf(messages);
    expect(callbacks.map((m) => m.operation)).toEqual(['callback activation.in_progress', 'callback activation.completed']);
    const eventIds = callbacks.map((m) => (m.payload as { headers: Record<string, string> }).headers['x-gateway-event-id']);
    expect(eventIds).toEqual([`evt-${order.carrier.requestId}-2`, `evt-${order.carrier.requestId}-3`]);
    // The line activated and its number given once in the order's history.
    const history = await orderHistory(orderId);
    expect(history.filter((entry) => entry.subject === 'Line 1' && entry.action === 'Activated')).toHaveLength(1);
    expect(history.filter((entry) => entry.action === 'Completed by the carrier')).toHaveLength(1);
    await expectActivatedOnce(order, requestKeysOf(messages)[0]!);
  });

  it('should complete from the final callback delivered first, and record the late progress report as no change', async () => {
    const { orderId, before } = await sendWithFaults({ outOfOrderCallbacks: true });

    const order = await client.waitForStatus(orderId, 'COMPLETE');
    await waitForCallbacksSent(before, 2);
    const after = await client.page(orderId);
    expectComplete(after, 1);
    expect(after.lines[0]!.number).toBe(order.lines[0]!.number);
    const messages = await client.messages(orderId);
    expect(callbacksOf(messages).map((m) => [m.operation, m.httpStatus, m.summary])).toEqual([
      ['callback activation.completed', 200, `Request ${order.carrier.requestId} completed (sequence 3): Line 1 Active ${formatted(order.lines[0]!.number)}`],
      [
        'callback activation.in_progress',
        200,
        `Request ${order.carrier.requestId} in progress (sequence 2): Line 1 Pending — not newer than the report already applied: no change`,
      ],
    ]);
    await expectActivatedOnce(order, requestKeysOf(messages)[0]!);
  });

  it('should complete from the status checks when the carrier drops every callback, retrying a failed check', async () => {
    const { orderId, before } = await sendWithFaults({ dropCallbacks: true });
    await client.waitForStatus(orderId, 'IN_PROGRESS');
    // The first status check meets a 503 too.
    await sim.setFaults({ dropCallbacks: true, transientErrors: 1 });

    const order = await client.waitForStatus(orderId, 'COMPLETE', POLL_SECONDS * 1000 + 10_000);
    expectComplete(order, 1);
    const messages = await client.messages(orderId);
    expect(callbacksOf(messages)).toEqual([]);
    const checks = messages.filter((m) => m.direction === 'POLL');
    expect(checks.map((m) => [m.operation, m.httpStatus, m.summary])).toEqual([
      [
        `GET /v1/activations/${order.carrier.requestId}`,
        503,
        'Status check failed: 503 SERVICE_UNAVAILABLE: The activation system is temporarily unavailable; try again; will check again',
      ],
      [`GET /v1/activations/${order.carrier.requestId}`, 200, `Request ${order.carrier.requestId} completed (sequence 3): Line 1 Active ${formatted(order.lines[0]!.number)}`],
    ]);
    const stats = await sim.stats();
    expect(stats.callbacksSent - before.callbacksSent).toBe(0);
    expect(stats.polls - before.polls).toBe(2);
    await expectActivatedOnce(order, requestKeysOf(messages)[0]!);
  });

  it('should move the order to Error with the carrier’s code and text on a permanent rejection, then complete when sent again', async () => {
    const rejection = { code: 'CREDIT_CHECK_FAILED', text: 'The account did not pass the carrier credit check' };
    const { orderId } = await sendWithFaults({ rejectAll: rejection }, [NEW_LINE, NEW_LINE]);

    const refused = await client.waitForStatus(orderId, 'ERROR');
    expect(refused).toMatchObject({
      awaitingCarrier: false,
      carrier: { attempts: 1, error: { code: rejection.code, text: `Line 1: ${rejection.text}; Line 2: ${rejection.text}` }, retry: null },
      send: { allowed: true, reason: null },
    });
    for (const line of refused.lines) expect(line).toMatchObject({ status: 'PENDING', number: null, activatedAt: null, carrierRejection: rejection });
    const fallout = async (): Promise<TFalloutPage> => (await t.request({ method: 'GET', url: '/api/orders/fallout', session: client.session })).json();
    expect((await fallout()).rows.find((row) => row.id === orderId)).toMatchObject({ status: 'ERROR', errorCode: rejection.code });
    const first = await client.messages(orderId);
    expect(callbacksOf(first).at(-1)).toMatchObject({
      operation: 'callback activation.rejected',
      summary: `Request ${refused.carrier.requestId} rejected (sequence 3): Line 1 Rejected ${rejection.code}; Line 2 Rejected ${rejection.code}`,
    });

    // The carrier lifts the hold; the agent sends the order again.
    await sim.setFaults({});
    expect(await client.send(orderId)).toMatchObject({ status: 'SENT', carrier: { attempts: 2 } });
    const order = await client.waitForStatus(orderId, 'COMPLETE');
    expectComplete(order, 2);
    expect(order.carrier).toMatchObject({ attempts: 2, requestId: expect.any(String) });
    expect(order.carrier.requestId).not.toBe(refused.carrier.requestId);
    expect((await fallout()).rows.map((row) => row.id)).not.toContain(orderId);

    const messages = await client.messages(orderId);
    const [firstKey, secondKey] = [requestKeysOf(messages.filter((m) => m.attempt === 1)), requestKeysOf(messages.filter((m) => m.attempt === 2))];
    expect(firstKey).toHaveLength(1);
    expect(secondKey).toHaveLength(1);
    expect(secondKey[0]).not.toBe(firstKey[0]);
    expect(callbacksOf(messages.filter((m) => m.attempt === 2)).map((m) => m.operation)).toEqual(['callback activation.in_progress', 'callback activation.completed']);
    const stats = await sim.stats();
    expect(stats.activationsByRequestKey[firstKey[0]!]).toBeUndefined();
    await expectActivatedOnce(order, secondKey[0]!);
  });

  const orderHistory = async (orderId: string): Promise<TOrderHistoryEntry[]> =>
    (await t.request({ method: 'GET', url: `/api/orders/${orderId}/history`, session: client.session })).json();
});

/** A number as Carrier Messages write it: "(312) 555-0143". */
const formatted = (number: string | null) => formatNanp(number ?? '');
