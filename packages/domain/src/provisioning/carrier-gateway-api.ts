import { z } from 'zod';

/**
 * The wire contract of a wholesale carrier's activation gateway (modelled on public MVNO activation APIs),
 * spoken by `apps/carrier-sim` and by the server's `carrier-gateway` adapter. Base URL = the carrier's
 * provisioning endpoint (".../v1").
 *
 *   POST {base}/activations            submit (Authorization: Bearer <credential>, X-Account-Id: <accountId>)
 *                                      → 202 ZGatewayAccepted (200 with the same body when the requestKey was seen)
 *                                      → 400/422 ZGatewayError for a malformed request (permanent)
 *                                      → 401 bad credential (permanent), 429/5xx (transient)
 *   GET  {base}/activations/{requestId} → 200 ZGatewayActivation (polling), 404 unknown
 *   POST {base}/activations/{requestId}/cancel → 200 ZGatewayActivation when nothing is processed yet, 409 otherwise
 *
 * Completion is reported by POST to the request's callbackUrl with body ZGatewayCallback and headers
 *   X-Gateway-Event-Id: the event's id (the same event may be delivered more than once)
 *   X-Gateway-Timestamp: unix seconds
 *   X-Gateway-Signature: v1=<hex HMAC-SHA256(webhookSecret, `${timestamp}.${rawBody}`)>
 * The receiver refuses a timestamp more than GATEWAY_SIGNATURE_TOLERANCE_SECONDS away from its clock, and an event
 * id it has already applied is acknowledged without effect. Every callback carries the whole activation
 * (not a delta) with a `sequence` that only grows, so out-of-order delivery is harmless: apply the newest.
 */

export const GATEWAY_SIGNATURE_TOLERANCE_SECONDS = 300;
export const GATEWAY_HEADERS = {
  accountId: 'x-account-id',
  eventId: 'x-gateway-event-id',
  timestamp: 'x-gateway-timestamp',
  signature: 'x-gateway-signature',
} as const;

/** Carrier-style reason codes a line (or a whole request) is rejected with. */
export const GATEWAY_REJECTION_CODES = [
  'INVALID_ICCID', // check digit or format
  'INVALID_IMEI',
  'INVALID_MEID',
  'INVALID_ESN',
  'INVALID_EID',
  'SIM_ALREADY_ACTIVE', // the SIM is active on the network
  'DEVICE_ALREADY_ACTIVE',
  'NO_NUMBERS_AVAILABLE', // no MDN in the requested area code / ZIP
  'INVALID_AREA_CODE',
  'PORT_NUMBER_NOT_FOUND', // the number is not a subscriber of the other carrier
  'PORT_ACCOUNT_MISMATCH', // account number does not match
  'PORT_PIN_MISMATCH', // PIN / passcode does not match
  'PORT_NUMBER_NOT_PORTABLE', // number is under a port-out block
  'MISSING_IDENTIFIER', // the line lacks the SIM/device the network needs
  'REJECTED_BY_CARRIER', // a rejection configured by fault injection
] as const;
export type GatewayRejectionCode = (typeof GATEWAY_REJECTION_CODES)[number];

export const ZGatewayPortIn = z.object({
  number: z.string().regex(/^\d{10}$/),
  currentCarrier: z.string().min(1),
  accountNumber: z.string().min(1),
  pin: z.string().min(1),
  authorizedSigner: z.string().min(1),
  zip: z.string().regex(/^\d{5}$/).optional(),
});

export const ZGatewayLineRequest = z.object({
  /** The client's id of the line (ours: the line id); answered back on every line. */
  lineRef: z.string().min(1).max(80),
  kind: z.enum(['ACTIVATE', 'PORT_IN']),
  lineType: z.string().min(1),
  plan: z.string().min(1),
  /** Normalised identifiers: digits (hex upper case for MEID/ESN hex). At least a SIM (iccid or eid) or a device. */
  iccid: z.string().optional(),
  eid: z.string().optional(),
  imei: z.string().optional(),
  meid: z.string().optional(),
  esn: z.string().optional(),
  /** Where to take a new number: an area code, or a ZIP whose area code the gateway looks up. */
  areaCode: z.string().regex(/^\d{3}$/).optional(),
  zip: z.string().regex(/^\d{5}$/).optional(),
  portIn: ZGatewayPortIn.optional(),
});
export type TGatewayLineRequest = z.infer<typeof ZGatewayLineRequest>;

export const ZGatewayActivationRequest = z.object({
  /** The client's idempotency key: the same key twice never activates twice and answers with the first request. */
  requestKey: z.string().min(8).max(120),
  /** The client's reference shown in the carrier's portal (ours: the order number). */
  reference: z.string().min(1).max(80),
  callbackUrl: z.url().optional(),
  lines: z.array(ZGatewayLineRequest).min(1).max(50),
});
export type TGatewayActivationRequest = z.infer<typeof ZGatewayActivationRequest>;

export const ZGatewayAccepted = z.object({
  requestId: z.string(),
  requestKey: z.string(),
  status: z.literal('RECEIVED'),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type TGatewayAccepted = z.infer<typeof ZGatewayAccepted>;

export const GATEWAY_REQUEST_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'PARTIAL', 'REJECTED', 'CANCELLED'] as const;
export const GATEWAY_LINE_STATUSES = ['PENDING', 'ACTIVE', 'REJECTED', 'CANCELLED'] as const;

export const ZGatewayRejection = z.object({ code: z.string(), text: z.string() });
export type TGatewayRejection = z.infer<typeof ZGatewayRejection>;

export const ZGatewayLineStatus = z.object({
  lineRef: z.string(),
  status: z.enum(GATEWAY_LINE_STATUSES),
  /** 10-digit NANP number once active (the ported number for a port-in). */
  mdn: z.string().regex(/^\d{10}$/).nullable(),
  activatedAt: z.iso.datetime({ offset: true }).nullable(),
  rejection: ZGatewayRejection.nullable(),
});
export type TGatewayLineStatus = z.infer<typeof ZGatewayLineStatus>;

export const ZGatewayActivation = z.object({
  requestId: z.string(),
  requestKey: z.string(),
  reference: z.string(),
  status: z.enum(GATEWAY_REQUEST_STATUSES),
  /** Grows with every change; the newest state wins. */
  sequence: z.number().int().min(0),
  lines: z.array(ZGatewayLineStatus),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TGatewayActivation = z.infer<typeof ZGatewayActivation>;

export const ZGatewayCallback = z.object({
  eventId: z.string().min(1),
  type: z.enum(['activation.in_progress', 'activation.completed', 'activation.partial', 'activation.rejected', 'activation.cancelled']),
  occurredAt: z.iso.datetime({ offset: true }),
  activation: ZGatewayActivation,
});
export type TGatewayCallback = z.infer<typeof ZGatewayCallback>;

export const ZGatewayError = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
export type TGatewayError = z.infer<typeof ZGatewayError>;

/** Terminal request statuses: nothing changes after them. */
export function isGatewayFinal(status: (typeof GATEWAY_REQUEST_STATUSES)[number]): boolean {
  return status === 'COMPLETED' || status === 'PARTIAL' || status === 'REJECTED' || status === 'CANCELLED';
}
