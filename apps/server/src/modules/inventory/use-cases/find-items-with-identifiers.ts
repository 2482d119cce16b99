import type { IdentifierKind, InventoryKind, InventoryStatus } from '@linedesk/domain';
import { asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { inventoryIdentifiers, inventoryItems } from '../inventory.schema.js';

export type ItemWithIdentifiers = {
  id: string;
  kind: InventoryKind;
  status: InventoryStatus;
  carrierCode: string;
  make: string | null;
  model: string | null;
  lineId: string | null;
  orderId: string | null;
  identifiers: { kind: IdentifierKind; slot: number; value: string }[];
};

function itemsQuery(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ item: inventoryItems, identifier: { kind: inventoryIdentifiers.kind, slot: inventoryIdentifiers.slot, value: inventoryIdentifiers.value } })
    .from(inventoryItems)
    .innerJoin(inventoryIdentifiers, eq(inventoryIdentifiers.itemId, inventoryItems.id))
    .where(where)
    .orderBy(asc(inventoryItems.id), asc(inventoryIdentifiers.kind), asc(inventoryIdentifiers.slot));
}
const findOrderItems = namedQuery('find_order_items', (db) => itemsQuery(db, eq(inventoryItems.orderId, sql.placeholder('orderId'))));

/** Items by id, or every item reserved for (or active on) an order, each with all its identifiers. */
export async function findItemsWithIdentifiers(options: { db: DbOrTx; ids?: string[]; orderId?: string }): Promise<ItemWithIdentifiers[]> {
  const { db, ids = [], orderId } = options;
  if (ids.length === 0 && !orderId) return [];
  // An order's items (every order page) by the statement built once and sent by name; items by id as built.
  const rows = ids.length === 0 ? await findOrderItems(db, { orderId }) : await itemsQuery(db, or(inArray(inventoryItems.id, ids), orderId ? eq(inventoryItems.orderId, orderId) : undefined));
  const byId = new Map<string, ItemWithIdentifiers>();
  for (const { item, identifier } of rows) {
    const entry = byId.get(item.id) ?? {
      id: item.id,
      kind: item.kind,
      status: item.status,
      carrierCode: item.carrierCode,
      make: item.make,
      model: item.model,
      lineId: item.lineId,
      orderId: item.orderId,
      identifiers: [],
    };
    entry.identifiers.push(identifier);
    byId.set(item.id, entry);
  }
  return [...byId.values()];
}
