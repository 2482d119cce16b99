import type { OrderStatus, TOrderCarrierState } from '@linedesk/domain';
import type { DbOrTx } from '../db/client.js';
import { findJob } from '../modules/jobs/use-cases/find-job.js';
import { findSubmission } from '../modules/provisioning/use-cases/find-submission.js';

/** What an order never sent shows. */
export const NOT_SENT: TOrderCarrierState = { requestId: null, attempts: 0, lastSentAt: null, error: null, retry: null };

/**
 * What the carrier said about the order: from its newest submission (request id, attempt, the carrier's
 * refusal, or the last delivery problem while it waits for a retry) and the submission's delivery job
 * (when the retry runs, and how many tries so far).
 */
export async function readOrderCarrierState(db: DbOrTx, orderId: string): Promise<TOrderCarrierState> {
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const submission = await findSubmission({ db, by: { orderId, latest: true } });
  if (!submission) return NOT_SENT;
  const error = submission.errorCode !== null ? { code: submission.errorCode, text: submission.errorText ?? '' } : null;
  const state = { requestId: submission.requestId, attempts: submission.attempt, lastSentAt: submission.createdAt.toISOString(), error, retry: null };
  if (submission.status !== 'QUEUED') return state;
  const job = await findJob({ db, dedupeKey: `carrier.submit:${submission.id}` });
  if (!job || job.status !== 'QUEUED' || job.attempts === 0) return state;
  return { ...state, retry: { at: job.runAt.toISOString(), tries: job.attempts } };
}

/**
 * The error code of an order's last send when the order is in Error (null otherwise, without a query):
 * what decides whether it may change before it is sent again (`unansweredSendRefusal`).
 */
export async function lastSendErrorCode(db: DbOrTx, order: { id: string; status: OrderStatus }): Promise<string | null> {
  if (order.status !== 'ERROR') return null;
  const submission = await findSubmission({ db, by: { orderId: order.id, latest: true } });
  return submission?.errorCode ?? null;
}
