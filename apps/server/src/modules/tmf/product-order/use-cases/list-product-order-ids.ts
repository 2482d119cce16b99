import type { OrderStatus } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { selectRows, type DbOrTx } from '../../../../db/client.js';
import { orderKeysQuery } from '../../../orders/use-cases/order-keys-query.js';
import { rejectedKeysQuery } from './rejected-keys-query.js';

export type ProductOrderFilters = {
  id?: string;
  /** `orderDate=`: created at this instant, to the millisecond. */
  createdAt?: Date;
  externalId?: string;
  /** Order statuses to keep (a state filter), and whether rejected requests are kept. */
  statuses?: readonly OrderStatus[];
  rejected?: boolean;
};

/**
 * One page of productOrders: LineDesk's orders and the requests rejected, filtered and paged together
 * (a UNION ALL of each module's own select), newest first, with how many match in all.
 */
export async function listProductOrderIds(options: { db: DbOrTx; offset: number; limit: number; filters: ProductOrderFilters }): Promise<{ ids: string[]; total: number }> {
  const { db, filters } = options;
  const ids = filters.id ? [filters.id] : undefined;
  const union = sql`(${orderKeysQuery({ ids, createdAt: filters.createdAt, externalId: filters.externalId, statuses: filters.statuses })}) union all (${rejectedKeysQuery({
    ids,
    createdAt: filters.createdAt,
    externalId: filters.externalId,
    none: filters.rejected === false,
  })})`;
  const rows = await selectRows<{ id: string }>(db, sql`select k.id from (${union}) k order by k.created_at desc, k.id desc limit ${options.limit} offset ${options.offset}`);
  const [total] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from (${union}) k`);
  return { ids: rows.map((row) => String(row.id)), total: Number(total?.n ?? 0) };
}
