import type { SimStats } from '@linedesk/carrier-sim/testing';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { selectRows, type Db } from '../../../apps/server/src/db/client.js';
import type { ReadyOrder } from './ready-orders.js';

/** Counts by status. */
type Tally = Record<string, number>;

/** What the database says of a batch of orders after they were sent: what a user checks, and the bookkeeping behind it. */
export type CompletionReport = {
  orders: Tally;
  lines: { total: number; active: number; withMdn: number; withActivationDate: number };
  /** The orders' stock items (a device and a SIM each) by status. */
  items: Tally;
  /** Submissions per order: how many orders had none, one, more than one. */
  submissions: { none: number; one: number; more: number };
  /** Every job in the database, by status. */
  jobs: Tally;
};

export async function completionReport(db: Db, orders: ReadyOrder[]): Promise<CompletionReport> {
  const ids = sql.param(orders.map((order) => order.orderId));
  const tally = (rows: { status: string; n: number }[]) => Object.fromEntries(rows.map((row) => [row.status, row.n]));
  const [orderRows, [lines], itemRows, [submissions], jobRows] = await Promise.all([
    selectRows<{ status: string; n: number }>(db, sql`select status::text, count(*)::int as n from orders where id = any(${ids}::uuid[]) group by status`),
    selectRows<CompletionReport['lines']>(
      db,
      sql`select count(*)::int as total, count(*) filter (where status = 'ACTIVE')::int as active,
                 count(*) filter (where mdn ~ '^[2-9][0-9]{2}[2-9][0-9]{6}$')::int as "withMdn",
                 count(*) filter (where activated_at is not null)::int as "withActivationDate"
            from lines where order_id = any(${ids}::uuid[])`,
    ),
    selectRows<{ status: string; n: number }>(db, sql`select status::text, count(*)::int as n from inventory_items where order_id = any(${ids}::uuid[]) group by status`),
    selectRows<CompletionReport['submissions']>(
      db,
      sql`select count(*) filter (where n = 0)::int as none, count(*) filter (where n = 1)::int as one, count(*) filter (where n > 1)::int as more
            from (select o.id, (select count(*) from carrier_submissions s where s.order_id = o.id) as n from orders o where o.id = any(${ids}::uuid[])) per_order`,
    ),
    selectRows<{ status: string; n: number }>(db, sql`select status::text, count(*)::int as n from jobs group by status`),
  ]);
  return { orders: tally(orderRows), lines: lines!, items: tally(itemRows), submissions: submissions!, jobs: tally(jobRows) };
}

/** How many of the orders have been taken by the carrier (their submission accepted, or further). */
export async function acceptedCount(db: Db, orders: ReadyOrder[]): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from carrier_submissions where status <> 'QUEUED' and order_id = any(${sql.param(orders.map((order) => order.orderId))}::uuid[])`,
  );
  return row?.n ?? 0;
}

/** Polls `probe` until it answers something truthy, or fails after `timeoutMs` saying what it waited for and what it last saw. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, options: { timeoutMs: number; intervalMs?: number; last?: () => unknown }): Promise<T> {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${options.timeoutMs / 1000} s waiting for ${what}${options.last ? `; last seen: ${JSON.stringify(options.last())}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

/**
 * Waits until every order is Complete and no job is waiting or running any more (a status check scheduled
 * before the callback came still runs, finds the order done and ends). Answers the report, and when every
 * order was first seen Complete (`performance.now()`).
 */
export async function waitForCompletion(db: Db, orders: ReadyOrder[], timeoutMs: number): Promise<{ report: CompletionReport; allCompleteAt: number }> {
  let report: CompletionReport | null = null;
  let allCompleteAt: number | null = null;
  const done = await waitUntil(
    `all ${orders.length} orders Complete and no job queued or running`,
    async () => {
      report = await completionReport(db, orders);
      if (report.orders.COMPLETE === orders.length) allCompleteAt ??= performance.now();
      return allCompleteAt !== null && !report.jobs.QUEUED && !report.jobs.RUNNING ? report : null;
    },
    { timeoutMs, intervalMs: 250, last: () => report },
  );
  return { report: done, allCompleteAt: allCompleteAt ?? performance.now() };
}

/**
 * Exactly once, as a user and the carrier see it: every order Complete with one submission, every line
 * Active with its number and activation date, its device and SIM Active; the carrier activated each line
 * once (one activation per line and per submission key, no more in all); no job left behind or failed.
 */
export function expectEachOrderCompletedOnce(report: CompletionReport, stats: SimStats, orders: ReadyOrder[]): void {
  const count = orders.length;
  expect(report.orders).toEqual({ COMPLETE: count });
  expect(report.lines).toEqual({ total: count, active: count, withMdn: count, withActivationDate: count });
  expect(report.items).toEqual({ ACTIVE: 2 * count });
  expect(report.submissions).toEqual({ none: 0, one: count, more: 0 });
  expect(report.jobs.QUEUED ?? 0).toBe(0);
  expect(report.jobs.RUNNING ?? 0).toBe(0);
  expect(report.jobs.FAILED ?? 0).toBe(0);

  expect(stats.activations).toBe(count);
  expect(Object.keys(stats.activationsByLineRef).sort()).toEqual(orders.map((order) => order.lineId).sort());
  expect(Object.values(stats.activationsByLineRef).every((n) => n === 1)).toBe(true);
  expect(Object.keys(stats.activationsByRequestKey)).toHaveLength(count);
  expect(Object.values(stats.activationsByRequestKey).every((n) => n === 1)).toBe(true);
}

/** A line for the test's log: what the simulator counted. */
export function describeSim(stats: SimStats): string {
  return `submits ${stats.submits} (of which replays of an earlier key: ${stats.submits - Object.keys(stats.activationsByRequestKey).length}), status checks ${stats.polls}, activations ${stats.activations}, callbacks delivered ${stats.callbacksSent}, failed deliveries ${stats.callbacksFailed}`;
}
