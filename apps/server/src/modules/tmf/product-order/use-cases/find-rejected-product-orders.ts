import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/client.js';
import { tmfRejectedProductOrders } from '../product-order.schema.js';

export type RejectedProductOrderRow = typeof tmfRejectedProductOrders.$inferSelect;

/** Rejected productOrder requests by id (ids of none are left out). */
export async function findRejectedProductOrders(options: { db: DbOrTx; ids: readonly string[] }): Promise<RejectedProductOrderRow[]> {
  if (options.ids.length === 0) return [];
  return options.db.select().from(tmfRejectedProductOrders).where(inArray(tmfRejectedProductOrders.id, [...options.ids]));
}
