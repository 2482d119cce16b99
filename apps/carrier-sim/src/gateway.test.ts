import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseNanp, ZGatewayAccepted, ZGatewayActivation } from '@linedesk/domain';
import { DEMO_ACCOUNTS_FILE, loadAccounts } from './config.js';
import { startCarrierSim, type CarrierSim } from './testing/start-carrier-sim.js';
import {
  activationRequest,
  gatewayClient,
  hasValidSignature,
  startCallbackReceiver,
  validEid,
  validIccid,
  validImei,
  waitFor,
  withWrongCheckDigit,
} from './testing/test-support.js';

const [nwm, bsw] = loadAccounts(DEMO_ACCOUNTS_FILE);
if (!nwm || !bsw) throw new Error('demo-accounts.json needs the NWM and BSW accounts');

let sim: CarrierSim;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
let client: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  [sim, receiver] = await Promise.all([startCarrierSim({ delayMs: 0 }), startCallbackReceiver()]);
  client = gatewayClient(sim.baseUrl, nwm);
});
afterAll(async () => {
  await Promise.all([sim?.stop(), receiver?.close()]);
});
beforeEach(async () => {
  await sim.reset();
  receiver.clear();
});

/** Submits and waits until the request is final (by polling). */
async function activate(lines: Parameters<typeof activationRequest>[0], extra: Parameters<typeof activationRequest>[1] = {}) {
  const submitted = await client.submit(activationRequest(lines, extra));
  expect(submitted.status).toBe(202);
  const requestId = String(submitted.body.requestId);
  const activation = await waitFor(async () => {
    const { body } = await client.status(requestId);
    return ['COMPLETED', 'PARTIAL', 'REJECTED'].includes(String(body.status)) ? ZGatewayActivation.parse(body) : null;
  }, { what: `${requestId} to finish` });
  return activation;
}

describe('the simulator process', () => {
  it('should print its listening line with the real port and answer under /v1', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(sim.baseUrl).not.toContain(':0/');
  });
});

describe('POST /v1/activations', () => {
  it('should accept a new request with 202 and a carrier-style request id', async () => {
    const request = activationRequest([{ iccid: validIccid(), areaCode: '312' }]);
    const { status, body } = await client.submit(request);
    expect(status).toBe(202);
    expect(ZGatewayAccepted.parse(body)).toMatchObject({ requestKey: request.requestKey, status: 'RECEIVED' });
    expect(body.requestId).toMatch(/^NWM-R-[0-9A-Z]{4}-\d{6}$/);
  });

  it('should never give out a request id (nor so an event id) again after a restart', async () => {
    const restarted = await startCarrierSim({ delayMs: 0 });
    try {
      const first = await client.submit(activationRequest([{ iccid: validIccid(), areaCode: '312' }]));
      const afterRestart = await gatewayClient(restarted.baseUrl, nwm).submit(activationRequest([{ iccid: validIccid(), areaCode: '312' }]));
      expect(String(afterRestart.body.requestId)).toMatch(/^NWM-R-[0-9A-Z]{4}-\d{6}$/);
      // Each process numbers its requests from 1; the boot mark keeps them apart.
      expect(String(afterRestart.body.requestId).slice(-6)).toBe('000001');
      expect(afterRestart.body.requestId).not.toBe(first.body.requestId);
    } finally {
      await restarted.stop();
    }
  });

  it('should answer the same requestKey with the first answer and activate only once, even while processing', async () => {
    const slow = await startCarrierSim({ delayMs: 400 });
    try {
      const slowClient = gatewayClient(slow.baseUrl, nwm);
      const request = activationRequest([{ iccid: validIccid(), areaCode: '312' }]);
      const first = await slowClient.submit(request);
      const again = await slowClient.submit(request);
      expect(first.status).toBe(202);
      expect(again).toEqual({ status: 200, body: first.body });
      await waitFor(async () => (await slowClient.status(String(first.body.requestId))).body.status === 'COMPLETED', { what: 'completion' });
      const late = await slowClient.submit(request);
      expect(late).toEqual({ status: 200, body: first.body });
      const stats = await slow.stats();
      expect(stats.activations).toBe(1);
      expect(stats.activationsByRequestKey).toEqual({ [request.requestKey]: 1 });
      expect(stats.activationsByLineRef).toEqual({ [request.lines[0]!.lineRef]: 1 });
    } finally {
      await slow.stop();
    }
  });

  it('should keep request keys apart per account', async () => {
    const request = activationRequest([{ iccid: validIccid(), areaCode: '312' }]);
    const atNwm = await client.submit(request);
    const atBsw = await gatewayClient(sim.baseUrl, bsw).submit({ ...request, lines: [{ ...request.lines[0], iccid: validIccid() }] });
    expect([atNwm.status, atBsw.status]).toEqual([202, 202]);
    expect(atBsw.body.requestId).toMatch(/^BSW-R-/);
  });

  it('should refuse a wrong API key or an unknown account with 401', async () => {
    const request = activationRequest([{ iccid: validIccid() }]);
    expect(await gatewayClient(sim.baseUrl, { accountId: nwm.accountId, apiKey: bsw.apiKey }).submit(request)).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(await gatewayClient(sim.baseUrl, { accountId: 'NOPE-1', apiKey: nwm.apiKey }).submit(request)).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect((await sim.stats()).activations).toBe(0);
  });

  it('should refuse a malformed body naming the field', async () => {
    const missingLines = await client.submit({ requestKey: 'ORD-X-S1-12345678', reference: 'ORD-X', lines: [] });
    expect(missingLines).toMatchObject({ status: 422, body: { code: 'INVALID_REQUEST', field: 'lines' } });
    const badAreaCode = await client.submit(activationRequest([{ iccid: validIccid(), areaCode: '31' }]));
    expect(badAreaCode).toMatchObject({ status: 422, body: { field: 'lines.0.areaCode' } });
    expect(await client.submit('{not json')).toMatchObject({ status: 400, body: { code: 'INVALID_JSON' } });
  });
});

