import type { InventoryKind, InventoryStatus } from '@linedesk/domain';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { inventoryIdentifiers, inventoryItems as items } from '../inventory.schema.js';

/** Which items a page holds: every condition given must hold (attribute equality, as the TMF resource inventory filters). */
export type StockItemIdsFilter = {
  ids?: readonly string[];
  kinds?: readonly InventoryKind[];
  statuses?: readonly InventoryStatus[];
  /** The item holding this identifier (normalised, as stored). */
  identifierValue?: string;
};

/**
 * One page of stock items, newest first (as Inventory > Items lists them), with how many match in all
 * (counted exactly, not capped): their ids only (read them with `getStockItems`).
 */
export async function listStockItemIds(options: { db: DbOrTx; offset: number; limit: number; filter: StockItemIdsFilter }): Promise<{ ids: string[]; total: number }> {
  const { db, filter } = options;
  if ((filter.ids && filter.ids.length === 0) || (filter.kinds && filter.kinds.length === 0) || (filter.statuses && filter.statuses.length === 0)) {
    return { ids: [], total: 0 };
  }
  const conditions: (SQL | undefined)[] = [
    filter.ids ? inArray(items.id, [...filter.ids]) : undefined,
    filter.kinds ? inArray(items.kind, [...filter.kinds]) : undefined,
    filter.statuses ? inArray(items.status, [...filter.statuses]) : undefined,
  ];
  if (filter.identifierValue !== undefined) {
    const [held] = await db.select({ itemId: inventoryIdentifiers.itemId }).from(inventoryIdentifiers).where(eq(inventoryIdentifiers.value, filter.identifierValue));
    if (!held) return { ids: [], total: 0 };
    conditions.push(eq(items.id, held.itemId));
  }
  const where = and(...conditions);
  const [page, [counted]] = await readTogether(db, [
    () => db.select({ id: items.id }).from(items).where(where).orderBy(desc(items.createdAt), desc(items.id)).limit(options.limit).offset(options.offset),
    () => db.select({ n: count() }).from(items).where(where),
  ]);
  return { ids: page.map((row) => row.id), total: counted?.n ?? 0 };
}
