import type { TOrderLineProduct } from '@linedesk/domain';
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { lines, orders } from '../orders.schema.js';
import { lineProductsJson, type LineRow, type OrderRow } from './get-order.js';

export type OrderWithLines = { order: OrderRow; lines: (LineRow & { products: TOrderLineProduct[] })[] };

/**
 * Orders by id, in the order asked (ids of no order are left out), each with its lines in position order and
 * each line's products: two statements for any number of orders (a page of an API list, a batch of events).
 */
export async function findOrdersWithLines(options: { db: DbOrTx; ids: readonly string[] }): Promise<OrderWithLines[]> {
  const { db } = options;
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return [];
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const orderRows = await db.select().from(orders).where(inArray(orders.id, ids));
  const lineRows = await db
    .select({ line: lines, products: lineProductsJson })
    .from(lines)
    .where(inArray(lines.orderId, ids))
    .orderBy(asc(lines.orderId), asc(lines.position));
  const byOrder = new Map<string, OrderWithLines['lines']>();
  for (const { line, products } of lineRows) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), { ...line, products: products ?? [] }]);
  const found = new Map(orderRows.map((order) => [order.id, { order, lines: byOrder.get(order.id) ?? [] }]));
  return options.ids.flatMap((id) => found.get(id) ?? []);
}
