import type { OrderStatus, TOrderLineProduct } from '@linedesk/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { lines, orders } from '../orders.schema.js';
import type { LineRow } from './get-order.js';

/** A line with what it needs from its order and the products it was sold with. */
export type LineWithOrder = {
  line: LineRow;
  order: { id: string; orderNumber: string; status: OrderStatus; carrierCode: string; carrierName: string; createdAt: Date };
  products: TOrderLineProduct[];
};

// The products each line was sold with (its own copy), in the order they were chosen.
const lineProductsJson = sql<TOrderLineProduct[] | null>`(select json_agg(json_build_object('productCode', p.product_code, 'name', p.name, 'kind', p.kind,
  'quantity', p.quantity, 'monthlyCents', p.monthly_cents, 'oneTimeCents', p.one_time_cents, 'inclusion', p.inclusion,
  'isPriceOverridden', p.is_price_overridden) order by p.position) from line_products p where p.line_id = ${lines.id})`;

/** Lines by id, in the order asked (ids not found are left out), each with its order and products, in one statement. */
export async function findLines(options: { db: DbOrTx; ids: readonly string[] }): Promise<LineWithOrder[]> {
  const { db, ids } = options;
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      line: lines,
      order: {
        id: orders.id,
        orderNumber: orders.orderNumber,
        status: orders.status,
        carrierCode: orders.carrierCode,
        carrierName: orders.carrierName,
        createdAt: orders.createdAt,
      },
      products: lineProductsJson,
    })
    .from(lines)
    .innerJoin(orders, eq(orders.id, lines.orderId))
    .where(inArray(lines.id, [...ids]));
  const byId = new Map(rows.map((row): [string, LineWithOrder] => [row.line.id, { line: row.line, order: row.order, products: row.products ?? [] }]));
  return ids.map((id) => byId.get(id)).filter((found): found is LineWithOrder => found !== undefined);
}
