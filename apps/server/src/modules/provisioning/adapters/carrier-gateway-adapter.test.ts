import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { isGatewayFinal, luhnCheckDigit, type TGatewayActivation, type TGatewayActivationRequest } from '@linedesk/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCarrierSim, type CarrierSim } from '../../../../../carrier-sim/src/testing/start-carrier-sim.js';
import { AppError } from '../../../http/app-error.js';
import { DEMO_CARRIER_ACCOUNTS_FILE } from '../../../paths.js';
import type { AdapterResult, CarrierConnection } from './carrier-adapter.js';
import { createCarrierGatewayAdapter } from './carrier-gateway-adapter.js';

type Delivery = { headers: Record<string, string | string[] | undefined>; rawBody: string };

let serial = Date.now() % 1_000_000;
const luhn = (body: string) => body + luhnCheckDigit(body);
const newIccid = () => luhn(`8901260${String((serial += 1)).padStart(11, '0')}`);
const newImei = () => luhn(`35209900${String((serial += 1) % 1_000_000).padStart(6, '0')}`);

/** The adapter's contract, spoken against the real carrier gateway simulator process. */
describe('the carrier gateway adapter against the carrier gateway simulator', () => {
  let sim: CarrierSim;
  let receiver: Server;
  let callbackUrl: string;
  const deliveries: Delivery[] = [];
  let connection: CarrierConnection;
  const adapter = createCarrierGatewayAdapter({ timeoutMs: 2000 });

  beforeAll(async () => {
    sim = await startCarrierSim({ delayMs: 150, hangMs: 5000 });
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/carrier-callbacks/NWM`;
    const accounts = JSON.parse(readFileSync(DEMO_CARRIER_ACCOUNTS_FILE, 'utf8')) as { carrierCode: string; accountId: string; apiKey: string; webhookSecret: string }[];
    const nwm = accounts.find((a) => a.carrierCode === 'NWM')!;
    connection = { carrierCode: 'NWM', adapter: 'carrier-gateway', endpoint: sim.baseUrl, accountId: nwm.accountId, credential: nwm.apiKey, webhookSecret: nwm.webhookSecret };
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });
  afterEach(async () => {
    await sim.setFaults({});
  });

  const request = (overrides: Partial<TGatewayActivationRequest> = {}): TGatewayActivationRequest => ({
    requestKey: `ORD-9${(serial += 1)}-S1-abcdef01`,
    reference: `ORD-9${serial}`,
    lines: [{ lineRef: `line-${serial}`, kind: 'ACTIVATE', lineType: 'SMARTPHONE', plan: 'NWM-UNL-ESS', iccid: newIccid(), imei: newImei(), areaCode: '312' }],
    ...overrides,
  });
  const accepted = <T>(result: AdapterResult<T>): T => {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
    return result.value;
  };
  const finalStatus = async (requestId: string): Promise<TGatewayActivation> => {
    for (let i = 0; i < 200; i += 1) {
      const status = accepted(await adapter.status(connection, requestId));
      if (isGatewayFinal(status.status)) return status;
      await sleep(50);
    }
    throw new Error('the activation did not finish');
  };

  it('should submit, answer the same request id for the same key, and report the activation by status and by signed callback', async () => {
    const body = request({ callbackUrl });
    const first = await adapter.submit(connection, body);
    const { requestId } = accepted(first);
    expect(first.exchange).toMatchObject({ operation: 'POST /v1/activations', httpStatus: 202, request: body, response: { requestId, requestKey: body.requestKey, status: 'RECEIVED' } });
    // The credential never reaches what is kept of the exchange.
    expect(JSON.stringify(first.exchange)).not.toContain(connection.credential);

    const again = await adapter.submit(connection, body);
    expect(accepted(again).requestId).toBe(requestId);
    expect(again.exchange.httpStatus).toBe(200);

    const done = await finalStatus(requestId);
    expect(done).toMatchObject({ requestId, requestKey: body.requestKey, reference: body.reference, status: 'COMPLETED' });
    expect(done.lines).toEqual([expect.objectContaining({ lineRef: body.lines[0]!.lineRef, status: 'ACTIVE', mdn: expect.stringMatching(/^312\d{7}$/), rejection: null })]);
    const stats = await sim.stats();
    expect(stats.activationsByRequestKey[body.requestKey]).toBe(1);

    // Its callbacks carry a signature the adapter accepts.
    for (let i = 0; i < 100 && !deliveries.some((d) => d.rawBody.includes('activation.completed')); i += 1) await sleep(50);
    const delivery = deliveries.find((d) => d.rawBody.includes(requestId) && d.rawBody.includes('activation.completed'))!;
    expect(delivery).toBeDefined();
    const callback = adapter.verifyCallback(connection, { ...delivery, now: new Date() });
    expect(callback).toMatchObject({ type: 'activation.completed', activation: { requestId, status: 'COMPLETED', sequence: expect.any(Number) } });
    expect(callback.eventId).toBe(delivery.headers['x-gateway-event-id']);
  });

  it('should refuse a callback whose body was changed, whose timestamp is stale, or that was signed with another secret', async () => {
    for (let i = 0; i < 100 && deliveries.length === 0; i += 1) await sleep(50);
    const delivery = deliveries[0]!;
    const sentAt = Number(delivery.headers['x-gateway-timestamp']) * 1000;
    const verify = (changes: Partial<Delivery> & { now?: Date; secret?: string }) => () =>
      adapter.verifyCallback(
        { ...connection, webhookSecret: changes.secret ?? connection.webhookSecret },
        { headers: changes.headers ?? delivery.headers, rawBody: changes.rawBody ?? delivery.rawBody, now: changes.now ?? new Date(sentAt) },
      );
    expect(verify({})).not.toThrow();
    const tampered = delivery.rawBody.replace('"status":"', '"status":"X');
    expect(verify({ rawBody: tampered })).toThrow(new AppError('UNAUTHENTICATED', 'The callback signature does not match'));
    expect(verify({ now: new Date(sentAt + 301_000) })).toThrow(/refused as stale/);
    expect(verify({ now: new Date(sentAt + 299_000) })).not.toThrow();
    expect(verify({ secret: 'another-webhook-secret-entirely-000' })).toThrow('The callback signature does not match');
    expect(verify({ headers: { ...delivery.headers, 'x-gateway-signature': undefined } })).toThrow('The callback has no valid signature and timestamp headers');
    try {
      verify({ rawBody: tampered })();
    } catch (error) {
      expect((error as AppError).status).toBe(401);
    }
  });

  it('should cancel a request the carrier has not started, and be refused for one already processed', async () => {
    const { requestId } = accepted(await adapter.submit(connection, request()));
    const cancelled = await adapter.cancel(connection, requestId);
    expect(accepted(cancelled)).toMatchObject({ requestId, status: 'CANCELLED' });
    expect(cancelled.exchange.operation).toBe(`POST /v1/activations/${requestId}/cancel`);

    const { requestId: other } = accepted(await adapter.submit(connection, request()));
    await finalStatus(other);
    const late = await adapter.cancel(connection, other);
    expect(late).toMatchObject({ ok: false, failure: { kind: 'permanent', code: 'ALREADY_PROCESSED' }, exchange: { httpStatus: 409 } });
  });

  it('should call 5xx and timeouts transient, and the same key after a timeout activates once', async () => {
    await sim.setFaults({ transientErrors: 1 });
    const body = request();
    const unavailable = await adapter.submit(connection, body);
    expect(unavailable).toMatchObject({ ok: false, failure: { kind: 'transient', code: 'SERVICE_UNAVAILABLE' }, exchange: { httpStatus: 503 } });
    const { requestId } = accepted(await adapter.submit(connection, body));
    await finalStatus(requestId);

    // The carrier takes the request but never answers: we time out, and retry with the same key.
    await sim.setFaults({ timeouts: 1, timeoutAfterAccept: true });
    const hasty = createCarrierGatewayAdapter({ timeoutMs: 300 });
    const slow = request();
    const timedOut = await hasty.submit(connection, slow);
    expect(timedOut).toMatchObject({ ok: false, failure: { kind: 'transient', code: 'TIMEOUT', text: 'The carrier did not answer within 300 ms' }, exchange: { httpStatus: null } });
    const retried = await hasty.submit(connection, slow);
    await finalStatus(accepted(retried).requestId);
    expect(retried.exchange.httpStatus).toBe(200); // the carrier had it already
    expect((await sim.stats()).activationsByRequestKey[slow.requestKey]).toBe(1);
  });

  it('should call a refused connection transient', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await adapter.submit({ ...connection, endpoint: `http://127.0.0.1:${port}/v1` }, request());
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', code: 'NETWORK', text: 'Could not reach the carrier (ECONNREFUSED)' } });
  });

  it('should not follow a redirect (a POST sent again elsewhere could activate twice), and name where it points', async () => {
    const moved: string[] = [];
    const mover = createServer((incoming, response) => {
      moved.push(`${incoming.method} ${incoming.url}`);
      incoming.resume();
      response.writeHead(308, { location: 'https://gateway.example.net/v2/activations' }).end();
    });
    await new Promise<void>((resolve) => mover.listen(0, '127.0.0.1', resolve));
    try {
      const result = await adapter.submit({ ...connection, endpoint: `http://127.0.0.1:${(mover.address() as AddressInfo).port}/v1` }, request());
      expect(result).toMatchObject({
        ok: false,
        failure: { kind: 'permanent', code: 'HTTP_308', text: "The carrier answered 308, moved to https://gateway.example.net/v2/activations: correct the carrier's provisioning endpoint" },
        exchange: { httpStatus: 308 },
      });
      expect(moved).toEqual(['POST /v1/activations']);
    } finally {
      await new Promise((resolve) => mover.close(resolve));
    }
  });

  it('should call a wrong credential (401), a malformed request (422) and an unknown request id (404) permanent', async () => {
    const unauthorized = await adapter.submit({ ...connection, credential: 'not-the-api-key-0000000000' }, request());
    expect(unauthorized).toMatchObject({ ok: false, failure: { kind: 'permanent', code: 'UNAUTHORIZED' }, exchange: { httpStatus: 401 } });

    const malformed = await adapter.submit(connection, { ...request(), lines: [] } as TGatewayActivationRequest);
    expect(malformed).toMatchObject({ ok: false, failure: { kind: 'permanent', code: 'INVALID_REQUEST' }, exchange: { httpStatus: 422 } });

    const unknown = await adapter.status(connection, 'R-does-not-exist');
    expect(unknown).toMatchObject({ ok: false, failure: { kind: 'permanent', code: 'NOT_FOUND' }, exchange: { httpStatus: 404 } });

    const unset = await adapter.submit({ ...connection, credential: null }, request());
    expect(unset).toMatchObject({ ok: false, failure: { kind: 'permanent', code: 'NOT_CONFIGURED', text: 'The carrier NWM has no credential set up' } });
  });

  it('should keep a port-in PIN out of what it records', async () => {
    const body = request({
      lines: [
        {
          lineRef: 'port-line',
          kind: 'PORT_IN',
          lineType: 'SMARTPHONE',
          plan: 'NWM-UNL-ESS',
          iccid: newIccid(),
          imei: newImei(),
          portIn: { number: '3125550147', currentCarrier: 'Verizon Wireless', accountNumber: '482913570', pin: '4821', authorizedSigner: 'Dana Whitfield' },
        },
      ],
    });
    const result = await adapter.submit(connection, body);
    const { requestId } = accepted(result);
    expect(result.exchange.request).toMatchObject({ lines: [{ portIn: { number: '3125550147', pin: '[redacted]' } }] });
    expect(body.lines[0]!.portIn!.pin).toBe('4821'); // what was sent is untouched
    const done = await finalStatus(requestId);
    expect(done.lines[0]).toMatchObject({ status: 'ACTIVE', mdn: '3125550147' });
  });
});
