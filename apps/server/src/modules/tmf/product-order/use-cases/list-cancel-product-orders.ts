import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/client.js';
import { tmfCancelProductOrders } from '../product-order.schema.js';

/** A page of cancelProductOrder requests, newest first, with how many match. */
export async function listCancelProductOrders(options: {
  db: DbOrTx;
  offset: number;
  limit: number;
  id?: string;
  productOrderId?: string;
  state?: 'done' | 'terminatedWithError';
  createdAt?: Date;
}): Promise<{ ids: string[]; total: number }> {
  const t = tmfCancelProductOrders;
  const where = and(
    options.id ? eq(t.id, options.id) : undefined,
    options.productOrderId ? eq(t.productOrderId, options.productOrderId) : undefined,
    options.state ? eq(t.state, options.state) : undefined,
    options.createdAt ? sql`date_trunc('milliseconds', ${t.createdAt}) = ${options.createdAt.toISOString()}::timestamptz` : undefined,
  );
  const rows = await options.db.select({ id: t.id }).from(t).where(where).orderBy(desc(t.createdAt), desc(t.id)).limit(options.limit).offset(options.offset);
  const [total] = await options.db.select({ n: count() }).from(t).where(where);
  return { ids: rows.map((row) => row.id), total: Number(total?.n ?? 0) };
}
