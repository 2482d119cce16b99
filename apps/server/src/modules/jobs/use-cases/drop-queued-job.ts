import { namedStatement, type DbOrTx } from '../../../db/client.js';

const drop = namedStatement<{ id: string }>(
  'drop_queued_job',
  `update jobs set status = 'DONE', finished_at = now(), updated_at = now() where dedupe_key = $1 and status = 'QUEUED' returning id`,
);

/**
 * A job not yet claimed that the work it was for no longer needs (a status check of a request the carrier
 * has finished): it ends DONE without running (its attempts stay 0). One that runs already is left to
 * finish. Answers whether one was dropped.
 */
export async function dropQueuedJob(db: DbOrTx, dedupeKey: string): Promise<boolean> {
  return (await drop(db, [dedupeKey])).length > 0;
}
