import { namedStatement, type DbOrTx } from '../../../db/client.js';

const drop = namedStatement<{ id: string }>(
  'drop_queued_jobs',
  `update jobs set status = 'DONE', finished_at = now(), updated_at = now() where dedupe_key = any($1::text[]) and status = 'QUEUED' returning id`,
);

/**
 * Jobs not yet claimed that the work they were for no longer needs (the status check of a request the
 * carrier has finished), by dedupe key, in one statement: they end DONE without running (their attempts
 * stay 0). One that runs already is left to finish. Answers how many were dropped.
 */
export async function dropQueuedJobs(db: DbOrTx, dedupeKeys: string[]): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  return (await drop(db, [dedupeKeys])).length;
}
