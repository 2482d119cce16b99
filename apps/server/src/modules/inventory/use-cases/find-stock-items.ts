import type { IdentifierKind, InventoryKind, InventoryStatus } from '@linedesk/domain';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inventoryIdentifiers, inventoryItems } from '../inventory.schema.js';

export type StockItem = {
  id: string;
  kind: InventoryKind;
  status: InventoryStatus;
  carrierCode: string;
  make: string | null;
  model: string | null;
  lineId: string | null;
  identifier: { kind: IdentifierKind; value: string };
};

/** The stock items holding these normalised identifiers (one per identifier found). */
export async function findStockItems(options: { db: DbOrTx; values: string[]; forUpdate?: boolean }): Promise<StockItem[]> {
  const { db, values } = options;
  if (values.length === 0) return [];
  const query = db
    .select({ item: inventoryItems, identifier: inventoryIdentifiers })
    .from(inventoryIdentifiers)
    .innerJoin(inventoryItems, eq(inventoryItems.id, inventoryIdentifiers.itemId))
    .where(inArray(inventoryIdentifiers.value, values))
    // Locks taken in one order (by id), as the order scan takes them, so two reservations cannot deadlock.
    .orderBy(inventoryItems.id);
  const rows = options.forUpdate ? await query.for('update', { of: inventoryItems }) : await query;
  return rows.map(({ item, identifier }) => ({
    id: item.id,
    kind: item.kind,
    status: item.status,
    carrierCode: item.carrierCode,
    make: item.make,
    model: item.model,
    lineId: item.lineId,
    identifier: { kind: identifier.kind, value: identifier.value },
  }));
}
