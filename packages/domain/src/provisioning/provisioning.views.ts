import { z } from 'zod';
import { ZOrderListRow } from '../orders/orders.views.js';

/**
 * Sending an order to its carrier and what came back (API contract shared by server and web).
 * Routes:
 *   POST /api/orders/:orderId/send            header Idempotency-Key (required, 8–120 chars) → 200 ZOrderDetail
 *                                             (the same key again answers the same way and sends nothing more)
 *   GET  /api/orders/:orderId/carrier-messages → ZCarrierMessage[] (oldest first)
 *   GET  /api/orders/fallout?…                → ZFalloutPage (orders in Error, or Sent/In progress past the stuck age)
 *   POST /api/carrier-callbacks/:carrierCode  the carrier's signed completion callback (no session; HMAC)
 */

export const CARRIER_MESSAGE_DIRECTIONS = ['REQUEST', 'RESPONSE', 'CALLBACK', 'POLL', 'ERROR'] as const;
export type CarrierMessageDirection = (typeof CARRIER_MESSAGE_DIRECTIONS)[number];
export const CARRIER_MESSAGE_DIRECTION_LABELS: Record<CarrierMessageDirection, string> = {
  REQUEST: 'Request to carrier',
  RESPONSE: 'Carrier response',
  CALLBACK: 'Carrier notification',
  POLL: 'Status check',
  ERROR: 'Delivery error',
};

/** One request, response or callback exchanged with the carrier, secrets redacted (like "View Carrier Order"). */
export const ZCarrierMessage = z.object({
  id: z.string(),
  at: z.string(),
  direction: z.enum(CARRIER_MESSAGE_DIRECTIONS),
  /** "POST /v1/activations", "callback activation.completed" */
  operation: z.string(),
  /** HTTP status when there was one: the carrier's answer to a request or status check, ours to its callback. */
  httpStatus: z.number().int().nullable(),
  /** A short line for the list ("202 Accepted, request R-10023", "Line 1 Active (512) 555-0143"). */
  summary: z.string(),
  /** Which send attempt it belongs to (1 for the first Send, 2 after a resend …). */
  attempt: z.number().int(),
  /** The payload as sent or received, with PINs, credentials and signatures replaced by "[redacted]". */
  payload: z.unknown(),
});
export type TCarrierMessage = z.infer<typeof ZCarrierMessage>;
export const ZCarrierMessages = z.array(ZCarrierMessage);

export const ZSendOrderHeaders = z.object({
  'idempotency-key': z.string().trim().min(8, { message: 'Idempotency-Key must be 8 to 120 characters' }).max(120),
  /** `return=minimal` (RFC 7240): answer 204 without the order page. Other preferences are ignored. */
  prefer: z.string().optional(),
});

/** Whether a `Prefer` header asks for no answer body (RFC 7240 `return=minimal`). */
export function prefersMinimal(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((preference) => preference.split(';')[0]!.trim().toLowerCase().replaceAll('"', '') === 'return=minimal');
}

/** The carrier's answer about the order as a whole, shown at the top of the order while it lasts. */
export const ZOrderCarrierState = z.object({
  /** The carrier's request id for the current send. */
  requestId: z.string().nullable(),
  /** How many times the order was sent (a resend after Error adds one). */
  attempts: z.number().int(),
  lastSentAt: z.string().nullable(),
  /** Why the carrier refused the order (Error), or the last delivery problem while retrying. */
  error: z.object({ code: z.string(), text: z.string() }).nullable(),
  /** A retry is scheduled after a transient failure: when, and how many tries so far. */
  retry: z.object({ at: z.string(), tries: z.number().int() }).nullable(),
});
export type TOrderCarrierState = z.infer<typeof ZOrderCarrierState>;

/** The fallout view: orders the carrier refused, and orders stuck at the carrier longer than the stuck age. */
export const ZFalloutQuery = z.object({
  carrierCode: z.string().trim().min(1).max(40).optional(),
  /** Overrides the setting `falloutStuckMinutes` (default 30). */
  stuckMinutes: z.coerce.number().int().min(1).max(60 * 24 * 30).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TFalloutQuery = z.infer<typeof ZFalloutQuery>;

/** An order in the fallout view: the queue's row of it, with what went wrong instead of who made it. */
export const ZFalloutRow = ZOrderListRow.extend({
  /** "Carrier rejected: PORT_PIN_MISMATCH …" or "In progress for 2 h 10 min" */
  problem: z.string(),
  errorCode: z.string().nullable(),
  lastSentAt: z.string().nullable(),
});
export type TFalloutRow = z.infer<typeof ZFalloutRow>;
export const ZFalloutPage = z.object({ rows: z.array(ZFalloutRow), total: z.number().int(), stuckMinutes: z.number().int() });
export type TFalloutPage = z.infer<typeof ZFalloutPage>;
