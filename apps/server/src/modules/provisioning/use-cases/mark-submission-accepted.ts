import { namedStatement, type DbOrTx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';

export type SubmissionAcceptance = { id: string; requestId: string };

// Every submission the carrier takes, one or a batch in one statement, sent by name.
const accept = namedStatement<{ id: string; requestId: string }>(
  'mark_submissions_accepted',
  `update carrier_submissions s
      set status = 'ACCEPTED', request_id = a.request_id, accepted_at = $3::timestamptz, error_code = null, error_text = null
     from unnest($1::uuid[], $2::text[]) as a(id, request_id)
    where s.id = a.id and s.status = 'QUEUED'
   returning s.id, s.request_id as "requestId"`,
);

/**
 * The carrier accepted the submission and gave it a request id: QUEUED → ACCEPTED, audited. A submission
 * no longer QUEUED (accepted by an earlier run of the same job, or already finished by a callback that
 * arrived first) is left as it is: answers false then.
 */
export async function markSubmissionAccepted(db: DbOrTx, audit: AuditContext, change: SubmissionAcceptance & { at?: Date }): Promise<boolean> {
  return (await markSubmissionsAccepted(db, audit, [change], change.at)).has(change.id);
}

/** `markSubmissionAccepted` for a batch in one statement: answers the ids it moved to ACCEPTED. */
export async function markSubmissionsAccepted(db: DbOrTx, audit: AuditContext, changes: readonly SubmissionAcceptance[], at = new Date()): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const rows = await accept(db, [changes.map((c) => c.id), changes.map((c) => c.requestId), at.toISOString()]);
  await recordAudits(
    db,
    audit,
    rows.map((row) => ({
      entityType: 'carrier_submission',
      entityId: row.id,
      action: 'accepted',
      before: { status: 'QUEUED', requestId: null },
      after: { status: 'ACCEPTED', requestId: row.requestId },
    })),
  );
  return new Set(rows.map((row) => row.id));
}
