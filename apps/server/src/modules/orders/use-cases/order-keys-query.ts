import type { OrderStatus } from '@linedesk/domain';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orders } from '../orders.schema.js';

export type OrderKeyFilters = {
  ids?: readonly string[];
  /** Created at this instant, to the millisecond (an API's `orderDate=` as it was answered). */
  createdAt?: Date;
  externalId?: string;
  statuses?: readonly OrderStatus[];
};

/**
 * A select of `id`, `created_at` and `source` ('order') of the orders matching: for a caller that pages
 * orders together with rows of its own (a UNION ALL, ordered by `created_at`), as the TMF622 list does with
 * the requests it rejected. Only this module writes SQL on its tables.
 */
export function orderKeysQuery(filters: OrderKeyFilters): SQL {
  const where = and(
    filters.ids ? (filters.ids.length ? inArray(orders.id, [...filters.ids]) : sql`false`) : undefined,
    filters.createdAt ? sql`date_trunc('milliseconds', ${orders.createdAt}) = ${filters.createdAt.toISOString()}::timestamptz` : undefined,
    filters.externalId !== undefined ? eq(orders.externalId, filters.externalId) : undefined,
    filters.statuses ? (filters.statuses.length ? inArray(orders.status, [...filters.statuses]) : sql`false`) : undefined,
  );
  return sql`select ${orders.id} as id, ${orders.createdAt} as created_at, 'order' as source from ${orders}${where ? sql` where ${where}` : sql``}`;
}
