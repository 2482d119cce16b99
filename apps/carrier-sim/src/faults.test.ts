import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS_FILE, loadAccounts } from './config.js';
import { startCarrierSim, type CarrierSim } from './testing/start-carrier-sim.js';
import { activationRequest, gatewayClient, hasValidSignature, startCallbackReceiver, validIccid, waitFor } from './testing/test-support.js';

const [nwm] = loadAccounts(DEMO_ACCOUNTS_FILE);
if (!nwm) throw new Error('demo-accounts.json needs the NWM account');

let sim: CarrierSim;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
let client: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  [sim, receiver] = await Promise.all([startCarrierSim({ delayMs: 0, hangMs: 2_000 }), startCallbackReceiver()]);
  client = gatewayClient(sim.baseUrl, nwm);
});
afterAll(async () => {
  await Promise.all([sim?.stop(), receiver?.close()]);
});
beforeEach(async () => {
  await sim.reset();
  receiver.clear();
});

const oneLine = (extra: Parameters<typeof activationRequest>[1] = {}) => activationRequest([{ iccid: validIccid(), areaCode: '312' }], { callbackUrl: receiver.url, ...extra });
const callbackTypes = (requestId: string) => receiver.forRequest(requestId).map((callback) => callback.body.type);

describe('fault injection', () => {
  it('should answer 503 to the next N submit or status requests, then work', async () => {
    await sim.setFaults({ transientErrors: 2 });
    const request = oneLine();
    expect((await client.submit(request)).status).toBe(503);
    expect((await client.status('NWM-R-0000-000001')).status).toBe(503);
    const accepted = await client.submit(request);
    expect(accepted.status).toBe(202);
    expect((await client.status(String(accepted.body.requestId))).status).toBe(200);
    expect((await sim.stats()).submits).toBe(2);
  });

  it('should hang a submit past the client timeout and still take the activation with timeoutAfterAccept', async () => {
    await sim.setFaults({ timeouts: 1, timeoutAfterAccept: true });
    const request = oneLine();
    await expect(client.submit(request, AbortSignal.timeout(300))).rejects.toThrow();
    const retry = await client.submit(request);
    expect(retry.status).toBe(200);
    await waitFor(async () => (await sim.stats()).activations === 1, { what: 'the activation' });
    expect((await sim.stats()).activationsByRequestKey).toEqual({ [request.requestKey]: 1 });
  });

  it('should hang a submit without taking it when timeoutAfterAccept is false', async () => {
    await sim.setFaults({ timeouts: 1, timeoutAfterAccept: false });
    const request = oneLine();
    await expect(client.submit(request, AbortSignal.timeout(300))).rejects.toThrow();
    expect((await client.submit(request)).status).toBe(202);
  });

  it('should take every other hung submit when timeoutAfterAccept is unset', async () => {
    await sim.setFaults({ timeouts: 2 });
    const [first, second] = [oneLine(), oneLine()];
    await expect(client.submit(first, AbortSignal.timeout(300))).rejects.toThrow();
    await expect(client.submit(second, AbortSignal.timeout(300))).rejects.toThrow();
    expect((await client.submit(first)).status).toBe(200);
    expect((await client.submit(second)).status).toBe(202);
  });

  it('should drop a hung connection after hangMs', async () => {
    await sim.setFaults({ timeouts: 1 });
    const started = Date.now();
    await expect(client.submit(oneLine())).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it('should slow callbacks with callbackDelayMs', async () => {
    await sim.setFaults({ callbackDelayMs: 600 });
    const started = Date.now();
    const { body } = await client.submit(oneLine());
    const [first] = await waitFor(() => (receiver.forRequest(String(body.requestId)).length ? receiver.forRequest(String(body.requestId)) : null));
    expect(first!.receivedAt - started).toBeGreaterThanOrEqual(550);
  });

  it('should deliver every callback twice with duplicateCallbacks', async () => {
    await sim.setFaults({ duplicateCallbacks: true });
    const { body } = await client.submit(oneLine());
    const requestId = String(body.requestId);
    // No processing time: one event (the final state), delivered twice.
    await waitFor(() => receiver.forRequest(requestId).length === 2, { what: 'two deliveries' });
    const events = receiver.forRequest(requestId).map((callback) => callback.body.eventId);
    expect(new Set(events).size).toBe(1);
    expect(receiver.forRequest(requestId).every((callback) => hasValidSignature(callback, nwm.webhookSecret))).toBe(true);
  });

  it('should deliver the final callback before the in_progress one with outOfOrderCallbacks', async () => {
    await sim.setFaults({ outOfOrderCallbacks: true });
    const { body } = await client.submit(oneLine());
    const requestId = String(body.requestId);
    await waitFor(() => receiver.forRequest(requestId).length === 2, { what: 'two callbacks' });
    expect(callbackTypes(requestId)).toEqual(['activation.completed', 'activation.in_progress']);
    const [final, stale] = receiver.forRequest(requestId).map((callback) => callback.body.activation.sequence);
    expect(final).toBeGreaterThan(stale!);
  });

  it('should reject every line with rejectAll', async () => {
    await sim.setFaults({ rejectAll: { code: 'REJECTED_BY_CARRIER', text: 'Account on credit hold' } });
    const { body } = await client.submit(activationRequest([{ iccid: validIccid(), areaCode: '312' }, { iccid: validIccid(), areaCode: '415' }], { callbackUrl: receiver.url }));
    const requestId = String(body.requestId);
    await waitFor(() => callbackTypes(requestId).includes('activation.rejected'), { what: 'the rejection' });
    const final = receiver.forRequest(requestId).at(-1)!.body.activation;
    expect(final.status).toBe('REJECTED');
    expect(final.lines.map((line) => line.rejection)).toEqual([
      { code: 'REJECTED_BY_CARRIER', text: 'Account on credit hold' },
      { code: 'REJECTED_BY_CARRIER', text: 'Account on credit hold' },
    ]);
    expect((await sim.stats()).activations).toBe(0);
  });

  it('should never call back with dropCallbacks, leaving polling to show the outcome', async () => {
    await sim.setFaults({ dropCallbacks: true });
    const { body } = await client.submit(oneLine());
    const requestId = String(body.requestId);
    await waitFor(async () => (await client.status(requestId)).body.status === 'COMPLETED', { what: 'completion' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.forRequest(requestId)).toEqual([]);
    expect((await sim.stats()).callbacksSent).toBe(0);
  });

  it('should take faults at start and return to them on reset', async () => {
    const faulty = await startCarrierSim({ faults: { transientErrors: 1 } });
    try {
      const faultyClient = gatewayClient(faulty.baseUrl, nwm);
      expect((await faultyClient.submit(oneLine())).status).toBe(503);
      expect((await faultyClient.submit(oneLine())).status).toBe(202);
      await faulty.reset();
      expect((await faultyClient.submit(oneLine())).status).toBe(503);
    } finally {
      await faulty.stop();
    }
  });

  it('should refuse a malformed fault set naming the field', async () => {
    const response = await fetch(`${sim.baseUrl.replace(/\/v1$/, '')}/_sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-sim-control-token': sim.controlToken },
      body: JSON.stringify({ transientErrors: -1 }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ field: 'transientErrors' });
  });
});
