import { namedStatement, type DbOrTx } from '../../../db/client.js';

/** A claimed job, as its handler sees it. `attempts` counts this run. */
export type ClaimedJob = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  dedupeKey: string | null;
};

// One statement: pick due jobs (queued and due, or running with a lapsed lease) without waiting for rows
// another worker is taking, and lease them to this worker.
const claim = namedStatement<ClaimedJob>(
  'claim_jobs',
  `with due as (
     select id from jobs
      where ((status = 'QUEUED' and run_at <= now()) or (status = 'RUNNING' and locked_until < now()))
        and kind = any($1::text[])
      order by run_at
      limit $2::int
      for update skip locked)
   update jobs j
      set status = 'RUNNING', attempts = j.attempts + 1, locked_by = $3, locked_until = now() + make_interval(secs => $4::int),
          updated_at = now()
     from due
    where j.id = due.id
   returning j.id, j.kind, j.payload, j.attempts, j.max_attempts as "maxAttempts", j.dedupe_key as "dedupeKey"`,
);

/**
 * Leases up to `limit` due jobs of the given kinds to `workerId` for `leaseSeconds`. Two workers never
 * get the same job while its lease lasts; a job whose worker died is taken again once its lease lapses.
 */
export async function claimJobs(
  db: DbOrTx,
  options: { kinds: readonly string[]; limit: number; workerId: string; leaseSeconds: number },
): Promise<ClaimedJob[]> {
  if (options.limit <= 0 || options.kinds.length === 0) return [];
  return claim(db, [[...options.kinds], options.limit, options.workerId, options.leaseSeconds]);
}
