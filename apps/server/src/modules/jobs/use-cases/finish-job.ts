import { namedStatement, type DbOrTx } from '../../../db/client.js';

const finish = namedStatement<{ id: string }>(
  'finish_job',
  `update jobs set status = 'DONE', finished_at = now(), updated_at = now(), locked_by = null, locked_until = null
    where id = $1::uuid and status = 'RUNNING' and locked_by = $2 returning id`,
);

/** The job is done. Only while this worker still holds it (a lapsed lease taken by another worker is theirs): answers whether it did. */
export async function finishJob(db: DbOrTx, job: { id: string; workerId: string }): Promise<boolean> {
  return (await finish(db, [job.id, job.workerId])).length > 0;
}
