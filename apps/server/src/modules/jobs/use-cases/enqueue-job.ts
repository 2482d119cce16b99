import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { signalJobEnqueued } from '../job-signal.js';
import { jobs } from '../jobs.schema.js';

export type NewJob = {
  kind: string;
  payload: Record<string, unknown>;
  /** At most one job per key: a second enqueue with the same key does nothing. */
  dedupeKey?: string;
  /** Not before this time (default now); or `delayMs` from the database's clock. */
  runAt?: Date;
  delayMs?: number;
  maxAttempts?: number;
};

/**
 * Writes a job with the caller's transaction (the outbox): it exists exactly when the change that asks for
 * it commits. Answers the job's id, or null when a job with the same `dedupeKey` already exists.
 */
export async function enqueueJob(db: DbOrTx, job: NewJob): Promise<string | null> {
  const runAt = job.runAt ?? (job.delayMs ? sql`now() + make_interval(secs => ${job.delayMs / 1000})` : sql`now()`);
  const [row] = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      dedupeKey: job.dedupeKey ?? null,
      runAt,
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  if (row) signalJobEnqueued();
  return row?.id ?? null;
}
