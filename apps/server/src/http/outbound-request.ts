import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** The answer took longer than the call's time limit (connecting, sending and reading the answer). */
export class OutboundTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

export type OutboundRequest = {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /**
   * `shared`: connections kept alive across calls (a carrier gateway: many calls to one host). `own`: one
   * connection for this call only, so `lookup` checks the address of every call.
   */
  connection: 'shared' | 'own';
  /** How the host name is resolved on connecting (a guard on the address connected to). */
  lookup?: RequestOptions['lookup'];
  /** Read the answer's body (up to 1 MB), or drain it unread. */
  readBody: boolean;
};

/** `location`: where a redirect points (redirects are not followed). */
export type OutboundAnswer = { status: number; text: string; location: string | null };

const MAX_ANSWER_BYTES = 1_000_000;

// Idle connections are closed after 4 s, before a Node server's default 5 s keep-alive: a call never
// picks up a socket the other side is closing. No cap on connections in use: a call never waits in the
// agent's queue (its time limit runs from the start).
const SHARED = { keepAlive: true, maxFreeSockets: 64, timeout: 4000 };
const sharedAgents = { 'http:': new HttpAgent(SHARED), 'https:': new HttpsAgent(SHARED) };

/**
 * One HTTP call with node:http(s), several times cheaper in CPU than `fetch` (a carrier submit and every
 * event delivery go through here). Redirects are not followed. Rejects with OutboundTimeoutError past
 * the time limit, or the network error (its `code`: ECONNREFUSED …).
 */
export async function sendOutbound(target: URL | string, options: OutboundRequest): Promise<OutboundAnswer> {
  const url = typeof target === 'string' ? new URL(target) : target;
  const secure = url.protocol === 'https:';
  const body = options.body;
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(url, {
      method: options.method,
      headers: body === undefined ? options.headers : { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: options.connection === 'shared' ? sharedAgents[secure ? 'https:' : 'http:'] : false,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    });
    const timer = setTimeout(() => request.destroy(new OutboundTimeoutError(options.timeoutMs)), options.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    request.on('error', fail);
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      const location = typeof response.headers.location === 'string' ? response.headers.location : null;
      response.on('error', fail);
      if (!options.readBody) {
        clearTimeout(timer);
        // The status is the answer: the connection (this call's own) closes rather than wait on the body.
        response.destroy();
        resolve({ status, text: '', location });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) request.destroy(new Error(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`));
        else chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status, text: Buffer.concat(chunks).toString('utf8'), location });
      });
    });
    request.end(body);
  });
}

/** A network error's short reason: its code (ECONNREFUSED, ENOTFOUND …), that of the first address tried, or its message. */
export function outboundErrorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const own = (error as NodeJS.ErrnoException).code;
  if (own) return own;
  // Every address of a name failed (happy eyeballs): the first one's reason.
  const first = error instanceof AggregateError ? (error.errors[0] as NodeJS.ErrnoException | undefined) : undefined;
  if (first?.code) return first.code;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}
