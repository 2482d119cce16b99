import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { lines, orders } from '../orders.schema.js';

export type LineHolding = { lineId: string; orderId: string; orderNumber: string; position: number; value: string };

/** The lines (not cancelled) holding any of these normalised identifiers: one row per line and value. */
export async function findLinesByIdentifier(options: { db: DbOrTx; values: string[] }): Promise<LineHolding[]> {
  const { db, values } = options;
  if (values.length === 0) return [];
  const rows = await db
    .select({ lineId: lines.id, orderId: lines.orderId, orderNumber: orders.orderNumber, position: lines.position, identifiers: lines.identifiers })
    .from(lines)
    .innerJoin(orders, eq(orders.id, lines.orderId))
    .where(and(ne(lines.status, 'CANCELLED'), or(...values.map((value) => sql`${lines.identifiers} @> ${JSON.stringify([{ value }])}::jsonb`))));
  return rows.flatMap((row) =>
    row.identifiers.filter((identifier) => values.includes(identifier.value)).map((identifier) => ({ lineId: row.lineId, orderId: row.orderId, orderNumber: row.orderNumber, position: row.position, value: identifier.value })),
  );
}
