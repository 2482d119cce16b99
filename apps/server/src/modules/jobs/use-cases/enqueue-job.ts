import { namedStatement, type DbOrTx } from '../../../db/client.js';
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
  const runAt = job.runAt ? job.runAt.toISOString() : null;
  const delaySeconds = job.runAt ? null : (job.delayMs ?? 0) / 1000;
  const common = [job.kind, JSON.stringify(job.payload), job.dedupeKey ?? null, runAt, delaySeconds];
  const [row] = job.maxAttempts ? await insertJobWithAttempts(db, [...common, job.maxAttempts]) : await insertJob(db, common);
  if (row) signalJobEnqueued();
  return row?.id ?? null;
}

// Sent by name (two jobs for every order sent): at `run_at`, or `delay` seconds after the database's now.
const VALUES = `$1, $2::jsonb, $3, coalesce($4::timestamptz, now() + make_interval(secs => $5::double precision))`;
const insertJob = namedStatement<{ id: string }>(
  'enqueue_job',
  `insert into jobs (kind, payload, dedupe_key, run_at) values (${VALUES}) on conflict (dedupe_key) do nothing returning id`,
);
const insertJobWithAttempts = namedStatement<{ id: string }>(
  'enqueue_job_max_attempts',
  `insert into jobs (kind, payload, dedupe_key, run_at, max_attempts) values (${VALUES}, $6::int) on conflict (dedupe_key) do nothing returning id`,
);
