import { namedStatement, type DbOrTx } from '../../../db/client.js';

const fail = namedStatement<{ id: string }>(
  'fail_job',
  `update jobs set status = 'FAILED', last_error = $3, finished_at = now(), updated_at = now(), locked_by = null, locked_until = null
    where id = $1::uuid and status = 'RUNNING' and locked_by = $2 returning id`,
);

/** The job will not run again (its handler failed for good, or it ran out of attempts). Only while this worker holds it. */
export async function failJob(db: DbOrTx, job: { id: string; workerId: string; error: string }): Promise<boolean> {
  return (await fail(db, [job.id, job.workerId, job.error.slice(0, 2000)])).length > 0;
}
