import { readItemIdentifiers, type InventoryKind } from '@linedesk/domain';
import type { Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { inventoryIdentifiers, inventoryItems } from '../inventory.schema.js';

export type NewStockItem = {
  kind: InventoryKind;
  carrierCode: string;
  make?: string | null;
  model?: string | null;
  location?: string | null;
  agentCode?: string | null;
  costCents?: number | null;
  receivedOn?: string | null;
  purchaseOrder?: string | null;
  /** As scanned or printed: normalised here, and each must fit the item's kind (a second IMEI is the device's IMEI 2). */
  identifiers: string[];
};

/**
 * Puts items into stock as Available, each identifier normalised and checked against the item's kind.
 * Callers check the carrier, the agent and that the identifiers are new (Receive, the demo stockroom);
 * a value already in stock fails on its primary key.
 */
export async function addStockItems(tx: Tx, audit: AuditContext, items: NewStockItem[]): Promise<string[]> {
  const ids: string[] = [];
  const stored: string[][] = [];
  for (const item of items) {
    const read = readItemIdentifiers(item.kind, item.identifiers);
    if (!read.ok) throw new Error(`${item.identifiers.join(', ')}: ${read.problems.map((p) => p.message).join('; ')}`);
    const [row] = await tx
      .insert(inventoryItems)
      .values({
        kind: item.kind,
        carrierCode: item.carrierCode,
        make: item.make ?? null,
        model: item.model ?? null,
        location: item.location ?? null,
        agentCode: item.agentCode ?? null,
        costCents: item.costCents ?? null,
        receivedOn: item.receivedOn ?? null,
        purchaseOrder: item.purchaseOrder ?? null,
      })
      .returning({ id: inventoryItems.id });
    await tx.insert(inventoryIdentifiers).values(read.identifiers.map((p) => ({ value: p.value, kind: p.kind, slot: p.slot, itemId: row!.id })));
    ids.push(row!.id);
    stored.push(read.identifiers.map((p) => p.value));
  }
  await recordAudits(
    tx,
    audit,
    items.map((item, index) => ({
      entityType: 'inventory_item',
      entityId: ids[index]!,
      action: 'receive',
      after: { kind: item.kind, carrierCode: item.carrierCode, identifiers: stored[index], status: 'AVAILABLE' },
    })),
  );
  return ids;
}
