import { createHmac } from 'node:crypto';
import { GATEWAY_HEADERS, type TGatewayCallback } from '@linedesk/domain';

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
  private readonly controllers = new Set<AbortController>();
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
      this.options.onFailed(outcome);
    }
  }

  cancelAll(): void {
    this.generation++;
    for (const [timer, wake] of this.sleeping) {
      clearTimeout(timer);
      wake();
    }
    this.sleeping.clear();
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }

  private async post(url: string, secret: string, eventId: string, rawBody: string): Promise<'ok' | string> {
    const timestamp = Math.floor(Date.now() / 1000);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), 10_000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [GATEWAY_HEADERS.eventId]: eventId,
          [GATEWAY_HEADERS.timestamp]: String(timestamp),
          [GATEWAY_HEADERS.signature]: signCallback(secret, timestamp, rawBody),
        },
        body: rawBody,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? 'ok' : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
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
