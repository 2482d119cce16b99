import { formatNanp, isGatewayFinal, type CarrierMessageDirection, type OrderStatus, type TGatewayActivation, type TGatewayLineStatus } from '@linedesk/domain';
import type { Db, Tx } from '../db/client.js';
import { inRounds } from '../db/group-commit.js';
import { AppError } from '../http/app-error.js';
import { batchAudits, SYSTEM_ACTOR, withActor, type AuditContext } from '../modules/audit/record-audit.js';
import { addCustomersNumbers } from '../modules/customers/use-cases/add-customer-numbers.js';
import { openCustomers, type CustomerOpening } from '../modules/customers/use-cases/open-customer.js';
import { activateLinesStock, type LineStockActivation } from '../modules/inventory/use-cases/activate-line-stock.js';
import { findItemsWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { releaseStockItems } from '../modules/inventory/use-cases/release-stock-items.js';
import { dropQueuedJobs } from '../modules/jobs/use-cases/drop-queued-job.js';
import { enqueueJobs, type NewJob } from '../modules/jobs/use-cases/enqueue-job.js';
import { activateOrderLines, type LineActivation } from '../modules/orders/use-cases/activate-order-lines.js';
import { cancelOrderLines } from '../modules/orders/use-cases/cancel-order-lines.js';
import { changeOrderStatuses, type OrderStatusChange } from '../modules/orders/use-cases/change-order-status.js';
import { getOrders, type LineRow, type OrderRow } from '../modules/orders/use-cases/get-order.js';
import { setLineRejections, type LineRejection } from '../modules/orders/use-cases/set-line-rejections.js';
import { advanceSubmissions, type SubmissionAdvance, type SubmissionProgress } from '../modules/provisioning/use-cases/advance-submission.js';
import type { SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { findLatestSubmissions } from '../modules/provisioning/use-cases/find-latest-submissions.js';
import { findSubmission, lockSubmissionsByKeys } from '../modules/provisioning/use-cases/find-submission.js';
import { eventKeyOf, recordCarrierEvents } from '../modules/provisioning/use-cases/record-carrier-event.js';
import { recordCarrierMessage, type CarrierMessageInput } from '../modules/provisioning/use-cases/record-carrier-message.js';
import { carrierPollJob, carrierPollKey } from './carrier-jobs.js';

/** The order statuses a carrier report may still change the order in. */
const AT_CARRIER: ReadonlySet<OrderStatus> = new Set(['SENT', 'IN_PROGRESS', 'ERROR']);

/** How a carrier report reached us, as it goes into Carrier Messages. */
export type ActivationReport = {
  direction: Extract<CarrierMessageDirection, 'CALLBACK' | 'POLL'>;
  /** "callback activation.completed", "GET /v1/activations/R-10023" */
  operation: string;
  httpStatus: number | null;
  /** What came, redacted when recorded. */
  payload: unknown;
};

export type ActivationOutcome = {
  /**
   * APPLIED: taken; STALE: an older or repeated sequence, or a report on a send the order has moved on from (recorded,
   * no effect); DUPLICATE: an event id already taken (nothing recorded).
   */
  outcome: 'APPLIED' | 'STALE' | 'DUPLICATE';
  orderId: string | null;
  /** The submission has ended (finished or refused): nothing more will come for it. */
  ended: boolean;
  /** The order's status after the report. */
  orderStatus: OrderStatus | null;
};

/** One carrier report: a signed callback, or the answer to a status check. */
export type CarrierReport = {
  carrierCode: string;
  activation: TGatewayActivation;
  report: ActivationReport;
  /** A callback's event id: taken once per carrier; a redelivery answers DUPLICATE and changes nothing. */
  eventId?: string;
  /** The HTTP request that brought it, for the audit trail. */
  requestId?: string | null;
};

export type ApplyReportOptions = {
  /** When to check the status first if a report made the submission accepted (the submit's answer may not come). */
  pollDelayMs: number;
  now?: Date;
};

/**
 * A carrier's report on a submission (a signed callback, or the answer to a status check), applied in one
 * transaction with the submission locked, then the order: a sequence not newer than the last one applied
 * changes nothing (duplicates and out-of-order delivery are harmless). Otherwise each line the carrier
 * activated goes Active with its number and date and its stock Active; each line it refused keeps the
 * carrier's code and text. When the carrier is done the order goes Complete (every line Active), Partial
 * (some: the refused lines are cancelled and their stock returned) or Error (none), and the customer goes
 * Open at its first completion; while it works, a Sent order goes In progress. Everything is audited,
 * by the carrier as actor, and the report is recorded in Carrier Messages.
 */
export async function applyCarrierActivation(options: { db: Db } & CarrierReport & ApplyReportOptions): Promise<ActivationOutcome> {
  const [outcome] = await applyCarrierActivations(options.db, [options], options);
  if (outcome instanceof AppError) throw outcome;
  return outcome!;
}

/**
 * Several reports (callbacks that arrived together) applied as `applyCarrierActivation` applies one, in one
 * transaction and a few statements for all: each answers its own outcome, or the AppError that refuses it
 * alone (no submission has its key). Reports on one submission are applied one after another, in order.
 */
export async function applyCarrierActivations(db: Db, reports: readonly CarrierReport[], options: ApplyReportOptions): Promise<(ActivationOutcome | AppError)[]> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const outcomes: (ActivationOutcome | AppError)[] = new Array(reports.length);
    const items = reports.map((report, index) => ({ report, index }));
    // Each round takes a submission at most once; a later round is a millisecond later, so its Carrier Messages list after the round before.
    await inRounds(
      items,
      (item) => item.report.activation.requestKey,
      (round, roundNumber) => applyRound(tx, round, outcomes, { pollDelayMs: options.pollDelayMs, now: new Date(now.getTime() + roundNumber) }),
    );
    return outcomes;
  });
}

