import { formatNanp, isGatewayFinal, type CarrierMessageDirection, type OrderStatus, type TGatewayActivation, type TGatewayLineStatus } from '@linedesk/domain';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { batchAudits, type AuditContext } from '../modules/audit/record-audit.js';
import { addCustomerNumbers } from '../modules/customers/use-cases/add-customer-numbers.js';
import { openCustomer } from '../modules/customers/use-cases/open-customer.js';
import { activateLineStock } from '../modules/inventory/use-cases/activate-line-stock.js';
import { findItemsWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { releaseStockItems } from '../modules/inventory/use-cases/release-stock-items.js';
import { dropQueuedJob } from '../modules/jobs/use-cases/drop-queued-job.js';
import { enqueueJob } from '../modules/jobs/use-cases/enqueue-job.js';
import { activateOrderLines, type LineActivation } from '../modules/orders/use-cases/activate-order-lines.js';
import { cancelOrderLines } from '../modules/orders/use-cases/cancel-order-lines.js';
import { changeOrderStatus } from '../modules/orders/use-cases/change-order-status.js';
import { getOrder, type LineRow, type OrderRow } from '../modules/orders/use-cases/get-order.js';
import { setLineRejections, type LineRejection } from '../modules/orders/use-cases/set-line-rejections.js';
import { advanceSubmission, type SubmissionProgress } from '../modules/provisioning/use-cases/advance-submission.js';
import type { SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { findSubmission } from '../modules/provisioning/use-cases/find-submission.js';
import { recordCarrierEvent } from '../modules/provisioning/use-cases/record-carrier-event.js';
import { recordCarrierMessage } from '../modules/provisioning/use-cases/record-carrier-message.js';
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
export async function applyCarrierActivation(options: {
  db: Db;
  carrierCode: string;
  activation: TGatewayActivation;
  report: ActivationReport;
  /** A callback's event id: taken once per carrier; a redelivery answers DUPLICATE and changes nothing. */
  eventId?: string;
  /** When to check the status first if the callback made the submission accepted (the submit's answer may not come). */
  pollDelayMs: number;
  requestId?: string | null;
  now?: Date;
}): Promise<ActivationOutcome> {
  const { db, carrierCode, activation, report } = options;
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    if (options.eventId !== undefined && !(await recordCarrierEvent(tx, { carrierCode, eventId: options.eventId }))) {
      return { outcome: 'DUPLICATE', orderId: null, ended: false, orderStatus: null };
    }
    const submission = await lockSubmission(tx, carrierCode, activation);
    const { order, lines } = await getOrder({ db: tx, orderId: submission.orderId, lock: true });
    const stale = activation.sequence <= submission.lastSequence;
    // A late report about a send that is no longer the order's newest, or on an order no longer at the carrier
    // (nor in Error): recorded for the agent to see, but it changes no line and no stock.
    const latest = stale ? null : await findSubmission({ db: tx, by: { orderId: order.id, latest: true } });
    const outdated = !stale && (latest?.id !== submission.id || !AT_CARRIER.has(order.status));
    await recordCarrierMessage(tx, {
      orderId: order.id,
      submissionId: submission.id,
      attempt: submission.attempt,
      direction: report.direction,
      operation: report.operation,
      httpStatus: report.httpStatus,
      summary: summaryOf(activation, lines, stale ? 'stale' : outdated ? 'outdated' : null),
      payload: report.payload,
      at: now,
    });
    const ended = submission.status === 'FINISHED' || submission.status === 'REJECTED';
    if (stale) return { outcome: 'STALE', orderId: order.id, ended, orderStatus: order.status };
    // Nothing more to check for such a send: its status checks stop.
    if (outdated) return { outcome: 'STALE', orderId: order.id, ended: true, orderStatus: order.status };

    const audit = batchAudits({ actorUserId: null, actorLabel: `${order.carrierName} (carrier)`, requestId: options.requestId ?? null });
    const status = await applyToOrder(tx, audit.context, { order, lines, activation, now });
    const advanced = await advanceSubmission(tx, audit.context, {
      submission,
      sequence: activation.sequence,
      requestId: activation.requestId,
      progress: progressOf(activation, lines),
      at: now,
    });
    if ((submission.status === 'QUEUED' || submission.status === 'ABANDONED') && advanced.status === 'ACCEPTED') {
      // The callback came before the submit's answer was recorded (or after we gave up waiting for it), and the
      // submit then stops: the status checks start here.
      await enqueueJob(tx, carrierPollJob(submission.id, 1, options.pollDelayMs));
    }
    const endsNow = advanced.status === 'FINISHED' || advanced.status === 'REJECTED';
    // The first status check, scheduled when the carrier took the request, has nothing left to check (later
    // rounds, scheduled only by a check that found the carrier still working, end themselves when they run).
    if (endsNow && report.direction === 'CALLBACK') {
      await dropQueuedJob(tx, carrierPollKey(submission.id, 1));
    }
    await audit.flush(tx);
    return { outcome: 'APPLIED', orderId: order.id, ended: endsNow, orderStatus: status };
  });
}

