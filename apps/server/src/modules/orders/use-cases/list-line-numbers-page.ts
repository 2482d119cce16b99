import type { LineStatus } from '@linedesk/domain';
import { sql, type SQL } from 'drizzle-orm';
import { readTogether, selectRows, type DbOrTx } from '../../../db/client.js';

/**
 * A number (MDN) the carrier gave a line, as the line holding it has it. A number held by several lines
 * over time (a line disconnected, the number given again) is the latest line's: the one still in
 * service if any, else the one activated last.
 */
export type LineNumber = {
  mdn: string;
  lineId: string;
  orderId: string;
  customerId: string;
  lineStatus: LineStatus;
  activatedAt: Date | null;
  updatedAt: Date;
};

export type LineNumberRow = { mdn: string; line_id: string; order_id: string; customer_id: string; status: LineStatus; activated_at: Date | string | null; updated_at: Date | string };

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

// Each number once, with the line that holds it now (in service first, then the newest).
export const lineNumberHolders = (where: SQL) => sql`
  select distinct on (l.mdn) l.mdn, l.id as line_id, l.order_id, l.customer_id, l.status, l.activated_at, l.updated_at
  from lines l
  where l.mdn is not null and ${where}
  order by l.mdn, (l.status in ('ACTIVE', 'SUSPENDED')) desc, l.activated_at desc nulls last, l.created_at desc`;

export function toLineNumber(row: LineNumberRow): LineNumber {
  return {
    mdn: row.mdn,
    lineId: row.line_id,
    orderId: row.order_id,
    customerId: row.customer_id,
    lineStatus: row.status,
    activatedAt: row.activated_at === null ? null : toDate(row.activated_at),
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * One page of the numbers lines hold, the most recently activated first, with how many match in all.
 * `mdns` keeps only those numbers; `lineStatuses` only numbers whose holding line is in one of them.
 */
export async function listLineNumbersPage(options: {
  db: DbOrTx;
  offset: number;
  limit: number;
  mdns?: readonly string[];
  lineStatuses?: readonly LineStatus[];
}): Promise<{ items: LineNumber[]; total: number }> {
  const { db, mdns, lineStatuses } = options;
  if ((mdns && mdns.length === 0) || (lineStatuses && lineStatuses.length === 0)) return { items: [], total: 0 };
  const inner = lineNumberHolders(mdns ? sql`l.mdn = any(${sql.param([...mdns])}::text[])` : sql`true`);
  const statusCondition = lineStatuses ? sql`h.status::text = any(${sql.param([...lineStatuses])}::text[])` : sql`true`;
  const [rows, [counted]] = await readTogether(db, [
    () =>
      selectRows<LineNumberRow>(
        db,
        sql`select * from (${inner}) h where ${statusCondition}
            order by h.activated_at desc nulls last, h.mdn limit ${options.limit} offset ${options.offset}`,
      ),
    () => selectRows<{ n: number }>(db, sql`select count(*)::int as n from (${inner}) h where ${statusCondition}`),
  ]);
  return { items: rows.map(toLineNumber), total: counted?.n ?? 0 };
}
