import { and, asc, count, eq, inArray, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { orders } from '../orders.schema.js';
import type { OrderRow } from './get-order.js';

/**
 * The fallout view's orders: every order in Error, and every order Sent or In progress whose last change
 * is older than `stuckBefore`. Oldest change first (the longest waiting on top), optionally of one carrier.
 */
export async function listFalloutOrders(options: {
  db: DbOrTx;
  stuckBefore: Date;
  carrierCode?: string;
  limit: number;
  offset: number;
}): Promise<{ orders: OrderRow[]; total: number }> {
  const { db } = options;
  const where = and(
    or(eq(orders.status, 'ERROR'), and(inArray(orders.status, ['SENT', 'IN_PROGRESS']), lt(orders.updatedAt, options.stuckBefore))),
    options.carrierCode ? eq(orders.carrierCode, options.carrierCode.toUpperCase()) : undefined,
  );
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const rows = await db.select().from(orders).where(where).orderBy(asc(orders.updatedAt), asc(orders.id)).limit(options.limit).offset(options.offset);
  const [total] = await db.select({ n: count() }).from(orders).where(where);
  return { orders: rows, total: Number(total?.n ?? 0) };
}