type RoundItem = { report: CarrierReport; index: number };
type Located = RoundItem & { submission: SubmissionRow };
type Applied = Located & { order: OrderRow; lines: LineRow[]; actor: AuditContext; activations: LineActivation[]; rejections: LineRejection[] };

/** One round of reports, each on a different submission. Answers the reports to apply in a later round (two reports that found one submission). */
async function applyRound(tx: Tx, items: RoundItem[], outcomes: (ActivationOutcome | AppError)[], options: { pollDelayMs: number; now: Date }): Promise<RoundItem[]> {
  const { now } = options;
  const located = await locateSubmissions(tx, items, outcomes);
  const bySubmission = new Set<string>();
  const deferred: RoundItem[] = [];
  const unique = located.filter((item) => {
    if (bySubmission.has(item.submission.id)) return deferred.push(item) < 0;
    bySubmission.add(item.submission.id);
    return true;
  });
  const withEvents = unique.filter((item) => item.report.eventId !== undefined);
  const taken = await recordCarrierEvents(tx, withEvents.map(({ report }) => ({ carrierCode: report.carrierCode, eventId: report.eventId! })));
  const fresh = unique.filter(({ report, index }) => {
    if (report.eventId === undefined) return true;
    const key = eventKeyOf({ carrierCode: report.carrierCode, eventId: report.eventId });
    // Taken now, by the first report that carries it (one event id on two reports of a round is taken once).
    if (taken.delete(key)) return true;
    outcomes[index] = { outcome: 'DUPLICATE', orderId: null, ended: false, orderStatus: null };
    return false;
  });
  if (fresh.length === 0) return deferred;

  const orders = await getOrders({ db: tx, orderIds: fresh.map(({ submission }) => submission.orderId), lock: true });
  const isStale = ({ report, submission }: Located) => report.activation.sequence <= submission.lastSequence;
  // A late report about a send that is no longer the order's newest, or on an order no longer at the carrier
  // (nor in Error): recorded for the agent to see, but it changes no line and no stock.
  const latest = await findLatestSubmissions({ db: tx, orderIds: fresh.filter((item) => !isStale(item)).map(({ submission }) => submission.orderId) });
  const messages: CarrierMessageInput[] = [];
  const applied: Applied[] = [];
  for (const item of fresh) {
    const { report, submission, index } = item;
    const { order, lines } = orders.get(submission.orderId)!;
    const stale = isStale(item);
    const outdated = !stale && (latest.get(order.id)?.id !== submission.id || !AT_CARRIER.has(order.status));
    messages.push({
      orderId: order.id,
      submissionId: submission.id,
      attempt: submission.attempt,
      direction: report.report.direction,
      operation: report.report.operation,
      httpStatus: report.report.httpStatus,
      summary: summaryOf(report.activation, lines, stale ? 'stale' : outdated ? 'outdated' : null),
      payload: report.report.payload,
      at: now,
    });
    const ended = submission.status === 'FINISHED' || submission.status === 'REJECTED';
    if (stale || outdated) {
      // Nothing more to check for an outdated send: its status checks stop.
      outcomes[index] = { outcome: 'STALE', orderId: order.id, ended: ended || outdated, orderStatus: order.status };
      continue;
    }
    const actor: AuditContext = { actorUserId: null, actorLabel: `${order.carrierName} (carrier)`, requestId: report.requestId ?? null };
    applied.push({ ...item, order, lines, actor, ...linesReported(lines, report.activation, actor, now) });
  }
  await recordCarrierMessage(tx, messages);
  if (applied.length > 0) await applyToOrders(tx, applied, outcomes, options);
  return deferred;
}

