import type { TOrderLineProduct } from '@linedesk/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { lines, orders } from '../orders.schema.js';

export type OrderRow = typeof orders.$inferSelect;
export type LineRow = typeof lines.$inferSelect;

// The products each line was sold with (its own copy), in the order they were chosen.
export const lineProductsJson = sql<TOrderLineProduct[] | null>`(select json_agg(json_build_object('productCode', p.product_code, 'name', p.name, 'kind', p.kind,
  'quantity', p.quantity, 'monthlyCents', p.monthly_cents, 'oneTimeCents', p.one_time_cents, 'inclusion', p.inclusion,
  'isPriceOverridden', p.is_price_overridden) order by p.position) from line_products p where p.line_id = ${lines.id})`;

/**
 * An order with its lines in position order. `lock` takes the order's row lock (inside a transaction),
 * so scans, unassigns and Cancel on one order take turns while other orders go on in parallel.
 * `withProducts` also answers with each line's products, read by the same statement.
 */
// The four shapes of the one statement (locked or not, with products or not), each built once and sent by name.
const orderQueries = new Map<string, ReturnType<typeof orderQuery>>();
function orderQuery(name: string, lock: boolean, withProducts: boolean, many = false) {
  const products = withProducts ? lineProductsJson : (sql`null` as typeof lineProductsJson);
  return namedQuery(name, (db) => {
    const query = db
      .select({ order: orders, line: lines, products })
      .from(orders)
      .leftJoin(lines, eq(lines.orderId, orders.id))
      // Several orders: locked in id order, as every batch takes them (two batches never wait on each other in a circle).
      .where(many ? sql`${orders.id} = any(${sql.placeholder('orderIds')}::uuid[])` : eq(orders.id, sql.placeholder('orderId')))
      .orderBy(...(many ? [asc(orders.id)] : []), asc(lines.position));
    return lock ? query.for('update', { of: orders }) : query;
  });
}

/** `getOrder` for several orders in one statement (a batch of submissions): each found order with its lines, by id. */
export async function getOrders(options: { db: DbOrTx; orderIds: readonly string[]; lock?: boolean }): Promise<Map<string, { order: OrderRow; lines: LineRow[] }>> {
  const { db, orderIds, lock = false } = options;
  const found = new Map<string, { order: OrderRow; lines: LineRow[] }>();
  if (orderIds.length === 0) return found;
  const name = `get_orders${lock ? '_locked' : ''}`;
  let query = orderQueries.get(name);
  if (!query) orderQueries.set(name, (query = orderQuery(name, lock, false, true)));
  for (const row of await query(db, { orderIds: [...new Set(orderIds)] })) {
    const entry = found.get(row.order.id) ?? { order: row.order, lines: [] };
    if (row.line) entry.lines.push(row.line);
    found.set(row.order.id, entry);
  }
  return found;
}

export async function getOrder(options: {
  db: DbOrTx;
  orderId: string;
  lock?: boolean;
  withProducts?: boolean;
}): Promise<{ order: OrderRow; lines: LineRow[]; products?: Map<string, TOrderLineProduct[]> }> {
  const { db, orderId, lock = false, withProducts = false } = options;
  // One statement for all, sent by name (planned once per connection): the order's row (locked) beside each of its lines.
  const name = `get_order${lock ? '_locked' : ''}${withProducts ? '_products' : ''}`;
  let query = orderQueries.get(name);
  if (!query) orderQueries.set(name, (query = orderQuery(name, lock, withProducts)));
  const rows = await query(db, { orderId });
  const order = rows[0]?.order;
  if (!order) throw new AppError('NOT_FOUND', 'No such order');
  const found = rows.flatMap((row) => (row.line ? [row.line] : []));
  if (!withProducts) return { order, lines: found };
  return { order, lines: found, products: new Map(rows.flatMap((row) => (row.line && row.products ? [[row.line.id, row.products] as const] : []))) };
}
