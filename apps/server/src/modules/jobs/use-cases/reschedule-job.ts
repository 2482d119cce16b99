import { namedStatement, type DbOrTx } from '../../../db/client.js';

const reschedule = namedStatement<{ id: string; runAt: string }>(
  'reschedule_job',
  `update jobs set status = 'QUEUED', run_at = now() + make_interval(secs => $3::double precision), last_error = $4,
          locked_by = null, locked_until = null, updated_at = now()
    where id = $1::uuid and status = 'RUNNING' and locked_by = $2 returning id, run_at::text as "runAt"`,
);

/**
 * Capped exponential backoff with full jitter: a random delay between 0 and min(cap, base · 2^(attempt−1)),
 * so retries of many jobs that failed together spread out instead of arriving together.
 */
export function backoffDelayMs(attempt: number, policy: { baseMs: number; capMs: number }, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * ceiling);
}

/**
 * Puts a job this worker holds back in the queue to run again after `delayMs` (see `backoffDelayMs`),
 * keeping why. Answers when it runs next, or null when this worker no longer held it.
 */
export async function rescheduleJob(db: DbOrTx, job: { id: string; workerId: string; delayMs: number; error: string }): Promise<Date | null> {
  const [row] = await reschedule(db, [job.id, job.workerId, Math.max(0, job.delayMs) / 1000, job.error.slice(0, 2000)]);
  return row ? new Date(row.runAt) : null;
}
