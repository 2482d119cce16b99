import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_HEADERS, ZGatewayActivationRequest, type TGatewayError } from '@linedesk/domain';
import type { SimConfig } from './config.js';
import { ZFaults } from './faults.js';
import { CarrierGateway } from './gateway.js';

export const API_BASE = '/v1';
export const CONTROL_TOKEN_HEADER = 'x-sim-control-token';
const MAX_BODY_BYTES = 1_000_000;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: TGatewayError,
  ) {
    super(body.message);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, { code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than ${MAX_BODY_BYTES} bytes` });
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpProblem(400, { code: 'INVALID_JSON', message: 'The request has no JSON body' });
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, { code: 'INVALID_JSON', message: 'The body is not valid JSON' });
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface RunningSim {
  server: Server;
  gateway: CarrierGateway;
  /** e.g. http://127.0.0.1:4100/v1 (the real port when 0 was asked). */
  baseUrl: string;
  close(): Promise<void>;
}

/** The gateway API under /v1 and the simulator's control API under /_sim (guarded by the control token). */
export async function startSimServer(config: SimConfig): Promise<RunningSim> {
  const gateway = new CarrierGateway(config);
  const hanging = new Set<NodeJS.Timeout>();

  async function handleApi(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const method = request.method ?? 'GET';
    const statusMatch = /^\/activations\/([^/]+)$/.exec(path);
    const cancelMatch = /^\/activations\/([^/]+)\/cancel$/.exec(path);
    const isSubmit = path === '/activations' && method === 'POST';
    const isPoll = statusMatch !== null && method === 'GET';
    gateway.countRequest(isSubmit ? 'submit' : isPoll ? 'poll' : 'other');

    const account = gateway.authenticate(header(request, GATEWAY_HEADERS.accountId), header(request, 'authorization'));
    if (!account) return send(response, 401, { code: 'UNAUTHORIZED', message: 'Unknown account or wrong API key' });
    if ((isSubmit || isPoll) && gateway.faults.takeTransientError()) {
      return send(response, 503, { code: 'SERVICE_UNAVAILABLE', message: 'The activation system is temporarily unavailable; try again' });
    }

    if (isSubmit) {
      const body = await readJson(request);
      const parsed = ZGatewayActivationRequest.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join('.') ?? '';
        return send(response, 422, { code: 'INVALID_REQUEST', message: `${field || 'body'}: ${issue?.message ?? 'invalid'}`, ...(field ? { field } : {}) });
      }
      const timeout = gateway.faults.takeTimeout();
      if (timeout) {
        if (timeout.accept) gateway.submit(account, parsed.data);
        // Never answer: hold the connection until the client gives up, then drop it.
        const timer = setTimeout(() => {
          hanging.delete(timer);
          request.socket.destroy();
        }, config.hangMs);
        hanging.add(timer);
        request.socket.once('close', () => {
          clearTimeout(timer);
          hanging.delete(timer);
        });
        return;
      }
      const outcome = gateway.submit(account, parsed.data);
      return send(response, outcome.kind === 'accepted' ? 202 : 200, outcome.accepted);
    }
    if (isPoll && statusMatch) {
      const activation = gateway.find(account, decodeURIComponent(statusMatch[1] ?? ''));
      return activation ? send(response, 200, activation) : send(response, 404, { code: 'NOT_FOUND', message: 'No such activation request' });
    }
    if (cancelMatch && method === 'POST') {
      const requestId = decodeURIComponent(cancelMatch[1] ?? '');
      const outcome = gateway.cancel(account, requestId);
      if (outcome.ok) return send(response, 200, outcome.activation);
      if (outcome.reason === 'not_found') return send(response, 404, { code: 'NOT_FOUND', message: 'No such activation request' });
      return send(response, 409, { code: 'ALREADY_PROCESSED', message: `${requestId} is already being processed and cannot be cancelled` });
    }
    return send(response, 404, { code: 'NOT_FOUND', message: `No route ${method} ${API_BASE}${path}` });
  }

  async function handleControl(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (header(request, CONTROL_TOKEN_HEADER) !== config.controlToken) return send(response, 401, { code: 'UNAUTHORIZED', message: `Missing or wrong ${CONTROL_TOKEN_HEADER}` });
    const method = request.method ?? 'GET';
    if (path === '/faults' && method === 'GET') return send(response, 200, gateway.faults.current());
    if (path === '/faults' && method === 'PUT') {
      const parsed = ZFaults.safeParse(await readJson(request));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return send(response, 422, { code: 'INVALID_REQUEST', message: issue?.message ?? 'invalid', field: issue?.path.map(String).join('.') });
      }
      gateway.faults.replace(parsed.data);
      return send(response, 200, gateway.faults.current());
    }
    if (path === '/stats' && method === 'GET') return send(response, 200, gateway.snapshotStats());
    if (path === '/reset' && method === 'POST') {
      gateway.reset();
      return send(response, 200, { ok: true });
    }
    return send(response, 404, { code: 'NOT_FOUND', message: `No route ${method} /_sim${path}` });
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://sim').pathname;
    const handled = path.startsWith(`${API_BASE}/`)
      ? handleApi(request, response, path.slice(API_BASE.length))
      : path.startsWith('/_sim/')
        ? handleControl(request, response, path.slice('/_sim'.length))
        : Promise.resolve(send(response, 404, { code: 'NOT_FOUND', message: `No route ${request.method} ${path}` }));
    handled.catch((error: unknown) => {
      if (error instanceof HttpProblem) return send(response, error.status, error.body);
      console.error('carrier-sim: request failed', error);
      send(response, 500, { code: 'INTERNAL', message: 'The simulator failed on this request' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    gateway,
    baseUrl: `http://${host}:${port}${API_BASE}`,
    close: () =>
      new Promise<void>((resolve) => {
        gateway.stop();
        for (const timer of hanging) clearTimeout(timer);
        hanging.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
