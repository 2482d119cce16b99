import { z } from 'zod';
import { IDENTIFIER_KINDS, ORDER_TYPES, PRODUCT_INCLUSIONS, PRODUCT_KINDS } from '../catalog/catalog.constants.js';
import { INVENTORY_KINDS } from '../inventory/inventory.constants.js';
import { FULFILLMENTS } from '../wizard/order-final.js';
import { DEVICE_SOURCES } from '../wizard/wizard-lines.js';
import { ZOrderCarrierState } from '../provisioning/provisioning.views.js';
import { ZOrderListRow } from './orders.views.js';
import { ZOrderLinePortIn } from './port-in-edit.js';
import { LINE_STATUSES, ORDER_STATUSES } from './state-machines.js';

/**
 * The order page and the Orders queue (API contract shared by server and web).
 * Routes: GET /api/orders (queue), GET /api/orders/:orderId (page), POST /api/orders/:orderId/inventory
 * (scan or paste), DELETE /api/orders/:orderId/inventory/:itemId (unassign a stock item),
 * DELETE /api/orders/:orderId/lines/:lineId/identifiers/:value (remove any identifier from a line, the only way to
 * name a customer's own device, whose itemId is null), POST /api/orders/:orderId/cancel, GET /api/orders/:orderId/history,
 * PUT /api/orders/:orderId/lines/:lineId/port-in (a port-in line's account at the current carrier, port-in-edit.ts).
 * The unassign and cancel routes answer with the order (ZOrderDetail).
 */

/** Why an action is not possible now, in words for the agent; null when it is. */
export const ZActionAvailability = z.object({ allowed: z.boolean(), reason: z.string().nullable() });

export const ZOrderLineProduct = z.object({
  productCode: z.string(),
  name: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  quantity: z.number().int(),
  monthlyCents: z.number().int(),
  oneTimeCents: z.number().int(),
  inclusion: z.enum(PRODUCT_INCLUSIONS),
  isPriceOverridden: z.boolean(),
});
export type TOrderLineProduct = z.infer<typeof ZOrderLineProduct>;

/** A stock item (or a customer's own device) on a line. */
export const ZOrderLineItem = z.object({
  /** Null for a bring-your-own device, which is not stock. */
  itemId: z.uuid().nullable(),
  itemKind: z.enum(INVENTORY_KINDS),
  identifierKind: z.enum(IDENTIFIER_KINDS),
  value: z.string(),
  display: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
});
export type TOrderLineItem = z.infer<typeof ZOrderLineItem>;

export const ZOrderLine = z.object({
  id: z.uuid(),
  /** Counted from 0, as stored; people read "Line position + 1". */
  position: z.number().int(),
  status: z.enum(LINE_STATUSES),
  orderType: z.enum(ORDER_TYPES),
  lineTypeCode: z.string(),
  lineTypeName: z.string(),
  packageCode: z.string(),
  packageName: z.string(),
  userName: z.string().nullable(),
  /** The assigned number (MDN) once the carrier gives it; for a port-in, the number being ported. */
  number: z.string().nullable(),
  isPortIn: z.boolean(),
  /** A port-in's account at the current carrier (the PIN only as set or not); null for a new number. */
  portIn: ZOrderLinePortIn.nullable(),
  deviceSource: z.enum(DEVICE_SOURCES),
  monthlyCents: z.number().int(),
  oneTimeCents: z.number().int(),
  products: z.array(ZOrderLineProduct),
  items: z.array(ZOrderLineItem),
  /** The identifier groups the carrier requires for this line type that are still missing (any one kind per group). */
  missing: z.array(z.array(z.enum(IDENTIFIER_KINDS))),
  /** When the carrier activated the line (Active). */
  activatedAt: z.string().nullable(),
  /** Why the carrier refused this line on the last send, with its code. */
  carrierRejection: z.object({ code: z.string(), text: z.string() }).nullable(),
});
export type TOrderLine = z.infer<typeof ZOrderLine>;

