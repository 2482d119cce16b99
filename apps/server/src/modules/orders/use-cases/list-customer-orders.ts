import type { TCustomerAccount } from '@linedesk/domain';
import { count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { creatorIds, creatorName, findUsers } from '../../auth/use-cases/find-users.js';
import { lines, orders } from '../orders.schema.js';

/** The account's Orders tab: newest first. */
export async function listCustomerOrders(options: { db: DbOrTx; customerId: string }): Promise<TCustomerAccount['orders']> {
  const { db, customerId } = options;
  const rows = await db
    .select({ order: orders, lineCount: count(lines.id) })
    .from(orders)
    .leftJoin(lines, eq(lines.orderId, orders.id))
    .where(eq(orders.customerId, customerId))
    .groupBy(orders.id)
    .orderBy(desc(orders.createdAt));
  const people = await findUsers({ db, ids: creatorIds(rows.map((r) => r.order)) });
  return rows.map(({ order, lineCount }) => ({
    id: order.id,
    orderNumber: order.orderNumber,
    orderType: order.orderType,
    status: order.status,
    carrierName: order.carrierName,
    lineCount: Number(lineCount),
    createdAt: order.createdAt.toISOString(),
    createdBy: creatorName(people, order),
  }));
}
