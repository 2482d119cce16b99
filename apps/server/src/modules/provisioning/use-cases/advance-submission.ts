import { eq, sql } from 'drizzle-orm';
import { namedQuery, type Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { carrierSubmissions, type SubmissionStatus } from '../provisioning.schema.js';
import type { SubmissionRow } from './create-submission.js';

// Every carrier report: built once, sent by name.
const value = (name: string) => sql`${sql.placeholder(name)}`;
const updateSubmission = namedQuery('advance_submission', (db) =>
  db
    .update(carrierSubmissions)
    .set({
      lastSequence: value('lastSequence'),
      requestId: value('requestId'),
      status: value('status'),
      errorCode: value('errorCode'),
      errorText: value('errorText'),
      acceptedAt: value('acceptedAt'),
      finishedAt: value('finishedAt'),
    })
    .where(eq(carrierSubmissions.id, sql.placeholder('id')))
    .returning(),
);

/** Where the carrier's newest report puts the submission. */
export type SubmissionProgress =
  | { outcome: 'IN_PROGRESS' }
  | { outcome: 'FINISHED' }
  | { outcome: 'REJECTED'; error: { code: string; text: string } };

/**
 * Takes a carrier report of the given `sequence` into a submission the caller has locked (`findSubmission`
 * with `lock`): its newest applied sequence, the carrier's request id (a callback can come before the
 * submit's answer was recorded), and its status: ACCEPTED while the carrier works on it, FINISHED when
 * it ends with lines activated, REJECTED with the carrier's code and text. A submission that already
 * ended keeps its status. Audited when the status changes. Answers the submission as it now is.
 */
export async function advanceSubmission(
  tx: Tx,
  audit: AuditContext,
  change: { submission: SubmissionRow; sequence: number; requestId: string; progress: SubmissionProgress; at?: Date },
): Promise<SubmissionRow> {
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
  const [row] = await updateSubmission(tx, {
    id: submission.id,
    lastSequence: Math.max(submission.lastSequence, change.sequence),
    requestId: submission.requestId ?? change.requestId,
    status,
    ...error,
    acceptedAt: (submission.acceptedAt ?? at).toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
  });
  if (status !== submission.status) {
    await recordAudit(tx, audit, {
      entityType: 'carrier_submission',
      entityId: submission.id,
      action: status === 'REJECTED' ? 'rejected' : status === 'FINISHED' ? 'finished' : 'accepted',
      before: { status: submission.status, requestId: submission.requestId, errorCode: submission.errorCode },
      after: { status, requestId: row!.requestId, errorCode: error.errorCode, errorText: error.errorText },
    });
  }
  return row!;
}
