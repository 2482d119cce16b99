import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { carrierSubmissions, type SubmissionStatus } from '../provisioning.schema.js';
import type { SubmissionRow } from './create-submission.js';

/**
 * The submission ends without activation, audited: REJECTED (the carrier refused it, with its code and
 * text) or ABANDONED (we gave up reaching the carrier). Only a submission in one of `onlyFrom` (default
 * QUEUED or ACCEPTED) ends this way, checked with its row locked; any other is left as it is (answers null).
 * The submit job passes QUEUED only: a callback that made it ACCEPTED meanwhile wins.
 */
export async function markSubmissionRejected(
  db: DbOrTx,
  audit: AuditContext,
  change: { id: string; status?: 'REJECTED' | 'ABANDONED'; code: string; text: string; at?: Date; onlyFrom?: readonly SubmissionStatus[] },
): Promise<SubmissionRow | null> {
  const status = change.status ?? 'REJECTED';
  const onlyFrom = [...(change.onlyFrom ?? ['QUEUED', 'ACCEPTED'])];
  const [before] = await db
    .select({ status: carrierSubmissions.status })
    .from(carrierSubmissions)
    .where(eq(carrierSubmissions.id, change.id))
    .for('update');
  if (!before || !onlyFrom.includes(before.status)) return null;
  const [row] = await db
    .update(carrierSubmissions)
    .set({ status, errorCode: change.code, errorText: change.text, finishedAt: change.at ?? new Date() })
    .where(and(eq(carrierSubmissions.id, change.id), inArray(carrierSubmissions.status, onlyFrom)))
    .returning();
  if (!row) return null;
  await recordAudit(db, audit, {
    entityType: 'carrier_submission',
    entityId: row.id,
    action: status === 'REJECTED' ? 'rejected' : 'abandoned',
    before: { status: before.status },
    after: { status, errorCode: change.code, errorText: change.text },
  });
  return row;
}
