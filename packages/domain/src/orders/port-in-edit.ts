import { z } from 'zod';
import { ZMaskedSecret } from '../catalog/catalog.schemas.js';
import { ZPortInInput } from '../wizard/wizard-lines.js';
import { INVENTORY_EDITABLE_ORDER_STATUSES, unansweredSendRefusal } from './order-readiness.js';
import { LINE_STATUS_LABELS, ORDER_STATUS_LABELS, type LineStatus, type OrderStatus } from './state-machines.js';

/**
 * Fixing a port-in the carrier refused (PORT_PIN_MISMATCH, PORT_ACCOUNT_MISMATCH…): the line's account at
 * the current carrier is corrected with the customer, then the order is sent again.
 * Route: PUT /api/orders/:orderId/lines/:lineId/port-in, answered with the order (ZOrderDetail).
 * The number being ported stays: another number is another order.
 */
export const ZPortInUpdate = ZPortInInput.pick({ currentCarrier: true, accountNumber: true, authorizedSigner: true, accountName: true }).extend({
  /** The port-out PIN or password: write-only, sealed at rest. Left out, blank or null keeps the PIN on file. */
  pin: ZPortInInput.shape.pin,
});
export type TPortInUpdate = z.input<typeof ZPortInUpdate>;
export type TPortInUpdateData = z.output<typeof ZPortInUpdate>;

/** A port-in line's account at the current carrier, as the order page shows it: the PIN only as set or not. */
export const ZOrderLinePortIn = z.object({
  number: z.string(),
  currentCarrier: z.string(),
  accountNumber: z.string(),
  authorizedSigner: z.string(),
  accountName: z.string(),
  pin: ZMaskedSecret,
});
export type TOrderLinePortIn = z.infer<typeof ZOrderLinePortIn>;

/**
 * Why a line's port-in details cannot be changed now, or null when they can: the line must be a port-in
 * still Pending, on an order whose inventory can still change (Pending, Ready or Error: not at the
 * carrier, not done, not cancelled). The order page offers Edit port-in, and the server refuses, by this rule.
 */
export function portInEditRefusal(
  order: { status: OrderStatus; carrierErrorCode: string | null },
  line: { position: number; status: LineStatus; isPortIn: boolean },
): string | null {
  const label = `Line ${line.position + 1}`;
  if (!line.isPortIn) return `${label} takes a new number: it has no port-in details to change`;
  const unanswered = unansweredSendRefusal({ status: order.status, carrierErrorCode: order.carrierErrorCode });
  if (unanswered) return unanswered;
  if (order.status === 'CANCELLED') return 'The order is cancelled, so its port-in details cannot change';
  if (order.status === 'SENT' || order.status === 'IN_PROGRESS') {
    return `The order is ${ORDER_STATUS_LABELS[order.status]}: the carrier has its port-in details now; change them if it refuses the port`;
  }
  if (!INVENTORY_EDITABLE_ORDER_STATUSES.includes(order.status)) return `The order is ${ORDER_STATUS_LABELS[order.status]}, so its port-in details cannot change`;
  if (line.status !== 'PENDING') return `${label} is ${LINE_STATUS_LABELS[line.status]}, so its port-in details cannot change`;
  return null;
}
