import type { IdentifierKind } from '../catalog/catalog.constants.js';
import type { TIdentifierRequirement } from '../catalog/catalog.schemas.js';
import { canTransition, INVENTORY_STATUS_LABELS, INVENTORY_TRANSITIONS, type InventoryStatus } from '../orders/state-machines.js';

/** Serialized stock: handsets and other devices, physical SIM cards, and eSIM profiles. */
export const INVENTORY_KINDS = ['DEVICE', 'SIM', 'ESIM'] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];
export const INVENTORY_KIND_LABELS: Record<InventoryKind, string> = { DEVICE: 'Device', SIM: 'SIM', ESIM: 'eSIM profile' };
/** In a sentence: "a device", "an eSIM profile". */
export const INVENTORY_KIND_NOUNS: Record<InventoryKind, string> = { DEVICE: 'a device', SIM: 'a SIM', ESIM: 'an eSIM profile' };

/** Which identifiers each kind of item carries. */
export const ITEM_IDENTIFIER_KINDS: Record<InventoryKind, readonly IdentifierKind[]> = {
  DEVICE: ['IMEI', 'MEID', 'ESN'],
  SIM: ['ICCID'],
  ESIM: ['EID'],
};

/**
 * An item holds at most one identifier of each kind, except a dual-SIM device's second IMEI: it is
 * still an IMEI (the same rules, the same system-wide uniqueness), in slot 2.
 */
export const IDENTIFIER_SLOTS = [1, 2] as const;
export type IdentifierSlot = (typeof IDENTIFIER_SLOTS)[number];

/** "IMEI", "IMEI 2", "ICCID": how an item's identifier is labelled on screen and in the CSV report. */
export function identifierLabel(kind: IdentifierKind, slot: number): string {
  return slot === 2 ? `${kind} 2` : kind;
}

/**
 * Reserved and Active are the order flows' to set (reserve on a line, the carrier's completion), and
 * an item on an order leaves it only through that order (unassigned or cancelled), so they are never
 * chosen by hand. Everything else in the transition table is a stock keeper's call, with a reason.
 */
const FLOW_ONLY_STATUSES: readonly InventoryStatus[] = ['RESERVED', 'ACTIVE'];

export type ManualStatusChange = { allowed: true } | { allowed: false; rule: 'set_by_orders' | 'on_an_order' | 'same_status' | 'not_allowed'; reason: string };

/** Whether a person may move an item from one status to another by hand, and if not, why. */
export function manualStatusChange(from: InventoryStatus, to: InventoryStatus): ManualStatusChange {
  if (from === to) return { allowed: false, rule: 'same_status', reason: `The item is already ${INVENTORY_STATUS_LABELS[to]}` };
  if (FLOW_ONLY_STATUSES.includes(to)) {
    return { allowed: false, rule: 'set_by_orders', reason: `${INVENTORY_STATUS_LABELS[to]} is set by an order (scanning onto a line, the carrier completing it), never by hand` };
  }
  if (from === 'RESERVED') {
    return { allowed: false, rule: 'on_an_order', reason: 'The item is reserved on an order: unassign it on the order (or cancel the order) to put it back in stock' };
  }
  if (!canTransition(INVENTORY_TRANSITIONS, from, to)) {
    return { allowed: false, rule: 'not_allowed', reason: `A ${INVENTORY_STATUS_LABELS[from]} item cannot become ${INVENTORY_STATUS_LABELS[to]}` };
  }
  return { allowed: true };
}

/** The statuses a person may move an item to from `from`, in the table's order. */
export function manualStatusTargets(from: InventoryStatus): InventoryStatus[] {
  return INVENTORY_TRANSITIONS[from].filter((to) => manualStatusChange(from, to).allowed);
}

/**
 * The identifier groups a line still lacks: each group of the carrier's requirement for the line
 * type is met by any one kind in it (MEID or ESN). Empty when the line has what it needs.
 */
export function missingIdentifierGroups(requirement: TIdentifierRequirement | undefined, have: readonly IdentifierKind[]): IdentifierKind[][] {
  return (requirement?.requires ?? []).filter((group) => !group.some((kind) => have.includes(kind)));
}
