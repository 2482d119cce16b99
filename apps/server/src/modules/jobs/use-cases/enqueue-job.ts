import { randomUUID } from 'node:crypto';
import { namedStatement, type DbOrTx } from '../../../db/client.js';
import { DEFAULT_JOB_MAX_ATTEMPTS } from '../jobs.schema.js';
import { signalJobEnqueued } from '../job-signal.js';

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
  const [id] = await enqueueJobs(db, [job]);
  return id ?? null;
}

/** `enqueueJob` for several jobs in one statement (a batch of orders): each job's id, or null for a key already taken, in order. */
export async function enqueueJobs(db: DbOrTx, jobs: readonly NewJob[]): Promise<(string | null)[]> {
  if (jobs.length === 0) return [];
  // Ids made here: what comes back says which of them went in (a key already taken inserts nothing).
  const ids = jobs.map(() => randomUUID());
  const rows = await insertJobs(db, [
    ids,
    jobs.map((job) => job.kind),
    jobs.map((job) => JSON.stringify(job.payload)),
    jobs.map((job) => job.dedupeKey ?? null),
    jobs.map((job) => job.runAt?.toISOString() ?? null),
    jobs.map((job) => (job.runAt ? null : (job.delayMs ?? 0) / 1000)),
    jobs.map((job) => job.maxAttempts ?? DEFAULT_JOB_MAX_ATTEMPTS),
  ]);
  if (rows.length > 0) signalJobEnqueued();
  const inserted = new Set(rows.map((row) => row.id));
  return ids.map((id) => (inserted.has(id) ? id : null));
}

// Sent by name (two jobs for every order sent): each at `run_at`, or `delay` seconds after the database's now.
const insertJobs = namedStatement<{ id: string }>(
  'enqueue_jobs',
  `insert into jobs (id, kind, payload, dedupe_key, run_at, max_attempts)
   select id, kind, payload::jsonb, dedupe_key, coalesce(run_at, now() + make_interval(secs => delay_seconds)), max_attempts
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::double precision[], $7::int[])
       as j(id, kind, payload, dedupe_key, run_at, delay_seconds, max_attempts)
   on conflict (dedupe_key) do nothing
   returning id`,
);
