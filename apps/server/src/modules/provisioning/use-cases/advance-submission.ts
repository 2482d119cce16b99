import { namedStatement, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext, type AuditChange } from '../../audit/record-audit.js';
import type { SubmissionStatus } from '../provisioning.schema.js';
import type { SubmissionRow } from './create-submission.js';

// Every carrier report (or a batch of them): one statement text, sent by name (the status as text: see change_order_statuses).
const updateSubmissions = namedStatement(
  'advance_submissions',
  `update carrier_submissions s
      set last_sequence = a.last_sequence, request_id = a.request_id, status = a.status::submission_status, error_code = a.error_code,
          error_text = a.error_text, accepted_at = a.accepted_at, finished_at = a.finished_at
     from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
       as a(id, last_sequence, request_id, status, error_code, error_text, accepted_at, finished_at)
    where s.id = a.id`,
);

/** Where the carrier's newest report puts the submission. */
export type SubmissionProgress =
  | { outcome: 'IN_PROGRESS' }
  | { outcome: 'FINISHED' }
  | { outcome: 'REJECTED'; error: { code: string; text: string } };

/** One report taken into a locked submission; `actor`: who reported it, when not `audit`'s actor. */
export type SubmissionAdvance = { submission: SubmissionRow; sequence: number; requestId: string; progress: SubmissionProgress; at?: Date; actor?: AuditContext };

/**
 * Takes carrier reports into submissions the caller has locked, each once, in one statement: each one's
 * newest applied `sequence`, the carrier's request id (a callback can come before the submit's answer was
 * recorded), and its status: ACCEPTED while the carrier works on it, FINISHED when it ends with lines
 * activated, REJECTED with the carrier's code and text. A submission that already ended keeps its status.
 * Audited when the status changes. Answers each submission as it now is, in order.
 */
export async function advanceSubmissions(tx: Tx, audit: AuditContext, changes: SubmissionAdvance[]): Promise<SubmissionRow[]> {
  if (changes.length === 0) return [];
  const rows = changes.map(advanced);
  await updateSubmissions(tx, [
    rows.map((r) => r.id),
    rows.map((r) => r.lastSequence),
    rows.map((r) => r.requestId),
    rows.map((r) => r.status),
    rows.map((r) => r.errorCode),
    rows.map((r) => r.errorText),
    rows.map((r) => r.acceptedAt?.toISOString() ?? null),
    rows.map((r) => r.finishedAt?.toISOString() ?? null),
  ]);
  const audits: AuditChange[] = [];
  changes.forEach(({ submission, actor }, index) => {
    const row = rows[index]!;
    if (row.status === submission.status) return;
    audits.push({
      ...(actor ? { actor } : {}),
      entityType: 'carrier_submission',
      entityId: submission.id,
      action: row.status === 'REJECTED' ? 'rejected' : row.status === 'FINISHED' ? 'finished' : 'accepted',
      before: { status: submission.status, requestId: submission.requestId, errorCode: submission.errorCode },
      after: { status: row.status, requestId: row.requestId, errorCode: row.errorCode, errorText: row.errorText },
    });
  });
  await recordAudits(tx, audit, audits);
  return rows;
}

/** The submission after the report. */
function advanced(change: SubmissionAdvance): SubmissionRow {
  const { submission, progress } = change;
  const at = change.at ?? new Date();
  const ended = submission.status === 'FINISHED' || submission.status === 'REJECTED';
  const status: SubmissionStatus = ended
    ? submission.status
    : progress.outcome === 'FINISHED'
      ? 'FINISHED'
      : progress.outcome === 'REJECTED'
        ? 'REJECTED'
        : submission.status === 'QUEUED' || submission.status === 'ABANDONED'
          ? 'ACCEPTED'
          : submission.status;
  const error =
    status === submission.status ? { errorCode: submission.errorCode, errorText: submission.errorText }
    : progress.outcome === 'REJECTED' ? { errorCode: progress.error.code, errorText: progress.error.text }
    : { errorCode: null, errorText: null };
  const finishedAt = status === 'FINISHED' || status === 'REJECTED' ? (submission.finishedAt ?? at) : submission.finishedAt;
  return {
    ...submission,
    lastSequence: Math.max(submission.lastSequence, change.sequence),
    requestId: submission.requestId ?? change.requestId,
    status,
    ...error,
    acceptedAt: submission.acceptedAt ?? at,
    finishedAt,
  };
}
