import type { LineStatus, OrderStatus } from '@linedesk/domain';
import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, type SQL } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { lines, orders } from '../orders.schema.js';

/** Which lines a page holds: every condition given must hold (attribute equality, as the TMF product inventory filters). */
export type LinesPageFilter = {
  ids?: readonly string[];
  customerId?: string;
  /** The line's status, and optionally the statuses its order must (or must not) be in. */
  status?: { line: LineStatus; orderIn?: readonly OrderStatus[]; orderNotIn?: readonly OrderStatus[] };
  /** The package the line was sold with, by its carrier and code. */
  package?: { carrierCode: string; code: string };
  /** Lines whose package name is one of these, each with its MDN (null: a line without a number yet). */
  named?: readonly { packageName: string; mdn: string | null }[];
};

/**
 * One page of lines of every customer, newest order first and in position order on each order, with
 * how many lines match in all: their ids only (read them with `findLines`).
 */
export async function listLinesPage(options: { db: DbOrTx; offset: number; limit: number; filter: LinesPageFilter }): Promise<{ ids: string[]; total: number }> {
  const { db, filter } = options;
  if ((filter.ids && filter.ids.length === 0) || (filter.named && filter.named.length === 0)) return { ids: [], total: 0 };
  const conditions: (SQL | undefined)[] = [
    filter.ids ? inArray(lines.id, [...filter.ids]) : undefined,
    filter.customerId ? eq(lines.customerId, filter.customerId) : undefined,
    filter.status ? eq(lines.status, filter.status.line) : undefined,
    filter.status?.orderIn ? inArray(orders.status, [...filter.status.orderIn]) : undefined,
    filter.status?.orderNotIn ? notInArray(orders.status, [...filter.status.orderNotIn]) : undefined,
    filter.package ? and(eq(orders.carrierCode, filter.package.carrierCode), eq(lines.packageCode, filter.package.code)) : undefined,
    filter.named
      ? or(...filter.named.map((name) => and(eq(lines.packageName, name.packageName), name.mdn === null ? isNull(lines.mdn) : eq(lines.mdn, name.mdn))))
      : undefined,
  ];
  const where = and(...conditions);
  const [page, [counted]] = await readTogether(db, [
    () =>
      db
        .select({ id: lines.id })
        .from(lines)
        .innerJoin(orders, eq(orders.id, lines.orderId))
        .where(where)
        .orderBy(desc(orders.createdAt), desc(orders.id), asc(lines.position))
        .limit(options.limit)
        .offset(options.offset),
    () => db.select({ n: count() }).from(lines).innerJoin(orders, eq(orders.id, lines.orderId)).where(where),
  ]);
  return { ids: page.map((row) => row.id), total: counted?.n ?? 0 };
}