/** Each report's submission, locked: by our request key (known even before the carrier's request id was recorded), else by the carrier's request id. */
async function locateSubmissions(tx: Tx, items: RoundItem[], outcomes: (ActivationOutcome | AppError)[]): Promise<Located[]> {
  const byKey = await lockSubmissionsByKeys({ db: tx, keys: items.map(({ report }) => report.activation.requestKey) });
  const located: Located[] = [];
  for (const item of items) {
    const { carrierCode, activation } = item.report;
    const submission = byKey.get(activation.requestKey) ?? (await findSubmission({ db: tx, by: { carrierCode, requestId: activation.requestId }, lock: true }));
    if (!submission || submission.carrierCode !== carrierCode) {
      outcomes[item.index] = new AppError('NOT_FOUND', `No submission to ${carrierCode} has request key ${activation.requestKey} or request id ${activation.requestId}`);
    } else located.push({ ...item, submission });
  }
  return located;
}

/** The lines a report activates (with their number and date) and those it refuses, among the order's Pending lines. */
function linesReported(lines: LineRow[], activation: TGatewayActivation, actor: AuditContext, now: Date): { activations: LineActivation[]; rejections: LineRejection[] } {
  const reported = new Map(activation.lines.map((line) => [line.lineRef, line]));
  const activations: LineActivation[] = [];
  const rejections: LineRejection[] = [];
  for (const line of lines) {
    const status = reported.get(line.id);
    if (!status || line.status !== 'PENDING') continue;
    if (status.status === 'ACTIVE') {
      activations.push({ line, mdn: status.mdn ?? line.portIn?.number ?? null, activatedAt: status.activatedAt ? new Date(status.activatedAt) : now, actor });
    } else if (status.status === 'REJECTED' || status.status === 'CANCELLED') {
      rejections.push({ line, rejection: rejectionOf(status) });
    }
  }
  return { activations, rejections };
}

/**
 * The lines, their stock, the orders, the customers and the submissions, as the reports say, each kind of
 * change in one statement for all of them; each report's outcome is filled in.
 */