/** The submission the report is about, locked: by our request key (known even before the carrier's request id was recorded). */
async function lockSubmission(tx: Tx, carrierCode: string, activation: TGatewayActivation): Promise<SubmissionRow> {
  const byKey = await findSubmission({ db: tx, by: { submissionKey: activation.requestKey }, lock: true });
  const submission = byKey ?? (await findSubmission({ db: tx, by: { carrierCode, requestId: activation.requestId }, lock: true }));
  if (!submission || submission.carrierCode !== carrierCode) {
    throw new AppError('NOT_FOUND', `No submission to ${carrierCode} has request key ${activation.requestKey} or request id ${activation.requestId}`);
  }
  return submission;
}

/** The lines, their stock, the order and the customer, as the report says. Answers the order's status after it. */
async function applyToOrder(
  tx: Tx,
  audit: AuditContext,
  input: { order: OrderRow; lines: LineRow[]; activation: TGatewayActivation; now: Date },
): Promise<OrderStatus> {
  const { order, lines, activation, now } = input;
  const reported = new Map(activation.lines.map((line) => [line.lineRef, line]));
  const activations: LineActivation[] = [];
  const rejections: LineRejection[] = [];
  for (const line of lines) {
    const status = reported.get(line.id);
    if (!status || line.status !== 'PENDING') continue;
    if (status.status === 'ACTIVE') {
      activations.push({ line, mdn: status.mdn ?? line.portIn?.number ?? null, activatedAt: status.activatedAt ? new Date(status.activatedAt) : now });
    } else if (status.status === 'REJECTED' || status.status === 'CANCELLED') {
      rejections.push({ line, rejection: rejectionOf(status) });
    }
  }
  const activated = new Set(await activateOrderLines(tx, audit, activations));
  await activateLineStock(tx, audit, { orderId: order.id, lineIds: [...activated] });
  await setLineRejections(tx, audit, rejections);
  const numbers = activations.flatMap((a) => (activated.has(a.line.id) && a.mdn ? [a.mdn] : []));
  await addCustomerNumbers(tx, { customerId: order.customerId, numbers });

  const live = lines.filter((line) => line.status !== 'CANCELLED');
  const active = live.filter((line) => line.status === 'ACTIVE' || activated.has(line.id));
  if (!isGatewayFinal(activation.status)) {
    if (order.status !== 'SENT') return order.status;
    await changeOrderStatus(tx, audit, { orderId: order.id, from: 'SENT', to: 'IN_PROGRESS', action: 'carrier_in_progress', reason: `${order.carrierName} is working on request ${activation.requestId}` });
    return 'IN_PROGRESS';
  }
  if (order.status !== 'SENT' && order.status !== 'IN_PROGRESS' && order.status !== 'ERROR') return order.status;
  const target: OrderStatus = active.length === live.length ? 'COMPLETE' : active.length > 0 ? 'PARTIAL' : 'ERROR';
  if (target === order.status) return order.status;
  if (target === 'PARTIAL') {
    const refused = live.filter((line) => !active.includes(line));
    const reason = `Refused by ${order.carrierName} on a partly completed order`;
    const items = await findItemsWithIdentifiers({ db: tx, orderId: order.id });
    const refusedIds = new Set(refused.map((line) => line.id));
    await releaseStockItems(tx, audit, { orderId: order.id, itemIds: items.filter((item) => item.lineId && refusedIds.has(item.lineId)).map((item) => item.id), reason });
    await cancelOrderLines(tx, audit, { lines: refused, reason });
  }
  const refusal = target === 'ERROR' ? requestRejectionOf(activation, lines) : null;
  await changeOrderStatus(tx, audit, {
    orderId: order.id,
    from: order.status,
    to: target,
    action: target === 'ERROR' ? 'carrier_error' : 'carrier_completed',
    reason: refusal ? `${refusal.code}: ${refusal.text}` : `${active.length} of ${live.length} lines active (${order.carrierName} request ${activation.requestId})`,
  });
  if (target !== 'ERROR') await openCustomer(tx, audit, { customerId: order.customerId, reason: `Order ${order.orderNumber} ${target === 'COMPLETE' ? 'completed' : 'partly completed'}` });
  return target;
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
