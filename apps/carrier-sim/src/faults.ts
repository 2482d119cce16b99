import { z } from 'zod';

/**
 * Fault injection. Counters (`transientErrors`, `timeouts`) are consumed as requests arrive; the rest hold until
 * replaced. `PUT /_sim/faults` replaces the whole set (an empty object clears every fault).
 */
export const ZFaults = z.object({
  /** The next N submit or status requests answer 503. */
  transientErrors: z.number().int().min(0).default(0),
  /** The next N submit requests hang without an answer (until the client gives up, or `hangMs`). */
  timeouts: z.number().int().min(0).default(0),
  /**
   * Whether a hung submit still takes the activation (the client timed out, the carrier did the work).
   * true: every one does; false: none does; unset: every other one does, starting with the first.
   */
  timeoutAfterAccept: z.boolean().optional(),
  /** Wait before each callback delivery. */
  callbackDelayMs: z.number().int().min(0).default(0),
  /** Deliver every callback twice (same event id). */
  duplicateCallbacks: z.boolean().default(false),
  /** Deliver the final callback before the in_progress one. */
  outOfOrderCallbacks: z.boolean().default(false),
  /** Reject every line with this code and text. */
  rejectAll: z.object({ code: z.string().min(1).default('REJECTED_BY_CARRIER'), text: z.string().min(1).default('Rejected by the carrier') }).nullable().default(null),
  /** Never call back: only polling shows the outcome. */
  dropCallbacks: z.boolean().default(false),
});
export type TFaults = z.infer<typeof ZFaults>;
export type TFaultsInput = z.input<typeof ZFaults>;

export class FaultState {
  private faults: TFaults;
  private timeoutsTaken = 0;

  constructor(initial: TFaults) {
    this.faults = { ...initial };
  }

  current(): TFaults {
    return { ...this.faults };
  }

  replace(next: TFaults): void {
    this.faults = { ...next };
    this.timeoutsTaken = 0;
  }

  /** True when this request should answer 503 (consumes one). */
  takeTransientError(): boolean {
    if (this.faults.transientErrors <= 0) return false;
    this.faults.transientErrors--;
    return true;
  }

  /** When this submit should hang: whether it still takes the activation; null when it should not hang. */
  takeTimeout(): { accept: boolean } | null {
    if (this.faults.timeouts <= 0) return null;
    this.faults.timeouts--;
    const index = this.timeoutsTaken++;
    return { accept: this.faults.timeoutAfterAccept ?? index % 2 === 0 };
  }
}
