import type { TStockItem } from '@linedesk/domain';
import { and, asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inventoryItems } from '../inventory.schema.js';
import { getStockItems } from './get-stock-items.js';

/** The stock items reserved for or in service on these lines (at most one of each kind per line), device first. */
export async function findLineStockItems(options: { db: DbOrTx; lineIds: readonly string[] }): Promise<TStockItem[]> {
  const { db, lineIds } = options;
  if (lineIds.length === 0) return [];
  const rows = await db
    .select({ id: inventoryItems.id })
    .from(inventoryItems)
    .where(and(inArray(inventoryItems.lineId, [...lineIds]), inArray(inventoryItems.status, ['RESERVED', 'ACTIVE'])))
    .orderBy(asc(inventoryItems.kind), asc(inventoryItems.id));
  return getStockItems({ db, ids: rows.map((row) => row.id) });
}
