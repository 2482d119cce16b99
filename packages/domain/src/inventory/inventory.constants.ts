import type { IdentifierKind } from '../catalog/catalog.constants.js';
import type { TIdentifierRequirement } from '../catalog/catalog.schemas.js';

/** Serialized stock: handsets and other devices, physical SIM cards, and eSIM profiles. */
export const INVENTORY_KINDS = ['DEVICE', 'SIM', 'ESIM'] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];
export const INVENTORY_KIND_LABELS: Record<InventoryKind, string> = { DEVICE: 'Device', SIM: 'SIM', ESIM: 'eSIM profile' };

/** Which identifiers each kind of item carries. */
export const ITEM_IDENTIFIER_KINDS: Record<InventoryKind, readonly IdentifierKind[]> = {
  DEVICE: ['IMEI', 'MEID', 'ESN'],
  SIM: ['ICCID'],
  ESIM: ['EID'],
};

/**
 * The identifier groups a line still lacks: each group of the carrier's requirement for the line
 * type is met by any one kind in it (MEID or ESN). Empty when the line has what it needs.
 */
export function missingIdentifierGroups(requirement: TIdentifierRequirement | undefined, have: readonly IdentifierKind[]): IdentifierKind[][] {
  return (requirement?.requires ?? []).filter((group) => !group.some((kind) => have.includes(kind)));
}
