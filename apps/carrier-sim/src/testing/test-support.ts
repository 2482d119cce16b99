import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_HEADERS, GATEWAY_SIGNATURE_TOLERANCE_SECONDS, luhnCheckDigit, ZGatewayCallback, type TGatewayCallback, type TGatewayLineRequest } from '@linedesk/domain';
import type { TSimAccount } from '../config.js';

/** Valid identifiers, unique per call: ICCIDs and IMEIs with their Luhn check digit, EIDs with their mod-97 digits. */
let serial = 0;
const next = () => `${process.pid % 1000}${String(++serial).padStart(7, '0')}`.padStart(10, '0');
export const validIccid = () => { const body = `890141032${next()}`; return body + luhnCheckDigit(body); };
export const validImei = () => { const body = `3569${next()}`; return body + luhnCheckDigit(body); };
export const validEid = () => {
  const body = `89049032000000000000${next()}`;
  return body + String(98n - ((BigInt(body) * 100n) % 97n)).padStart(2, '0');
};
/** The same number with its last (check) digit changed. */
export const withWrongCheckDigit = (value: string) => value.slice(0, -1) + String((Number(value.slice(-1)) + 1) % 10);

export function gatewayClient(baseUrl: string, account: Pick<TSimAccount, 'accountId' | 'apiKey'>) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${account.apiKey}`, [GATEWAY_HEADERS.accountId]: account.accountId };
  const call = async (method: string, path: string, body?: unknown, signal?: AbortSignal) => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), signal });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    submit: (body: unknown, signal?: AbortSignal) => call('POST', '/activations', body, signal),
    status: (requestId: string) => call('GET', `/activations/${requestId}`),
    cancel: (requestId: string) => call('POST', `/activations/${requestId}/cancel`),
  };
}

let requestNumber = 0;
export function activationRequest(lines: Partial<TGatewayLineRequest>[], extra: { callbackUrl?: string; requestKey?: string } = {}) {
  requestNumber++;
  return {
    requestKey: extra.requestKey ?? `ORD-${process.pid}-${requestNumber}-S1`,
    reference: `ORD-${requestNumber}`,
    ...(extra.callbackUrl ? { callbackUrl: extra.callbackUrl } : {}),
    lines: lines.map((line, index) => ({ lineRef: `line-${requestNumber}-${index + 1}`, kind: 'ACTIVATE', lineType: 'PHONE', plan: 'NWMESS5G', ...line })),
  };
}

export interface ReceivedCallback {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  body: TGatewayCallback;
  receivedAt: number;
}

/** An HTTP receiver for callbacks; `failNext(n)` makes the next n deliveries answer 500. */
export async function startCallbackReceiver() {
  const received: ReceivedCallback[] = [];
  let failures = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failures > 0) {
        failures--;
        response.writeHead(500).end();
        return;
      }
      const rawBody = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: request.headers, rawBody, body: ZGatewayCallback.parse(JSON.parse(rawBody)), receivedAt: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    received,
    forRequest: (requestId: string) => received.filter((callback) => callback.body.activation.requestId === requestId),
    failNext: (count: number) => {
      failures = count;
    },
    clear: () => {
      received.length = 0;
      failures = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver checks: the signature over `${timestamp}.${rawBody}` and a fresh timestamp. */
export function hasValidSignature(callback: ReceivedCallback, secret: string): boolean {
  const timestamp = String(callback.headers[GATEWAY_HEADERS.timestamp] ?? '');
  const signature = String(callback.headers[GATEWAY_HEADERS.signature] ?? '');
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > GATEWAY_SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${callback.rawBody}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function waitFor<T>(probe: () => T | Promise<T>, { timeoutMs = 5_000, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
