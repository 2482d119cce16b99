import { namedStatement, type DbOrTx } from '../../../db/client.js';

const drop = namedStatement<{ id: string }>(
  'drop_queued_jobs',
  `update jobs set status = 'DONE', finished_at = now(), updated_at = now() where dedupe_key = any($1::text[]) and status = 'QUEUED' returning id`,
);

/**
 * A job not yet claimed that the work it was for no longer needs (a status check of a request the carrier
 * has finished): it ends DONE without running (its attempts stay 0). One that runs already is left to
 * finish. Answers whether one was dropped.
 */
export async function dropQueuedJob(db: DbOrTx, dedupeKey: string): Promise<boolean> {
  return (await dropQueuedJobs(db, [dedupeKey])) > 0;
}

/** `dropQueuedJob` for several keys in one statement: answers how many were dropped. */
export async function dropQueuedJobs(db: DbOrTx, dedupeKeys: string[]): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  return (await drop(db, [dedupeKeys])).length;
}