export const ZOrderDetail = z.object({
  id: z.uuid(),
  orderNumber: z.string(),
  orderType: z.enum(ORDER_TYPES),
  status: z.enum(ORDER_STATUSES),
  carrierCode: z.string(),
  carrierName: z.string(),
  customer: z.object({ id: z.uuid(), accountNumber: z.string(), displayName: z.string() }),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  requestedDueDate: z.string().nullable(),
  fulfillment: z.enum(FULFILLMENTS),
  sendAutomatically: z.boolean(),
  notes: z.string().nullable(),
  monthlyCents: z.number().int(),
  oneTimeCents: z.number().int(),
  depositCents: z.number().int(),
  send: ZActionAvailability,
  cancel: ZActionAvailability,
  /** What the carrier said about the order (request id, attempts, its error, a scheduled retry). */
  carrier: ZOrderCarrierState,
  /** Whether the order is at the carrier now (Sent or In progress): the page refreshes itself until it is not. */
  awaitingCarrier: z.boolean(),
  lines: z.array(ZOrderLine),
});
export type TOrderDetail = z.infer<typeof ZOrderDetail>;
export type TActionAvailability = z.infer<typeof ZActionAvailability>;

/** The `:orderId` of the order routes (`/api/orders/:orderId/…`). */
export const ZOrderParams = z.object({ orderId: z.uuid({ message: 'must be an order id (UUID)' }) });

export const ORDER_AGES = ['1H', '1D', '3D', '7D'] as const;
export const ORDER_AGE_LABELS: Record<(typeof ORDER_AGES)[number], string> = { '1H': 'Older than 1 hour', '1D': 'Older than 1 day', '3D': 'Older than 3 days', '7D': 'Older than 7 days' };

export const ZOrderQueueQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  carrierCode: z.string().trim().min(1).max(40).optional(),
  olderThan: z.enum(ORDER_AGES).optional(),
  /** Order number, account number, MDN, or any device/SIM identifier (or a fragment of an order or account number). */
  q: z.string().trim().min(2).max(120).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TOrderQueueQuery = z.infer<typeof ZOrderQueueQuery>;

export const ZOrderQueueRow = ZOrderListRow.extend({
  lineCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** What the search matched, when there was a search ("Order number", "MDN", "ICCID …"). */
  matchedOn: z.string().nullable(),
});
export type TOrderQueueRow = z.infer<typeof ZOrderQueueRow>;
export const ZOrderQueuePage = z.object({ rows: z.array(ZOrderQueueRow), total: z.number().int() });
export type TOrderQueuePage = z.infer<typeof ZOrderQueuePage>;

/** Scan or paste onto the order: free text (one or many identifiers), optionally to one line. */
export const ZOrderScanRequest = z.object({
  text: z.string().trim().min(1, { message: 'Scan or paste an identifier' }).max(20_000),
  lineId: z.uuid().optional(),
  /** The barcode format when the text came from one camera read ("ean_8", "code_128"…): an 8-digit product code is then not taken for an ESN. */
  format: z.string().trim().min(1).max(40).optional(),
});
export type TOrderScanRequest = z.infer<typeof ZOrderScanRequest>;

export const SCAN_OUTCOMES = ['ASSIGNED', 'DUPLICATE', 'IGNORED', 'REFUSED'] as const;
export const ZOrderScanEntry = z.object({
  /** The text as scanned, for the agent to recognise. */
  input: z.string(),
  outcome: z.enum(SCAN_OUTCOMES),
  identifierKind: z.enum(IDENTIFIER_KINDS).nullable(),
  display: z.string().nullable(),
  /** The line it went to (ASSIGNED). */
  lineId: z.uuid().nullable(),
  /** The line's number as people read it ("Line 1"): its `position` + 1. */
  linePosition: z.number().int().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  /** The rule broken (REFUSED) or why it was skipped (DUPLICATE, IGNORED). */
  rule: z.string().nullable(),
  message: z.string(),
});
export type TOrderScanEntry = z.infer<typeof ZOrderScanEntry>;
export const ZOrderScanResult = z.object({ entries: z.array(ZOrderScanEntry), order: ZOrderDetail });
export type TOrderScanResult = z.infer<typeof ZOrderScanResult>;

export const ZCancelOrderRequest = z.object({ reason: z.string().trim().min(3, { message: 'Say why the order is cancelled' }).max(500) });
export type TCancelOrderRequest = z.infer<typeof ZCancelOrderRequest>;

export const ZOrderHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  /** "Order ORD-200001", "Line 2", "SIM 8901…1010" */
  subject: z.string(),
  action: z.string(),
  /** A readable summary of what changed ("Status Pending → Ready"). */
  summary: z.string(),
});
export type TOrderHistoryEntry = z.infer<typeof ZOrderHistoryEntry>;
export const ZOrderHistory = z.array(ZOrderHistoryEntry);
