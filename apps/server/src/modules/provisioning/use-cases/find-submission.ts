import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carrierSubmissions } from '../provisioning.schema.js';
import type { SubmissionRow } from './create-submission.js';

export type SubmissionLookup =
  | { id: string }
  | { submissionKey: string }
  | { carrierCode: string; requestId: string }
  | { orderId: string; idempotencyKey: string }
  /** The order's newest submission (highest attempt). */
  | { orderId: string; latest: true };

/**
 * One carrier submission, or null. `lock` takes its row lock (inside a transaction), so a callback and a
 * poll of the same submission take turns.
 */
export async function findSubmission(options: { db: DbOrTx; by: SubmissionLookup; lock?: boolean }): Promise<SubmissionRow | null> {
  const { db, by, lock = false } = options;
  const s = carrierSubmissions;
  const where =
    'id' in by
      ? eq(s.id, by.id)
      : 'submissionKey' in by
        ? eq(s.submissionKey, by.submissionKey)
        : 'requestId' in by
          ? and(eq(s.carrierCode, by.carrierCode), eq(s.requestId, by.requestId))
          : 'idempotencyKey' in by
            ? and(eq(s.orderId, by.orderId), eq(s.idempotencyKey, by.idempotencyKey))
            : eq(s.orderId, by.orderId);
  const query = db.select().from(s).where(where).orderBy(desc(s.attempt)).limit(1);
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
}
