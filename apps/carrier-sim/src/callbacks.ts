import { createHmac } from 'node:crypto';
import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { GATEWAY_HEADERS, type TGatewayCallback } from '@linedesk/domain';

// Idle connections close after 4 s, before the receiving server's keep-alive ends: none is reused as it
// closes. No cap on connections in use: a delivery never waits in the agent's queue past its time limit.
const AGENT_OPTIONS = { keepAlive: true, maxFreeSockets: 64, timeout: 4000 };
const HTTP_AGENT = new Agent(AGENT_OPTIONS);
const HTTPS_AGENT = new HttpsAgent(AGENT_OPTIONS);

/** `v1=<hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)>`, as the wire contract says. */
export function signCallback(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export interface CallbackDeliveryOptions {
  attempts: number;
  retryBaseMs: number;
  delayMs: () => number;
  onSent: () => void;
  onFailed: (error: string) => void;
}

/**
 * Delivers callbacks: signed POSTs, retried with doubling waits after a non-2xx answer or a network error. Every
 * wait and request in flight is tracked so `cancelAll` (reset, shutdown) stops them.
 */
export class CallbackSender {
  private readonly sleeping = new Map<NodeJS.Timeout, () => void>();
  private readonly inFlight = new Set<ClientRequest>();
  private generation = 0;

  constructor(private readonly options: CallbackDeliveryOptions) {}

  /** Resolves once delivered, given up or cancelled (never rejects). */
  async deliver(url: string, secret: string, callback: TGatewayCallback): Promise<void> {
    const generation = this.generation;
    const rawBody = JSON.stringify(callback);
    await this.sleep(this.options.delayMs());
    if (generation !== this.generation) return;
    for (let attempt = 1; attempt <= this.options.attempts && generation === this.generation; attempt++) {
      if (attempt > 1) await this.sleep(this.options.retryBaseMs * 2 ** (attempt - 2));
      if (generation !== this.generation) return;
      const outcome = await this.post(url, secret, callback.eventId, rawBody);
      if (outcome === 'ok') {
        this.options.onSent();
        return;
      }
      // A failure of a delivery cancelled by a reset belongs to the run before it.
      if (generation === this.generation) this.options.onFailed(outcome);
    }
  }

  cancelAll(): void {
    this.generation++;
    for (const [timer, wake] of this.sleeping) {
      clearTimeout(timer);
      wake();
    }
    this.sleeping.clear();
    for (const request of this.inFlight) request.destroy();
    this.inFlight.clear();
  }

  /** One signed POST over a kept-alive connection (node:http: a carrier sends many, and fetch costs several times the CPU). */
  private post(url: string, secret: string, eventId: string, rawBody: string): Promise<'ok' | string> {
    const timestamp = Math.floor(Date.now() / 1000);
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve(`invalid callback URL ${url}`);
        return;
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        resolve(`the callback URL ${url} is not http or https`);
        return;
      }
      const secure = target.protocol === 'https:';
      const request = (secure ? httpsRequest : httpRequest)(target, {
        method: 'POST',
        agent: secure ? HTTPS_AGENT : HTTP_AGENT,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(rawBody)),
          [GATEWAY_HEADERS.eventId]: eventId,
          [GATEWAY_HEADERS.timestamp]: String(timestamp),
          [GATEWAY_HEADERS.signature]: signCallback(secret, timestamp, rawBody),
        },
      });
      this.inFlight.add(request);
      const timeout = setTimeout(() => request.destroy(new Error('no answer within 10 s')), 10_000);
      const settle = (outcome: 'ok' | string) => {
        clearTimeout(timeout);
        this.inFlight.delete(request);
        resolve(outcome);
      };
      request.on('error', (error) => settle(error.message || String(error)));
      request.on('response', (response) => {
        response.on('error', (error) => settle(error.message));
        response.on('end', () => settle(response.statusCode! >= 200 && response.statusCode! <= 299 ? 'ok' : `HTTP ${response.statusCode}`));
        response.resume();
      });
      request.end(rawBody);
    });
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeping.delete(timer);
        resolve();
      }, ms);
      this.sleeping.set(timer, resolve);
    });
  }
}
