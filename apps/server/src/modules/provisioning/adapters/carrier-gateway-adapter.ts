import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  GATEWAY_HEADERS,
  GATEWAY_SIGNATURE_TOLERANCE_SECONDS,
  ZGatewayAccepted,
  ZGatewayActivation,
  ZGatewayCallback,
  ZGatewayError,
  type TGatewayActivationRequest,
  type TGatewayCallback,
} from '@linedesk/domain';
import type { z } from 'zod';
import { AppError } from '../../../http/app-error.js';
import { outboundErrorReason, OutboundTimeoutError, sendOutbound, type OutboundAnswer } from '../../../http/outbound-request.js';
import { redact } from '../redact.js';
import type { AdapterResult, CarrierAdapter, CarrierConnection, CarrierExchange, CarrierFailure } from './carrier-adapter.js';

export type CarrierGatewayAdapterOptions = {
  /** One call's time limit; past it the call counts as a transient failure. */
  timeoutMs: number;
};

/**
 * The carrier gateway adapter: the gateway contract of packages/domain over HTTP (kept-alive connections).
 * Timeouts, network failures, 429 and 5xx are transient (retry with the same request key); 400, 401, 403,
 * 404 and 422 (and any other answer a retry cannot change) are permanent.
 */
export function createCarrierGatewayAdapter(options: CarrierGatewayAdapterOptions): CarrierAdapter {
  async function call<S extends z.ZodType>(
    connection: CarrierConnection,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S,
  ): Promise<AdapterResult<z.infer<S>>> {
    const base = connection.endpoint?.replace(/\/+$/, '') ?? '';
    const operation = `${method} ${pathOf(base)}${path}`;
    const exchange = (httpStatus: number | null, response: unknown): CarrierExchange => ({
      operation,
      request: body === undefined ? null : redact(body),
      httpStatus,
      response: redact(response),
    });
    if (!base || !connection.credential || !connection.accountId) {
      const missing = [!base && 'provisioning endpoint', !connection.accountId && 'account id', !connection.credential && 'credential'].filter(Boolean).join(', ');
      const failure: CarrierFailure = { kind: 'permanent', code: 'NOT_CONFIGURED', text: `The carrier ${connection.carrierCode} has no ${missing} set up` };
      return { ok: false, failure, exchange: exchange(null, { error: failure.text }) };
    }
    let answer: OutboundAnswer;
    try {
      answer = await sendOutbound(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${connection.credential}`,
          [GATEWAY_HEADERS.accountId]: connection.accountId,
          accept: 'application/json',
          'user-agent': 'LineDesk',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        timeoutMs: options.timeoutMs,
        connection: 'shared',
        readBody: true,
      });
    } catch (error) {
      const failure = networkFailure(error, options.timeoutMs);
      return { ok: false, failure, exchange: exchange(null, { error: failure.text }) };
    }
    const { status, text, location } = answer;
    const json = parseJson(text);
    const answered = exchange(status, json ?? (text ? text.slice(0, 2000) : null));
    if (status >= 200 && status <= 299) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { ok: true, value: parsed.data, exchange: answered };
      // A success we cannot read: asking again with the same key is safe and may read better.
      return { ok: false, failure: { kind: 'transient', code: 'BAD_RESPONSE', text: `The carrier answered ${status} with a body we cannot read` }, exchange: answered };
    }
    if (status >= 300 && status <= 399) {
      // Not followed (a POST sent again elsewhere could activate twice): the endpoint needs correcting.
      const where = location ? ` to ${location}` : '';
      return { ok: false, failure: { kind: 'permanent', code: `HTTP_${status}`, text: `The carrier answered ${status}, moved${where}: correct the carrier's provisioning endpoint` }, exchange: answered };
    }
    return { ok: false, failure: httpFailure(status, json), exchange: answered };
  }

  return {
    kind: 'carrier-gateway',
    capabilities: { callbacks: true, polling: true, cancel: true, portIn: true },
    submit: (connection, request: TGatewayActivationRequest) => call(connection, 'POST', '/activations', request, ZGatewayAccepted),
    status: (connection, requestId) => call(connection, 'GET', `/activations/${encodeURIComponent(requestId)}`, undefined, ZGatewayActivation),
    cancel: (connection, requestId) => call(connection, 'POST', `/activations/${encodeURIComponent(requestId)}/cancel`, {}, ZGatewayActivation),
    verifyCallback: (connection, delivery) => verifyGatewayCallback(connection, delivery),
  };
}

/**
 * A callback is the carrier's only when `X-Gateway-Signature` carries v1=HMAC-SHA256(webhookSecret,
 * `${timestamp}.${rawBody}`) (compared in constant time) and its timestamp is within the tolerance of our clock.
 */
export function verifyGatewayCallback(
  connection: CarrierConnection,
  delivery: { headers: Record<string, string | string[] | undefined>; rawBody: Buffer | string; now: Date },
): TGatewayCallback {
  const secret = connection.webhookSecret;
  if (!secret) throw new AppError('UNAUTHENTICATED', `The carrier ${connection.carrierCode} has no webhook secret set up: its callbacks cannot be verified`);
  const header = (name: string) => {
    const value = delivery.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const timestamp = header(GATEWAY_HEADERS.timestamp);
  const signatures = (header(GATEWAY_HEADERS.signature) ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) {
    throw new AppError('UNAUTHENTICATED', 'The callback has no valid signature and timestamp headers');
  }
  const skew = Math.abs(delivery.now.getTime() / 1000 - Number(timestamp));
  if (skew > GATEWAY_SIGNATURE_TOLERANCE_SECONDS) {
    throw new AppError('UNAUTHENTICATED', `The callback's timestamp is ${Math.round(skew)} s away from our clock (more than ${GATEWAY_SIGNATURE_TOLERANCE_SECONDS} s): refused as stale`);
  }
  // Over the bytes as they came (not text decoded and encoded again): what the carrier signed.
  const body = typeof delivery.rawBody === 'string' ? Buffer.from(delivery.rawBody, 'utf8') : delivery.rawBody;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  const matches = signatures.some((hex) => {
    if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== expected.length * 2) return false;
    return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
  });
  if (!matches) throw new AppError('UNAUTHENTICATED', 'The callback signature does not match');
  const parsed = ZGatewayCallback.safeParse(parseJson(body.toString('utf8')));
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'The callback body is not a gateway activation event', {
      fields: parsed.error.issues.slice(0, 10).map((issue) => ({ field: ['body', ...issue.path].join('.'), rule: issue.code, message: issue.message })),
    });
  }
  return parsed.data;
}

function pathOf(base: string): string {
  try {
    return new URL(base).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    // A byte-order mark some servers put first is not JSON.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return null;
  }
}

function networkFailure(error: unknown, timeoutMs: number): CarrierFailure {
  if (error instanceof OutboundTimeoutError) return { kind: 'transient', code: 'TIMEOUT', text: `The carrier did not answer within ${timeoutMs} ms` };
  return { kind: 'transient', code: 'NETWORK', text: `Could not reach the carrier (${outboundErrorReason(error)})` };
}

function httpFailure(status: number, json: unknown): CarrierFailure {
  const error = ZGatewayError.safeParse(json);
  const code = error.success ? error.data.code : `HTTP_${status}`;
  const message = error.success ? error.data.message : `The carrier answered ${status}`;
  const text = error.success && error.data.field ? `${message} (${error.data.field})` : message;
  const transient = status === 408 || status === 425 || status === 429 || status >= 500;
  return { kind: transient ? 'transient' : 'permanent', code, text };
}