async function applyToOrders(tx: Tx, applied: Applied[], outcomes: (ActivationOutcome | AppError)[], options: { pollDelayMs: number; now: Date }): Promise<void> {
  // Every change is audited as its report's carrier (and request), in one insert for all.
  const audit = batchAudits(SYSTEM_ACTOR);
  const activated = new Set(await activateOrderLines(tx, audit.context, applied.flatMap((item) => item.activations)));
  const stock: LineStockActivation[] = [];
  const numbers: { customerId: string; numbers: string[] }[] = [];
  const statusChanges: OrderStatusChange[] = [];
  const openings: CustomerOpening[] = [];
  const advances: SubmissionAdvance[] = [];
  const statuses = new Map<number, OrderStatus>();
  for (const item of applied) {
    const { order, lines, actor, report, submission } = item;
    const mine = item.activations.filter((a) => activated.has(a.line.id));
    stock.push({ orderId: order.id, lineIds: mine.map((a) => a.line.id), actor });
    numbers.push({ customerId: order.customerId, numbers: mine.flatMap((a) => (a.mdn ? [a.mdn] : [])) });
    // A refusal of some lines: rare, written on its own.
    if (item.rejections.length > 0) await setLineRejections(tx, withActor(audit.context, actor), item.rejections);
    const decision = await decideOrder(tx, withActor(audit.context, actor), { order, lines, activation: report.activation, activated });
    statuses.set(item.index, decision.status);
    if (decision.change) statusChanges.push({ ...decision.change, actor });
    if (decision.opens) openings.push({ customerId: order.customerId, reason: `Order ${order.orderNumber} ${decision.status === 'COMPLETE' ? 'completed' : 'partly completed'}`, actor });
    advances.push({ submission, sequence: report.activation.sequence, requestId: report.activation.requestId, progress: progressOf(report.activation, lines), at: options.now, actor });
  }
  await activateLinesStock(tx, audit.context, stock);
  await addCustomersNumbers(tx, numbers);
  await changeOrderStatuses(tx, audit.context, statusChanges);
  await openCustomers(tx, audit.context, openings);
  const advanced = await advanceSubmissions(tx, audit.context, advances);
  const polls: NewJob[] = [];
  const drops: string[] = [];
  applied.forEach(({ submission, report, index }, position) => {
    const now = advanced[position]!;
    // The callback came before the submit's answer was recorded (or after we gave up waiting for it), and the
    // submit then stops: the status checks start here.
    if ((submission.status === 'QUEUED' || submission.status === 'ABANDONED') && now.status === 'ACCEPTED') polls.push(carrierPollJob(submission.id, 1, options.pollDelayMs));
    const endsNow = now.status === 'FINISHED' || now.status === 'REJECTED';
    // The first status check, scheduled when the carrier took the request, has nothing left to check (later
    // rounds, scheduled only by a check that found the carrier still working, end themselves when they run).
    if (endsNow && report.report.direction === 'CALLBACK') drops.push(carrierPollKey(submission.id, 1));
    outcomes[index] = { outcome: 'APPLIED', orderId: submission.orderId, ended: endsNow, orderStatus: statuses.get(index)! };
  });
  await enqueueJobs(tx, polls);
  await dropQueuedJobs(tx, drops);
  await audit.flush(tx);
}

/**
 * Where a report puts its order: In progress while the carrier works on a Sent order; when the carrier is
 * done, Complete, Partial (the refused lines cancelled and their stock returned, here) or Error. Answers
 * the order's status after the report, the change to make, and whether the customer opens.
 */
async function decideOrder(
  tx: Tx,
  audit: AuditContext,
  input: { order: OrderRow; lines: LineRow[]; activation: TGatewayActivation; activated: Set<string> },
): Promise<{ status: OrderStatus; change?: OrderStatusChange; opens?: boolean }> {
  const { order, lines, activation, activated } = input;
  const live = lines.filter((line) => line.status !== 'CANCELLED');
  const active = live.filter((line) => line.status === 'ACTIVE' || activated.has(line.id));
  if (!isGatewayFinal(activation.status)) {
    if (order.status !== 'SENT') return { status: order.status };
    const reason = `${order.carrierName} is working on request ${activation.requestId}`;
    return { status: 'IN_PROGRESS', change: { orderId: order.id, from: 'SENT', to: 'IN_PROGRESS', action: 'carrier_in_progress', reason } };
  }
  if (order.status !== 'SENT' && order.status !== 'IN_PROGRESS' && order.status !== 'ERROR') return { status: order.status };
  const target: OrderStatus = active.length === live.length ? 'COMPLETE' : active.length > 0 ? 'PARTIAL' : 'ERROR';
  if (target === order.status) return { status: order.status };
  if (target === 'PARTIAL') {
    const refused = live.filter((line) => !active.includes(line));
    const reason = `Refused by ${order.carrierName} on a partly completed order`;
    const items = await findItemsWithIdentifiers({ db: tx, orderId: order.id });
    const refusedIds = new Set(refused.map((line) => line.id));
    await releaseStockItems(tx, audit, { orderId: order.id, itemIds: items.filter((item) => item.lineId && refusedIds.has(item.lineId)).map((item) => item.id), reason });
    await cancelOrderLines(tx, audit, { lines: refused, reason });
  }
  const refusal = target === 'ERROR' ? requestRejectionOf(activation, lines) : null;
  const change: OrderStatusChange = {
    orderId: order.id,
    from: order.status,
    to: target,
    action: target === 'ERROR' ? 'carrier_error' : 'carrier_completed',
    reason: refusal ? `${refusal.code}: ${refusal.text}` : `${active.length} of ${live.length} lines active (${order.carrierName} request ${activation.requestId})`,
  };
  return { status: target, change, opens: target !== 'ERROR' };
}

