import { and, eq, sql } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { carrierSubmissions } from '../provisioning.schema.js';
import type { SubmissionRow } from './create-submission.js';

// Every submission the carrier takes: built once, sent by name.
const accept = namedQuery('mark_submission_accepted', (db) =>
  db
    .update(carrierSubmissions)
    .set({ status: 'ACCEPTED', requestId: sql`${sql.placeholder('requestId')}`, acceptedAt: sql`${sql.placeholder('acceptedAt')}`, errorCode: null, errorText: null })
    .where(and(eq(carrierSubmissions.id, sql.placeholder('id')), eq(carrierSubmissions.status, 'QUEUED')))
    .returning(),
);

/**
 * The carrier accepted the submission and gave it a request id: QUEUED → ACCEPTED, audited. A submission
 * no longer QUEUED (accepted by an earlier run of the same job, or already finished by a callback that
 * arrived first) is left as it is: answers null then.
 */
export async function markSubmissionAccepted(
  db: DbOrTx,
  audit: AuditContext,
  change: { id: string; requestId: string; at?: Date },
): Promise<SubmissionRow | null> {
  const [row] = await accept(db, { id: change.id, requestId: change.requestId, acceptedAt: (change.at ?? new Date()).toISOString() });
  if (!row) return null;
  await recordAudit(db, audit, {
    entityType: 'carrier_submission',
    entityId: row.id,
    action: 'accepted',
    before: { status: 'QUEUED', requestId: null },
    after: { status: 'ACCEPTED', requestId: change.requestId },
  });
  return row;
}
