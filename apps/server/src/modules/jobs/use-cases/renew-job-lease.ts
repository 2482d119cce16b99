import { namedStatement, type DbOrTx } from '../../../db/client.js';

const renew = namedStatement<{ id: string }>(
  'renew_job_lease',
  `update jobs set locked_until = now() + make_interval(secs => $3::int), updated_at = now()
    where id = $1::uuid and status = 'RUNNING' and locked_by = $2 returning id`,
);

/**
 * Extends the lease of a job this worker is still running (the runner's heartbeat), so a run longer than
 * the lease (a slow carrier) is not taken by another worker. Answers false when this worker no longer holds it.
 */
export async function renewJobLease(db: DbOrTx, job: { id: string; workerId: string; leaseSeconds: number }): Promise<boolean> {
  return (await renew(db, [job.id, job.workerId, job.leaseSeconds])).length > 0;
}
