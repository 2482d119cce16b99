import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/client.js';
import { tmfCancelProductOrders } from '../product-order.schema.js';

export type CancelProductOrderRow = typeof tmfCancelProductOrders.$inferSelect;

/** cancelProductOrder requests by id, in the order asked (ids of none are left out). */
export async function findCancelProductOrders(options: { db: DbOrTx; ids: readonly string[] }): Promise<CancelProductOrderRow[]> {
  if (options.ids.length === 0) return [];
  const rows = await options.db.select().from(tmfCancelProductOrders).where(inArray(tmfCancelProductOrders.id, [...options.ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return options.ids.flatMap((id) => byId.get(id) ?? []);
}
