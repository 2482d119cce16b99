import type { TOrderDetail } from '@linedesk/domain';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { batchAudits, type AuditContext } from '../modules/audit/record-audit.js';
import { enqueueJob } from '../modules/jobs/use-cases/enqueue-job.js';
import { changeOrderStatus } from '../modules/orders/use-cases/change-order-status.js';
import { clearLineRejections } from '../modules/orders/use-cases/clear-line-rejections.js';
import { createSubmission } from '../modules/provisioning/use-cases/create-submission.js';
import { findSubmission } from '../modules/provisioning/use-cases/find-submission.js';
import { carrierSubmitJob } from './carrier-jobs.js';
import { getOrderPage } from './get-order-page.js';
import { cachedCarrierRules, loadOrderState, type OrderState } from './order-state.js';
import { sendRefusal } from './send-refusal.js';

/**
 * Send (the button and the API): in one transaction, with the order locked, the order becomes Sent, its
 * submission is recorded and the job that delivers it to the carrier is enqueued (transactional outbox).
 * The same Idempotency-Key again answers the order as it is and sends nothing more. Answers the order page,
 * or nothing with `answer: 'none'` (an integrator's `Prefer: return=minimal`: the page's reads are spared).
 */
export async function sendOrder(options: SendOrderOptions & { answer?: 'page' }): Promise<TOrderDetail>;
export async function sendOrder(options: SendOrderOptions & { answer: 'none' }): Promise<null>;
export async function sendOrder(options: SendOrderOptions & { answer?: 'page' | 'none' }): Promise<TOrderDetail | null> {
  const { db, orderId, idempotencyKey } = options;
  const carriers = await cachedCarrierRules(db);
  await db.transaction(async (tx) => {
    const state = await loadOrderState({ db: tx, orderId, lock: true, carriers });
    // A retried request (the same key): it was sent already; the order page answers as it now is.
    if (await findSubmission({ db: tx, by: { orderId, idempotencyKey } })) return;
    // The status change's and the submission's audit rows go in one insert.
    const audit = batchAudits(options.audit);
    await sendLockedOrder(tx, audit.context, state, { idempotencyKey });
    await audit.flush(tx);
  });
  return options.answer === 'none' ? null : getOrderPage({ db, orderId, carriers });
}

type SendOrderOptions = { db: Db; audit: AuditContext; orderId: string; idempotencyKey: string };

/**
 * The Send itself, for a caller that holds the order's lock in its transaction (Send, and flow-through
 * when a scan makes the order Ready). Refuses with the same reason the order page gives. A first send
 * goes Ready → Sent, a resend after the carrier refused it goes Error → Sent as attempt + 1 with a new
 * submission key (the same key after a send abandoned unanswered). `idempotencyKey` may depend on the attempt (flow-through's `auto:<orderId>:<attempt>`).
 */
export async function sendLockedOrder(
  tx: Tx,
  audit: AuditContext,
  state: OrderState,
  options: { idempotencyKey: string | ((attempt: number) => string) },
): Promise<{ status: 'SENT'; updatedAt: Date; submissionId: string }> {
  const { order } = state;
  const refusal = sendRefusal(state);
  if (refusal) throw new AppError(refusal.code, refusal.reason);
  const previous = await findSubmission({ db: tx, by: { orderId: order.id, latest: true } });
  const attempt = (previous?.attempt ?? 0) + 1;
  const idempotencyKey = typeof options.idempotencyKey === 'function' ? options.idempotencyKey(attempt) : options.idempotencyKey;
  // A send we gave up on without an answer may have reached the carrier: the resend carries its key again, so
  // the carrier answers with what it did with that request instead of activating a second time.
  const submissionKey = previous?.status === 'ABANDONED' ? previous.submissionKey : submissionKeyOf(order, attempt);
  const { updatedAt } = await changeOrderStatus(tx, audit, {
    orderId: order.id,
    from: order.status,
    to: 'SENT',
    action: 'send',
    ...(attempt > 1 ? { reason: `Sent again (attempt ${attempt})` } : {}),
  });
  if (state.lines.some((line) => line.carrierRejection)) await clearLineRejections(tx, audit, order.id);
  const submission = await createSubmission(tx, audit, {
    orderId: order.id,
    attempt,
    carrierCode: order.carrierCode,
    submissionKey,
    idempotencyKey,
  });
  await enqueueJob(tx, carrierSubmitJob(submission.id));
  return { status: 'SENT', updatedAt, submissionId: submission.id };
}

/** The key the carrier sees for one send: stable across every retry of it, new for a resend (unless the last send was abandoned). */
export function submissionKeyOf(order: { orderNumber: string; id: string }, attempt: number): string {
  return `${order.orderNumber}-S${attempt}-${order.id.slice(0, 8)}`;
}

/** Flow-through: whether an order that just became Ready goes to its carrier by itself. */
export function sendsByItself(state: OrderState): boolean {
  return state.order.sendAutomatically || state.carrier?.flowThrough === true;
}

/** Flow-through's idempotency key: one per order and attempt, so a flow-through send is never made twice. */
export function autoSendKey(orderId: string): (attempt: number) => string {
  return (attempt) => `auto:${orderId}:${attempt}`;
}