function rejectionOf(status: TGatewayLineStatus): { code: string; text: string } {
  if (status.rejection) return status.rejection;
  return status.status === 'CANCELLED' ? { code: 'CANCELLED', text: 'The carrier cancelled the line' } : { code: 'REJECTED_BY_CARRIER', text: 'The carrier refused the line' };
}

/** What the submission ends as: finished once the carrier is done with lines activated, refused when none were. */
function progressOf(activation: TGatewayActivation, lines: LineRow[]): SubmissionProgress {
  if (!isGatewayFinal(activation.status)) return { outcome: 'IN_PROGRESS' };
  if (activation.lines.some((line) => line.status === 'ACTIVE')) return { outcome: 'FINISHED' };
  return { outcome: 'REJECTED', error: requestRejectionOf(activation, lines) };
}

/** The order's error when the carrier refused every line: its one code (or the first of several), and each line's text. */
export function requestRejectionOf(activation: TGatewayActivation, lines: LineRow[]): { code: string; text: string } {
  const refused = activation.lines.filter((line) => line.status === 'REJECTED' || line.status === 'CANCELLED');
  if (refused.length === 0) return { code: activation.status === 'CANCELLED' ? 'CANCELLED' : 'REJECTED_BY_CARRIER', text: `The carrier ended request ${activation.requestId} without activating any line` };
  const codes = [...new Set(refused.map((line) => rejectionOf(line).code))];
  const text = refused.map((line) => `${lineLabel(line.lineRef, lines)}: ${rejectionOf(line).text}`).join('; ');
  return { code: codes[0]!, text };
}

function lineLabel(lineRef: string, lines: LineRow[]): string {
  const line = lines.find((l) => l.id === lineRef);
  return line ? `Line ${line.position + 1}` : `Line ${lineRef}`;
}

const REQUEST_STATUS_WORDS: Record<TGatewayActivation['status'], string> = {
  RECEIVED: 'received',
  IN_PROGRESS: 'in progress',
  COMPLETED: 'completed',
  PARTIAL: 'partly completed',
  REJECTED: 'rejected',
  CANCELLED: 'cancelled',
};

/** "Request R-10023 completed (sequence 3): Line 1 Active (512) 555-0143; Line 2 Rejected PORT_PIN_MISMATCH" */
function summaryOf(activation: TGatewayActivation, lines: LineRow[], ignored: 'stale' | 'outdated' | null): string {
  const each = activation.lines.map((line) => {
    const label = lineLabel(line.lineRef, lines);
    if (line.status === 'ACTIVE') return `${label} Active${line.mdn ? ` ${formatNanp(line.mdn)}` : ''}`;
    if (line.status === 'REJECTED' || line.status === 'CANCELLED') return `${label} ${line.status === 'REJECTED' ? 'Rejected' : 'Cancelled'} ${rejectionOf(line).code}`;
    return `${label} Pending`;
  });
  const head = `Request ${activation.requestId} ${REQUEST_STATUS_WORDS[activation.status]} (sequence ${activation.sequence})`;
  const note =
    ignored === 'stale' ? ' — not newer than the report already applied: no change'
    : ignored === 'outdated' ? ' — about a send the order has moved on from: recorded, no change'
    : '';
  return `${head}${each.length ? `: ${each.join('; ')}` : ''}${note}`;
}
