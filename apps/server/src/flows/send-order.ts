import type { TOrderDetail } from '@linedesk/domain';
import { readTogether, type Db, type Tx } from '../db/client.js';
import { groupCommit, inRounds } from '../db/group-commit.js';
import { AppError } from '../http/app-error.js';
import { batchAudits, SYSTEM_ACTOR, withActor, type AuditContext } from '../modules/audit/record-audit.js';
import type { CarrierRules } from '../modules/catalog/use-cases/find-carrier-rules.js';
import { enqueueJobs } from '../modules/jobs/use-cases/enqueue-job.js';
import { changeOrderStatuses } from '../modules/orders/use-cases/change-order-status.js';
import { clearLineRejections } from '../modules/orders/use-cases/clear-line-rejections.js';
import { getOrders } from '../modules/orders/use-cases/get-order.js';
import { createSubmissions, type SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { findSubmission, findSubmissionsOfOrders } from '../modules/provisioning/use-cases/find-submission.js';
import { carrierSubmitJob } from './carrier-jobs.js';
import { getOrderPage } from './get-order-page.js';
import { cachedCarrierRules, type OrderState } from './order-state.js';
import { sendRefusal } from './send-refusal.js';

/**
 * Send (the button and the API): in one transaction, with the order locked, the order becomes Sent, its
 * submission is recorded and the job that delivers it to the carrier is enqueued (transactional outbox).
 * The same Idempotency-Key again answers the order as it is and sends nothing more. Sends that arrive
 * while others are being written go together in one transaction (`sendOrders`). Answers the order page,
 * or nothing with `answer: 'none'` (an integrator's `Prefer: return=minimal`: the page's reads are spared).
 */
export async function sendOrder(options: SendOrderOptions & { answer?: 'page' }): Promise<TOrderDetail>;
export async function sendOrder(options: SendOrderOptions & { answer: 'none' }): Promise<null>;
export async function sendOrder(options: SendOrderOptions & { answer?: 'page' | 'none' }): Promise<TOrderDetail | null> {
  const { db, orderId } = options;
  await sendTogether(db)({ audit: options.audit, orderId, idempotencyKey: options.idempotencyKey });
  return options.answer === 'none' ? null : getOrderPage({ db, orderId, carriers: await cachedCarrierRules(db) });
}

type SendOrderOptions = { db: Db; audit: AuditContext; orderId: string; idempotencyKey: string };
export type SendRequest = { audit: AuditContext; orderId: string; idempotencyKey: string };

// One group commit per database: Sends arriving together share a transaction (at most 32, two at once).
const senders = new WeakMap<Db, (request: SendRequest) => Promise<null>>();
function sendTogether(db: Db): (request: SendRequest) => Promise<null> {
  let send = senders.get(db);
  if (!send) senders.set(db, (send = groupCommit<SendRequest, null>({ maxSize: 32, parallel: 2, run: (requests) => sendOrders(db, requests) })));
  return send;
}

/**
 * Several Sends in one transaction, each as `sendOrder` makes it, each kind of write one statement for
 * all: each answers null (sent, or its key seen before) or the AppError that refuses it alone. Two Sends
 * of one order go one after the other (the second sees the first).
 */
export async function sendOrders(db: Db, requests: readonly SendRequest[]): Promise<(null | AppError)[]> {
  const carriers = await cachedCarrierRules(db);
  return db.transaction(async (tx) => {
    const results: (null | AppError)[] = new Array(requests.length).fill(null);
    const items = requests.map((request, index) => ({ request, index }));
    await inRounds(items, (item) => item.request.orderId, (round) => sendRound(tx, carriers, round, results));
    return results;
  });
}

async function sendRound(tx: Tx, carriers: Map<string, CarrierRules>, items: { request: SendRequest; index: number }[], results: (null | AppError)[]): Promise<void> {
  const orderIds = items.map(({ request }) => request.orderId);
  const [orders, submissions] = await readTogether(tx, [() => getOrders({ db: tx, orderIds, lock: true }), () => findSubmissionsOfOrders({ db: tx, orderIds })]);
  // The status changes' and the submissions' audit rows go in one insert, each as its sender.
  const audit = batchAudits(SYSTEM_ACTOR);
  const sends: PreparedSend[] = [];
  for (const { request, index } of items) {
    const found = orders.get(request.orderId);
    if (!found) {
      results[index] = new AppError('NOT_FOUND', 'No such order');
      continue;
    }
    const theirs = submissions.get(request.orderId) ?? [];
    // A retried request (the same key): it was sent already; the order page answers as it now is.
    if (theirs.some((submission) => submission.idempotencyKey === request.idempotencyKey)) continue;
    const state: OrderState = { ...found, carrier: carriers.get(found.order.carrierCode) ?? null };
    const prepared = prepareSend(state, theirs.at(-1) ?? null, request.idempotencyKey, request.audit);
    if (prepared instanceof AppError) results[index] = prepared;
    else sends.push(prepared);
  }
  await writeSends(tx, audit.context, sends);
  await audit.flush(tx);
}

/**
 * The Send itself, for a caller that holds the order's lock in its transaction (flow-through, when a scan
 * makes the order Ready). Refuses with the same reason the order page gives. A first send goes Ready →
 * Sent, a resend after the carrier refused it goes Error → Sent as attempt + 1 with a new submission key
 * (the same key after a send abandoned unanswered). `idempotencyKey` may depend on the attempt
 * (flow-through's `auto:<orderId>:<attempt>`).
 */
export async function sendLockedOrder(
  tx: Tx,
  audit: AuditContext,
  state: OrderState,
  options: { idempotencyKey: string | ((attempt: number) => string) },
): Promise<{ status: 'SENT'; updatedAt: Date; submissionId: string }> {
  const previous = await findSubmission({ db: tx, by: { orderId: state.order.id, latest: true } });
  const prepared = prepareSend(state, previous, options.idempotencyKey);
  if (prepared instanceof AppError) throw prepared;
  const [written] = await writeSends(tx, audit, [prepared]);
  return { status: 'SENT', ...written! };
}

/** A Send checked and ready to write. */
type PreparedSend = { state: OrderState; attempt: number; submissionKey: string; idempotencyKey: string; actor?: AuditContext };

/** A Send of a locked order after its newest submission `previous`: what to write, or the refusal. */
function prepareSend(state: OrderState, previous: SubmissionRow | null, idempotencyKey: string | ((attempt: number) => string), actor?: AuditContext): PreparedSend | AppError {
  const refusal = sendRefusal(state);
  if (refusal) return new AppError(refusal.code, refusal.reason);
  const attempt = (previous?.attempt ?? 0) + 1;
  // A send we gave up on without an answer may have reached the carrier: the resend carries its key again, so
  // the carrier answers with what it did with that request instead of activating a second time.
  const submissionKey = previous?.status === 'ABANDONED' ? previous.submissionKey : submissionKeyOf(state.order, attempt);
  return { state, attempt, submissionKey, idempotencyKey: typeof idempotencyKey === 'function' ? idempotencyKey(attempt) : idempotencyKey, ...(actor ? { actor } : {}) };
}

/** The Sends' writes, each kind in one statement for all: the orders Sent, their submissions, the jobs that deliver them. */
async function writeSends(tx: Tx, audit: AuditContext, sends: PreparedSend[]): Promise<{ updatedAt: Date; submissionId: string }[]> {
  if (sends.length === 0) return [];
  const { updatedAt } = await changeOrderStatuses(
    tx,
    audit,
    sends.map(({ state, attempt, actor }) => ({
      orderId: state.order.id,
      from: state.order.status,
      to: 'SENT',
      action: 'send',
      ...(attempt > 1 ? { reason: `Sent again (attempt ${attempt})` } : {}),
      ...(actor ? { actor } : {}),
    })),
  );
  for (const { state, actor } of sends) {
    if (state.lines.some((line) => line.carrierRejection)) await clearLineRejections(tx, actor ? withActor(audit, actor) : audit, state.order.id);
  }
  const ids = await createSubmissions(
    tx,
    audit,
    sends.map(({ state, attempt, submissionKey, idempotencyKey, actor }) => ({
      orderId: state.order.id,
      attempt,
      carrierCode: state.order.carrierCode,
      submissionKey,
      idempotencyKey,
      ...(actor ? { actor } : {}),
    })),
  );
  await enqueueJobs(tx, ids.map(carrierSubmitJob));
  return ids.map((submissionId) => ({ updatedAt, submissionId }));
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
