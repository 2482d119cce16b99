import { ITEM_IDENTIFIER_KINDS, parseIdentifier, type InventoryKind } from '@linedesk/domain';
import type { Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { inventoryIdentifiers, inventoryItems } from '../inventory.schema.js';

export type NewStockItem = {
  kind: InventoryKind;
  carrierCode: string;
  make?: string | null;
  model?: string | null;
  location?: string | null;
  costCents?: number | null;
  receivedOn?: string | null;
  purchaseOrder?: string | null;
  /** As scanned or printed: normalised here, and each must fit the item's kind. */
  identifiers: string[];
};

/** Puts items into stock as Available, each identifier normalised and checked against the item's kind. */
export async function addStockItems(tx: Tx, audit: AuditContext, items: NewStockItem[]): Promise<string[]> {
  const ids: string[] = [];
  for (const item of items) {
    const parsed = item.identifiers.map((raw) => {
      const result = parseIdentifier(raw, { expect: ITEM_IDENTIFIER_KINDS[item.kind] });
      if (!result.ok) throw new Error(`${raw}: ${result.message}`);
      return result;
    });
    const [row] = await tx
      .insert(inventoryItems)
      .values({
        kind: item.kind,
        carrierCode: item.carrierCode,
        make: item.make ?? null,
        model: item.model ?? null,
        location: item.location ?? null,
        costCents: item.costCents ?? null,
        receivedOn: item.receivedOn ?? null,
        purchaseOrder: item.purchaseOrder ?? null,
      })
      .returning({ id: inventoryItems.id });
    await tx.insert(inventoryIdentifiers).values(parsed.map((p) => ({ value: p.value, kind: p.kind, itemId: row!.id })));
    await recordAudit(tx, audit, { entityType: 'inventory_item', entityId: row!.id, action: 'receive', after: { kind: item.kind, carrierCode: item.carrierCode, identifiers: parsed.map((p) => p.value), status: 'AVAILABLE' } });
    ids.push(row!.id);
  }
  return ids;
}
