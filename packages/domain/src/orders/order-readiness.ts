import type { IdentifierKind } from '../catalog/catalog.constants.js';
import { ITEM_IDENTIFIER_KINDS, type InventoryKind } from '../inventory/inventory.constants.js';
import { canTransition, ORDER_STATUS_LABELS, ORDER_TRANSITIONS, type OrderStatus } from './state-machines.js';

/** The kind of stock item that carries an identifier of this kind: an IMEI is on a device, an ICCID on a SIM. */
export function itemKindOf(kind: IdentifierKind): InventoryKind {
  const found = (Object.entries(ITEM_IDENTIFIER_KINDS) as [InventoryKind, readonly IdentifierKind[]][]).find(([, kinds]) => kinds.includes(kind));
  return found ? found[0] : 'DEVICE';
}

const ITEM_NOUNS: Record<InventoryKind, string> = { DEVICE: 'a device', SIM: 'a SIM', ESIM: 'an eSIM' };

/** One requirement group in words: "a SIM (ICCID)", "a device (MEID or ESN)", "a device (IMEI) or an eSIM (EID)". */
export function describeNeed(group: readonly IdentifierKind[]): string {
  const byItem = new Map<InventoryKind, IdentifierKind[]>();
  for (const kind of group) byItem.set(itemKindOf(kind), [...(byItem.get(itemKindOf(kind)) ?? []), kind]);
  return [...byItem.entries()].map(([item, kinds]) => `${ITEM_NOUNS[item]} (${kinds.join(' or ')})`).join(' or ');
}

/** Several requirement groups as one list: "a device (IMEI) and a SIM (ICCID)"; empty for none. */
export function describeNeeds(groups: readonly (readonly IdentifierKind[])[]): string {
  const needs = groups.map(describeNeed);
  return needs.length > 1 ? `${needs.slice(0, -1).join(', ')} and ${needs.at(-1)}` : (needs[0] ?? '');
}

/** "Line 2 needs a SIM (ICCID)"; positions are 0-based, as stored, and shown 1-based. */
export function describeLineNeeds(line: { position: number; missing: readonly (readonly IdentifierKind[])[] }): string | null {
  if (line.missing.length === 0) return null;
  return `Line ${line.position + 1} needs ${describeNeeds(line.missing)}`;
}

/** Statuses in which the order's lines can still take or give back inventory. */
export const INVENTORY_EDITABLE_ORDER_STATUSES: readonly OrderStatus[] = ['PENDING', 'READY', 'ERROR'];

/** The error of a send the carrier never answered: it may have taken the order as it was sent. */
export const CARRIER_UNREACHABLE = 'CARRIER_UNREACHABLE';

/**
 * Why an order in Error after an unanswered send must go again unchanged before anything on it changes:
 * a resend reuses that send's key, so a carrier that did take it answers with the first send (and
 * activates what was sent then, not what was scanned since). If the carrier then refuses it, the order
 * can be corrected as after any refusal.
 */
export function unansweredSendRefusal(order: { status: OrderStatus; carrierErrorCode: string | null }): string | null {
  if (order.status !== 'ERROR' || order.carrierErrorCode !== CARRIER_UNREACHABLE) return null;
  return 'The carrier never answered the last send and may have taken the order as it was: send it again unchanged first; if the carrier refuses it, it can be corrected then';
}

/**
 * Whether scanning or unassigning is possible on an order in this status, and if not, why. `carrierErrorCode`
 * is the error of its last send, if any (see unansweredSendRefusal).
 */
export function inventoryChangeRefusal(status: OrderStatus, carrierErrorCode: string | null): string | null {
  const unanswered = unansweredSendRefusal({ status, carrierErrorCode });
  if (unanswered) return unanswered;
  if (INVENTORY_EDITABLE_ORDER_STATUSES.includes(status)) return null;
  if (status === 'CANCELLED') return 'The order is cancelled, so its inventory cannot change';
  return `The order is ${ORDER_STATUS_LABELS[status]}: its inventory went to the carrier and cannot change here`;
}

/**
 * The status an order takes after its inventory changed: Ready when no line misses anything, Pending
 * otherwise. An order in another status keeps it.
 */
export function statusAfterInventoryChange(current: OrderStatus, lines: readonly { missing: readonly unknown[] }[]): OrderStatus {
  if (!INVENTORY_EDITABLE_ORDER_STATUSES.includes(current)) return current;
  const next: OrderStatus = lines.every((line) => line.missing.length === 0) ? 'READY' : 'PENDING';
  if (next === current || !canTransition(ORDER_TRANSITIONS, current, next)) return current;
  return next;
}

/** Why Cancel is not possible in this status, or null when it is (before the order is sent). */
export function cancelRefusal(status: OrderStatus): string | null {
  if (canTransition(ORDER_TRANSITIONS, status, 'CANCELLED')) return null;
  if (status === 'CANCELLED') return 'The order is already cancelled';
  if (status === 'COMPLETE' || status === 'PARTIAL') return `The order is ${ORDER_STATUS_LABELS[status]}: its lines are in service, so it can no longer be cancelled`;
  return `The order is ${ORDER_STATUS_LABELS[status]}: the carrier has it, so it can no longer be cancelled`;
}
