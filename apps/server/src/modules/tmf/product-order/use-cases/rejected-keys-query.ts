import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { tmfRejectedProductOrders } from '../product-order.schema.js';

/** The rejected requests matching, as `id`, `created_at`, `source` ('rejected'): the other half of the productOrder list's UNION. */
export function rejectedKeysQuery(filters: { ids?: readonly string[]; createdAt?: Date; externalId?: string; none?: boolean }): SQL {
  const t = tmfRejectedProductOrders;
  const where = and(
    filters.none ? sql`false` : undefined,
    filters.ids ? (filters.ids.length ? inArray(t.id, [...filters.ids]) : sql`false`) : undefined,
    filters.createdAt ? sql`date_trunc('milliseconds', ${t.createdAt}) = ${filters.createdAt.toISOString()}::timestamptz` : undefined,
    filters.externalId !== undefined ? eq(t.externalId, filters.externalId) : undefined,
  );
  return sql`select ${t.id} as id, ${t.createdAt} as created_at, 'rejected' as source from ${t}${where ? sql` where ${where}` : sql``}`;
}
