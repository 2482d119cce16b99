import { namedStatement, type DbOrTx } from '../../../db/client.js';

const finish = namedStatement<{ id: string }>(
  'finish_jobs',
  `update jobs set status = 'DONE', finished_at = now(), updated_at = now(), locked_by = null, locked_until = null
    where id = any($1::uuid[]) and status = 'RUNNING' and locked_by = $2 returning id`,
);

/** The job is done. Only while this worker still holds it (a lapsed lease taken by another worker is theirs): answers whether it did. */
export async function finishJob(db: DbOrTx, job: { id: string; workerId: string }): Promise<boolean> {
  return (await finishJobs(db, { ids: [job.id], workerId: job.workerId })).has(job.id);
}

/** `finishJob` for several jobs in one statement: answers the ids it finished. */
export async function finishJobs(db: DbOrTx, jobs: { ids: readonly string[]; workerId: string }): Promise<Set<string>> {
  if (jobs.ids.length === 0) return new Set();
  return new Set((await finish(db, [[...jobs.ids], jobs.workerId])).map((row) => row.id));
}
