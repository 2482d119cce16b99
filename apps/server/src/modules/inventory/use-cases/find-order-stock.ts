import { namedStatement, type DbOrTx } from '../../../db/client.js';
import type { ItemWithIdentifiers } from './find-items-with-identifiers.js';
import type { StockItem } from './find-stock-items.js';

type Row = {
  id: string;
  kind: ItemWithIdentifiers['kind'];
  status: ItemWithIdentifiers['status'];
  carrier_code: string;
  make: string | null;
  model: string | null;
  line_id: string | null;
  order_id: string | null;
  identifier_kind: StockItem['identifier']['kind'];
  slot: number;
  value: string;
};

// The items holding any of the values ($1) and the items of the order ($2), each with all its identifiers.
const selectOrderStock = namedStatement<Row>(
  'find_order_stock',
  `select i.id, i.kind, i.status, i.carrier_code, i.make, i.model, i.line_id, i.order_id, x.kind as identifier_kind, x.slot, x.value
   from inventory_items i join inventory_identifiers x on x.item_id = i.id
   where i.id in (select h.item_id from inventory_identifiers h where h.value = any($1::text[])
                  union all select o.id from inventory_items o where o.order_id = $2::uuid)
   order by i.id, x.kind, x.slot`,
);

/**
 * What a scan on an order works from, in one statement: the stock items holding the scanned (normalised)
 * values, one per value found, as `findStockItems` gives them; and every item of the order and every item
 * found, each with all its identifiers, as `findItemsWithIdentifiers` gives them.
 */
export async function findOrderStock(options: { db: DbOrTx; values: string[]; orderId: string }): Promise<{ found: StockItem[]; items: ItemWithIdentifiers[] }> {
  const { db, values, orderId } = options;
  const rows = await selectOrderStock(db, [values, orderId]);
  const wanted = new Set(values);
  const found: StockItem[] = [];
  const byId = new Map<string, ItemWithIdentifiers>();
  for (const row of rows) {
    let item = byId.get(row.id);
    if (!item) {
      item = { id: row.id, kind: row.kind, status: row.status, carrierCode: row.carrier_code, make: row.make, model: row.model, lineId: row.line_id, orderId: row.order_id, identifiers: [] };
      byId.set(row.id, item);
    }
    item.identifiers.push({ kind: row.identifier_kind, slot: row.slot, value: row.value });
    if (wanted.has(row.value)) {
      found.push({ id: item.id, kind: item.kind, status: item.status, carrierCode: item.carrierCode, make: item.make, model: item.model, lineId: item.lineId, identifier: { kind: row.identifier_kind, value: row.value } });
    }
  }
  return { found, items: [...byId.values()] };
}
