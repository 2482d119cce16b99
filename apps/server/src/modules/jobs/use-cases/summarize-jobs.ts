import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { jobs } from '../jobs.schema.js';

/** How the jobs of one kind that name one record stand. */
export type JobsSummary = {
  /** Queued (not yet run, or waiting for a retry) or running. */
  waiting: number;
  /** Given up: failed for good or out of attempts. */
  failed: number;
  /** The latest error of those jobs (a retry's or a failure's), and when. */
  lastError: string | null;
  lastErrorAt: Date | null;
};

const PAYLOAD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The open and failed jobs of `kind`, counted per value of one payload field (the hub a delivery is
 * for): one grouped statement over the `(kind, status)` index, leaving out the jobs done. Records with
 * no such job are absent from the map.
 */
export async function summarizeJobs(options: { db: DbOrTx; kind: string; payloadKey: string }): Promise<Map<string, JobsSummary>> {
  const { db, kind, payloadKey } = options;
  if (!PAYLOAD_KEY.test(payloadKey)) throw new Error(`Not a payload field name: ${payloadKey}`);
  // The field name inline (checked above): the same expression in select and group by.
  const ref = sql<string>`${jobs.payload} ->> ${sql.raw(`'${payloadKey}'`)}`;
  const rows = await db
    .select({
      ref,
      waiting: sql<number>`count(*) filter (where ${jobs.status} in ('QUEUED', 'RUNNING'))`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${jobs.status} = 'FAILED')`.mapWith(Number),
      lastError: sql<string | null>`(array_agg(${jobs.lastError} order by ${jobs.updatedAt} desc) filter (where ${jobs.lastError} is not null))[1]`,
      lastErrorAt: sql<Date | null>`max(${jobs.updatedAt}) filter (where ${jobs.lastError} is not null)`.mapWith(jobs.updatedAt),
    })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), inArray(jobs.status, ['QUEUED', 'RUNNING', 'FAILED'])))
    .groupBy(ref);
  return new Map(
    rows
      .filter((row) => row.ref !== null)
      .map((row) => [row.ref, { waiting: row.waiting, failed: row.failed, lastError: row.lastError ?? null, lastErrorAt: row.lastErrorAt ?? null }]),
  );
}
