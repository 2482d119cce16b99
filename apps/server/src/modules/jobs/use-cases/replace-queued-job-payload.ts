import { namedStatement, type DbOrTx } from '../../../db/client.js';

const replace = namedStatement<{ id: string }>(
  'replace_queued_job_payload',
  `update jobs set payload = $2::jsonb, updated_at = now() where id = $1::uuid and status = 'QUEUED' returning id`,
);

/**
 * Replaces the payload of a job not yet claimed, typically one enqueued earlier in the same transaction
 * (no worker can see it before that commits), so work gathered across a transaction rides one job.
 * Answers false when the job is gone or already taken.
 */
export async function replaceQueuedJobPayload(db: DbOrTx, job: { id: string; payload: Record<string, unknown> }): Promise<boolean> {
  const rows = await replace(db, [job.id, JSON.stringify(job.payload)]);
  return rows.length > 0;
}
