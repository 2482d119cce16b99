import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { orders } from '../orders.schema.js';

/** How many orders an account has (any status, cancelled ones too). */
export async function countCustomerOrders(options: { db: DbOrTx; customerId: string }): Promise<number> {
  const [row] = await options.db.select({ value: count() }).from(orders).where(eq(orders.customerId, options.customerId));
  return row?.value ?? 0;
}