describe('callbacks', () => {
  it('should call back in_progress then completed, signed with the account webhook secret, with a growing sequence', async () => {
    const paced = await startCarrierSim({ delayMs: 50 });
    try {
      const { body } = await gatewayClient(paced.baseUrl, nwm).submit(activationRequest([{ iccid: validIccid(), imei: validImei(), areaCode: '212' }], { callbackUrl: receiver.url }));
      const requestId = String(body.requestId);
      const callbacks = await waitFor(() => (receiver.forRequest(requestId).length >= 2 ? receiver.forRequest(requestId) : null), { what: 'two callbacks' });
      expect(callbacks.map((callback) => callback.body.type)).toEqual(['activation.in_progress', 'activation.completed']);
      for (const callback of callbacks) {
        expect(hasValidSignature(callback, nwm.webhookSecret)).toBe(true);
        expect(hasValidSignature(callback, bsw.webhookSecret)).toBe(false);
        expect(callback.headers['x-gateway-event-id']).toBe(callback.body.eventId);
      }
      const [inProgress, completed] = callbacks.map((callback) => callback.body);
      expect(inProgress!.activation.status).toBe('IN_PROGRESS');
      expect(completed!.activation.sequence).toBeGreaterThan(inProgress!.activation.sequence);
      expect(completed!.activation.lines[0]).toMatchObject({ status: 'ACTIVE', mdn: expect.stringMatching(/^212\d{7}$/) });
      expect(new Set(callbacks.map((callback) => callback.body.eventId)).size).toBe(2);
    } finally {
      await paced.stop();
    }
  });

  it('should call back only the final state when a request takes no processing time', async () => {
    const { body } = await client.submit(activationRequest([{ iccid: validIccid(), areaCode: '212' }], { callbackUrl: receiver.url }));
    const requestId = String(body.requestId);
    await waitFor(() => receiver.forRequest(requestId).length >= 1, { what: 'the final callback' });
    // Nothing else is on its way: the status check sees the request done, at the callback's sequence.
    const polled = await client.status(requestId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const callbacks = receiver.forRequest(requestId).map((callback) => callback.body);
    expect(callbacks.map((callback) => callback.type)).toEqual(['activation.completed']);
    expect(callbacks[0]!.activation).toMatchObject({ status: 'COMPLETED', sequence: 3 });
    expect(polled.body).toMatchObject({ status: 'COMPLETED', sequence: 3 });
    expect((await sim.stats()).callbacksSent).toBe(1);
  });

  it('should retry a failed delivery with the same event', async () => {
    receiver.failNext(2);
    const { body } = await client.submit(activationRequest([{ iccid: validIccid(), areaCode: '212' }], { callbackUrl: receiver.url }));
    await waitFor(() => receiver.forRequest(String(body.requestId)).some((callback) => callback.body.type === 'activation.completed'), { what: 'the final callback' });
    const stats = await sim.stats();
    expect(stats.callbacksFailed).toBe(2);
    expect(stats.callbacksSent).toBe(1);
    expect(new Set(receiver.forRequest(String(body.requestId)).map((callback) => callback.body.eventId)).size).toBe(1);
  });
});

describe('line decisions', () => {
  it('should give each new line a valid NANP number in the asked area code, unique on the network', async () => {
    const activation = await activate(Array.from({ length: 6 }, () => ({ iccid: validIccid(), areaCode: '312' })));
    expect(activation.status).toBe('COMPLETED');
    const mdns = activation.lines.map((line) => line.mdn ?? '');
    for (const mdn of mdns) {
      expect(parseNanp(mdn)).toMatchObject({ ok: true });
      expect(mdn.slice(0, 3)).toBe('312');
      expect(mdn.slice(3, 6)).not.toBe('555');
    }
    expect(new Set(mdns).size).toBe(mdns.length);
    expect(activation.lines.every((line) => line.activatedAt !== null && line.rejection === null)).toBe(true);
  });

  it('should derive the area code from the ZIP', async () => {
    const activation = await activate([
      { iccid: validIccid(), zip: '60601' },
      { iccid: validIccid(), zip: '94105' },
      { eid: validEid(), zip: '59901' },
    ]);
    expect(activation.lines.map((line) => line.mdn?.slice(0, 3))).toEqual(['312', '415', '612']);
  });

  it('should refuse an area code that is not in service', async () => {
    const activation = await activate([{ iccid: validIccid(), areaCode: '911' }]);
    expect(activation).toMatchObject({ status: 'REJECTED', lines: [{ status: 'REJECTED', mdn: null, rejection: { code: 'INVALID_AREA_CODE' } }] });
  });

  it('should refuse a SIM or device already active on the network, and finish PARTIAL when some lines activate', async () => {
    const sim1 = validIccid();
    const device = validImei();
    expect((await activate([{ iccid: sim1, imei: device, areaCode: '312' }])).status).toBe('COMPLETED');
    const again = await activate([{ iccid: sim1, areaCode: '312' }, { iccid: validIccid(), imei: device, areaCode: '312' }, { iccid: validIccid(), areaCode: '312' }]);
    expect(again.status).toBe('PARTIAL');
    expect(again.lines.map((line) => line.rejection?.code ?? line.status)).toEqual(['SIM_ALREADY_ACTIVE', 'DEVICE_ALREADY_ACTIVE', 'ACTIVE']);
  });

  it('should refuse the same SIM twice in one request', async () => {
    const shared = validIccid();
    const activation = await activate([{ iccid: shared, areaCode: '312' }, { iccid: shared, areaCode: '312' }]);
    expect(activation.lines.map((line) => line.rejection?.code ?? line.status)).toEqual(['ACTIVE', 'SIM_ALREADY_ACTIVE']);
  });

  it('should re-check check digits', async () => {
    const activation = await activate([
      { iccid: withWrongCheckDigit(validIccid()), areaCode: '312' },
      { iccid: validIccid(), imei: withWrongCheckDigit(validImei()), areaCode: '312' },
      { eid: withWrongCheckDigit(validEid()), areaCode: '312' },
    ]);
    expect(activation.status).toBe('REJECTED');
    expect(activation.lines.map((line) => line.rejection?.code)).toEqual(['INVALID_ICCID', 'INVALID_IMEI', 'INVALID_EID']);
    expect(activation.lines[0]!.rejection!.text).toMatch(/check digit/);
  });

  it('should refuse a line with neither SIM nor device', async () => {
    const activation = await activate([{ areaCode: '312' }]);
    expect(activation.lines[0]!.rejection?.code).toBe('MISSING_IDENTIFIER');
  });
});

describe('port-ins', () => {
  const portIn = (over: Record<string, string> = {}) => ({
    kind: 'PORT_IN' as const,
    iccid: validIccid(),
    portIn: { number: '3125550147', currentCarrier: 'Verizon Wireless', accountNumber: '482913570', pin: '4821', authorizedSigner: 'Dana Whitfield', ...over },
  });

  it('should activate a good port-in with the ported number, and not port it twice', async () => {
    const activation = await activate([portIn()]);
    expect(activation).toMatchObject({ status: 'COMPLETED', lines: [{ status: 'ACTIVE', mdn: '3125550147' }] });
    const twice = await activate([portIn()]);
    expect(twice.lines[0]!.rejection?.code).toBe('PORT_NUMBER_NOT_FOUND');
  });

  it.each([
    [{ number: '3125550100' }, 'PORT_NUMBER_NOT_FOUND'],
    [{ accountNumber: '000000000' }, 'PORT_ACCOUNT_MISMATCH'],
    [{ pin: '0000' }, 'PORT_PIN_MISMATCH'],
    [{ number: '6465550123', accountNumber: '287654321098', pin: '7390' }, 'PORT_NUMBER_NOT_PORTABLE'],
  ])('should refuse a port-in with %o as %s', async (over, code) => {
    const activation = await activate([portIn(over)]);
    expect(activation).toMatchObject({ status: 'REJECTED', lines: [{ status: 'REJECTED', mdn: null, rejection: { code, text: expect.any(String) } }] });
  });
});

describe('polling and cancel', () => {
  it('should answer the status of a request, 404 for an unknown one or another account’s', async () => {
    const { body } = await client.submit(activationRequest([{ iccid: validIccid(), areaCode: '312' }]));
    const requestId = String(body.requestId);
    const polled = await waitFor(async () => {
      const answer = await client.status(requestId);
      return answer.body.status === 'COMPLETED' ? answer : null;
    });
    expect(polled.status).toBe(200);
    expect(ZGatewayActivation.parse(polled.body).sequence).toBeGreaterThanOrEqual(3);
    expect((await client.status('NWM-R-999999')).status).toBe(404);
    expect((await gatewayClient(sim.baseUrl, bsw).status(requestId)).status).toBe(404);
  });

  it('should cancel a request not processed yet, and refuse with 409 once processing', async () => {
    const slow = await startCarrierSim({ delayMs: 500 });
    try {
      const slowClient = gatewayClient(slow.baseUrl, nwm);
      const first = await slowClient.submit(activationRequest([{ iccid: validIccid(), areaCode: '312' }]));
      const cancelled = await slowClient.cancel(String(first.body.requestId));
      expect(cancelled.status).toBe(200);
      expect(ZGatewayActivation.parse(cancelled.body)).toMatchObject({ status: 'CANCELLED', lines: [{ status: 'CANCELLED', mdn: null }] });

      const second = await slowClient.submit(activationRequest([{ iccid: validIccid(), areaCode: '312' }]));
      const requestId = String(second.body.requestId);
      await waitFor(async () => (await slowClient.status(requestId)).body.status === 'IN_PROGRESS', { what: 'processing' });
      expect(await slowClient.cancel(requestId)).toMatchObject({ status: 409, body: { code: 'ALREADY_PROCESSED' } });
      await waitFor(async () => (await slowClient.status(requestId)).body.status === 'COMPLETED', { what: 'completion' });
      expect((await slow.stats()).activations).toBe(1);
    } finally {
      await slow.stop();
    }
  });
});

describe('control API', () => {
  it('should refuse without the control token', async () => {
    const origin = sim.baseUrl.replace(/\/v1$/, '');
    expect((await fetch(`${origin}/_sim/stats`)).status).toBe(401);
    expect((await fetch(`${origin}/_sim/reset`, { method: 'POST', headers: { 'x-sim-control-token': 'wrong' } })).status).toBe(401);
  });

  it('should forget the network on reset', async () => {
    const iccid = validIccid();
    await activate([{ iccid, areaCode: '312' }]);
    expect((await sim.stats()).activations).toBe(1);
    await sim.reset();
    expect(await sim.stats()).toMatchObject({ requests: 0, activations: 0, activationsByLineRef: {} });
    expect((await activate([{ iccid, areaCode: '312' }])).status).toBe('COMPLETED');
  });
});
