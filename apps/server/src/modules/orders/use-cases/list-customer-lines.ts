import type { TCustomerAccount } from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { lines, orders } from '../orders.schema.js';

/** The account's Lines tab: by order, then position on the order. */
export async function listCustomerLines(options: { db: DbOrTx; customerId: string }): Promise<TCustomerAccount['lines']> {
  const rows = await options.db
    .select({ line: lines, orderNumber: orders.orderNumber })
    .from(lines)
    .innerJoin(orders, eq(orders.id, lines.orderId))
    .where(eq(lines.customerId, options.customerId))
    .orderBy(asc(orders.createdAt), asc(lines.position));
  return rows.map(({ line, orderNumber }) => ({
    id: line.id,
    number: line.mdn ?? line.portIn?.number ?? null,
    isPortIn: line.portIn !== null,
    lineTypeName: line.lineTypeName,
    packageName: line.packageName,
    userName: typeof line.properties.userName === 'string' ? line.properties.userName : null,
    status: line.status,
    orderId: line.orderId,
    orderNumber,
    monthlyCents: line.monthlyCents,
    activatedAt: line.activatedAt?.toISOString() ?? null,
  }));
}
