import { sql } from 'drizzle-orm';
import { namedQuery, type Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { carrierSubmissions } from '../provisioning.schema.js';

export type SubmissionRow = typeof carrierSubmissions.$inferSelect;

// Every Send: built once, sent by name.
const insertSubmission = namedQuery('create_submission', (db) =>
  db
    .insert(carrierSubmissions)
    .values({
      orderId: sql.placeholder('orderId'),
      attempt: sql.placeholder('attempt'),
      carrierCode: sql.placeholder('carrierCode'),
      submissionKey: sql.placeholder('submissionKey'),
      idempotencyKey: sql.placeholder('idempotencyKey'),
      createdBy: sql.placeholder('createdBy'),
    })
    .returning(),
);

/**
 * Records one Send of an order (status QUEUED), audited, inside the Send's transaction. The unique
 * (order, idempotency key) and (order, attempt) keys refuse a second submission for the same Send.
 */
export async function createSubmission(
  tx: Tx,
  audit: AuditContext,
  submission: { orderId: string; attempt: number; carrierCode: string; submissionKey: string; idempotencyKey: string },
): Promise<SubmissionRow> {
  const [row] = await insertSubmission(tx, { ...submission, createdBy: audit.actorUserId });
  await recordAudit(tx, audit, {
    entityType: 'carrier_submission',
    entityId: row!.id,
    action: 'create',
    after: { orderId: submission.orderId, attempt: submission.attempt, carrierCode: submission.carrierCode, submissionKey: submission.submissionKey, status: row!.status },
  });
  return row!;
}
