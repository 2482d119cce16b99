import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carrierSubmissions } from '../provisioning.schema.js';
import type { SubmissionRow } from './create-submission.js';

/** Each order's newest submission (its highest attempt), by order id; orders never sent are absent. */
export async function findLatestSubmissions(options: { db: DbOrTx; orderIds: string[] }): Promise<Map<string, SubmissionRow>> {
  if (options.orderIds.length === 0) return new Map();
  const s = carrierSubmissions;
  const rows = await options.db
    .selectDistinctOn([s.orderId])
    .from(s)
    .where(inArray(s.orderId, [...new Set(options.orderIds)]))
    .orderBy(s.orderId, sql`${s.attempt} desc`);
  return new Map(rows.map((row) => [row.orderId, row]));
}
