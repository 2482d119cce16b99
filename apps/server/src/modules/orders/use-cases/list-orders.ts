import type { OrderStatus } from '@linedesk/domain';
import { and, count, desc, eq, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like-pattern.js';
import { lines, orders } from '../orders.schema.js';
import type { OrderRow } from './get-order.js';

/** What the Orders queue's search box matched on, each resolved by the flow beforehand. */
export type OrderSearch = {
  /** A fragment of an order number. */
  orderNumber: string | null;
  /** Accounts whose number matched. */
  customerIds: string[];
  /** Ten NANP digits: a line's MDN or the number it ports in. */
  phoneDigits: string | null;
  /** A device or SIM identifier: on a line's identifiers, or the stock item reserved for one of these lines. */
  identifier: { value: string; label: string; lineIds: string[] } | null;
};

export type OrderQueueOptions = {
  db: DbOrTx;
  status?: OrderStatus;
  carrierCode?: string;
  createdBefore?: Date;
  search?: OrderSearch;
  limit: number;
  offset: number;
};

export type OrderQueueEntry = { order: OrderRow; lineCount: number; matchedOn: string | null };

/** The Orders queue: newest first, filtered by status, carrier and age, and searched. */
export async function listOrders(options: OrderQueueOptions): Promise<{ entries: OrderQueueEntry[]; total: number }> {
  const { db, search } = options;
  const matches = search ? searchConditions(search) : [];
  if (search && matches.length === 0) return { entries: [], total: 0 };
  const where = and(
    options.status ? eq(orders.status, options.status) : undefined,
    options.carrierCode ? eq(orders.carrierCode, options.carrierCode.toUpperCase()) : undefined,
    options.createdBefore ? lt(orders.createdAt, options.createdBefore) : undefined,
    // Each kind of match finds its orders through its own index; one OR over them all would read every order.
    matches.length ? sql`${orders.id} in (${sql.join(matches.map((m) => m.orderIds), sql` union all `)})` : undefined,
  );
  const matchedOn = matches.length
    ? sql<string>`case ${sql.join(matches.map((m) => sql`when ${m.condition} then ${m.label}`), sql` `)} end`
    : sql<string | null>`null`;
  const [rows, [total]] = await readTogether(db, [
    () =>
      db
        .select({
          order: orders,
          lineCount: sql<number>`(select count(*) from ${lines} where ${lines.orderId} = ${ORDER_ID})`.mapWith(Number),
          matchedOn: matchedOn.as('matched_on'),
        })
        .from(orders)
        .where(where)
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(options.limit)
        .offset(options.offset),
    () => db.select({ n: count() }).from(orders).where(where),
  ]);
  return { entries: rows, total: Number(total?.n ?? 0) };
}

/**
 * Each kind of match: `condition` on an order (for the row's "matched on"), and `orderIds`, a select of the
 * matching orders' ids that uses that kind's index (order number trigrams, customer, MDN, ported number,
 * line identifiers).
 */
function searchConditions(search: OrderSearch): { condition: SQL; orderIds: SQL; label: string }[] {
  const found: { condition: SQL; orderIds: SQL; label: string }[] = [];
  const onOrder = (condition: SQL, label: string) => found.push({ condition, orderIds: sql`select ${orders.id} from ${orders} where ${condition}`, label });
  const onLine = (condition: SQL, label: string) =>
    found.push({ condition: lineExists(condition), orderIds: sql`select ${lines.orderId} from ${lines} where ${condition}`, label });
  if (search.orderNumber) onOrder(ilike(orders.orderNumber, containsPattern(search.orderNumber)), 'Order number');
  if (search.customerIds.length) onOrder(inArray(orders.customerId, search.customerIds), 'Account number');
  if (search.phoneDigits) {
    const digits = search.phoneDigits;
    onLine(sql`${lines.mdn} = ${digits}`, 'MDN');
    onLine(sql`(${lines.portIn} ->> 'number') = ${digits}`, 'Port-in number');
  }
  if (search.identifier) {
    const { value, label, lineIds } = search.identifier;
    const held = sql`${lines.identifiers} @> ${JSON.stringify([{ value }])}::jsonb`;
    onLine(lineIds.length ? sql`(${held} or ${inArray(lines.id, lineIds)})` : held, label);
  }
  return found;
}

/**
 * The outer order's id, written out: Drizzle leaves columns unqualified in a single-table select list,
 * where `id` inside a subquery on lines would mean the line's id.
 */
const ORDER_ID = sql.raw('"orders"."id"');

function lineExists(condition: SQL): SQL {
  return sql`exists (select 1 from ${lines} where ${lines.orderId} = ${ORDER_ID} and ${condition})`;
}
