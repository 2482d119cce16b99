import { CARRIER_UNREACHABLE, ZGatewayActivationRequest, type TGatewayActivationRequest, type TGatewayLineRequest } from '@linedesk/domain';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { batchAudits, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { cachedCarrierConnection } from '../modules/catalog/use-cases/find-carrier-connection.js';

import { RetryableJobError, type JobHandler } from '../modules/jobs/job-runner.js';
import { enqueueJobs } from '../modules/jobs/use-cases/enqueue-job.js';
import type { ClaimedJob } from '../modules/jobs/use-cases/claim-jobs.js';
import { changeOrderStatus, changeOrderStatuses } from '../modules/orders/use-cases/change-order-status.js';
import { getOrder, getOrders, type LineRow, type OrderRow } from '../modules/orders/use-cases/get-order.js';
import type { AdapterResult, CarrierExchange, CarrierFailure } from '../modules/provisioning/adapters/carrier-adapter.js';
import type { SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { findSubmission, findSubmissions, lockSubmissions } from '../modules/provisioning/use-cases/find-submission.js';
import { markSubmissionsAccepted } from '../modules/provisioning/use-cases/mark-submission-accepted.js';
import { markSubmissionRejected } from '../modules/provisioning/use-cases/mark-submission-rejected.js';
import { recordCarrierMessage, type CarrierMessageInput } from '../modules/provisioning/use-cases/record-carrier-message.js';
import { recordSubmissionRetry } from '../modules/provisioning/use-cases/record-submission-retry.js';
import { openOrNull, type SecretBox } from '../security/secret-box.js';
import type { CarrierJobDeps } from './carrier-job-deps.js';
import { carrierPollJob, submissionIdOf } from './carrier-jobs.js';

/**
 * Submit jobs run in batches: their carrier calls go out at once, and what the carrier took is recorded in
 * one transaction. Two batches at a time; while they run, the next one gathers (a lone Send goes at once).
 */
export const SUBMIT_BATCH = { size: 8, parallel: 2 };

/**
 * The `carrier.submit` job: delivers one submission to its carrier with the submission's stable key (so a
 * rerun after a crash or a timeout never activates twice), and records the exchange in Carrier Messages.
 * Accepted: the submission keeps the carrier's request id, the order goes In progress, a status check is
 * scheduled in case no callback comes. Transient trouble: retried with backoff. Refused: the order goes
 * to Error with the carrier's code and text. Out of retries: Error with CARRIER_UNREACHABLE. Due jobs run
 * in batches (`SUBMIT_BATCH`): each still its own call to the carrier, with its own outcome.
 */
export function submitOrderToCarrier(deps: CarrierJobDeps): JobHandler {
  const { db } = deps;
  const submitBatch = (jobs: ClaimedJob[]) => submitAll(deps, jobs);
  return {
    run: async (job) => {
      const [outcome] = await submitBatch([job]);
      if (outcome !== null) throw outcome;
    },
    batch: { ...SUBMIT_BATCH, run: submitBatch },
    onGiveUp: async (job, reason) => {
      const submissionId = submissionIdOf(job.payload);
      const submission = submissionId ? await findSubmission({ db, by: { id: submissionId } }) : null;
      if (!submission || submission.status !== 'QUEUED') return;
      const last = submission.errorText ? ` (last: ${submission.errorText})` : '';
      const failure: CarrierFailure = {
        kind: 'permanent',
        code: CARRIER_UNREACHABLE,
        text: `The carrier could not be reached after ${job.attempts} tries${last}; send the order again when it is back`,
      };
      deps.log.error({ submissionId: submission.id, orderId: submission.orderId, reason }, 'carrier unreachable: order moved to Error');
      const gaveUp: CarrierMessageInput = {
        orderId: submission.orderId,
        submissionId: submission.id,
        attempt: submission.attempt,
        direction: 'ERROR',
        operation: 'deliver',
        httpStatus: null,
        summary: `Gave up after ${job.attempts} tries: the order is in Error`,
        payload: { code: failure.code, lastError: submission.errorText },
      };
      await refuse(db, submission, failure, [gaveUp], 'ABANDONED');
    },
  };
}

/** A submission the carrier took, waiting to be recorded with the others of its batch. */
type Acceptance = { submission: SubmissionRow; order: OrderRow; requestId: string; messages: CarrierMessageInput[] };

/**
 * Delivers each job's submission (reads and carrier calls for all at once), then records every acceptance
 * in one transaction. Answers each job's outcome: null when done (accepted, refused, or nothing left to
 * do), or the error that retries or fails it.
 */
async function submitAll(deps: CarrierJobDeps, jobs: ClaimedJob[]): Promise<(unknown | null)[]> {
  const { db } = deps;
  const submissionIds = jobs.map((job) => submissionIdOf(job.payload));
  const submissions = await findSubmissions({ db, ids: submissionIds.filter((id): id is string => id !== null) });
  // A rerun of a job whose submission already went through (or ended) has nothing more to do.
  const queued = [...submissions.values()].filter((submission) => submission.status === 'QUEUED');
  const orders = await getOrders({ db, orderIds: queued.map((submission) => submission.orderId) });
  const acceptances: (Acceptance | null)[] = [];
  const outcomes = await Promise.all(
    jobs.map(async (job, index): Promise<unknown | null> => {
      const submission = submissions.get(submissionIdOf(job.payload) ?? '');
      if (!submission) return new AppError('NOT_FOUND', `carrier.submit: no submission ${String(job.payload.submissionId)}`);
      if (submission.status !== 'QUEUED') return null;
      const order = orders.get(submission.orderId);
      if (!order) return new AppError('NOT_FOUND', `carrier.submit: no order ${submission.orderId}`);
      try {
        acceptances[index] = await deliver(deps, submission, order);
        return null;
      } catch (error) {
        return error;
      }
    }),
  );
  const accepted = acceptances.filter((acceptance): acceptance is Acceptance => acceptance !== null && acceptance !== undefined);
  if (accepted.length === 0) return outcomes;
  try {
    await recordAcceptances(db, accepted, Math.round(deps.config.carrierPollSeconds * 1000));
  } catch (error) {
    // Not recorded: those jobs run again, and the carrier answers their keys with what it already took.
    return outcomes.map((outcome, index) => (acceptances[index] ? error : outcome));
  }
  return outcomes;
}

/**
 * One submission to its carrier. Answers the acceptance to record; a refusal is recorded here (the order
 * goes to Error) and answers null; transient trouble is recorded and thrown as a RetryableJobError.
 */
async function deliver(deps: CarrierJobDeps, submission: SubmissionRow, { order, lines }: { order: OrderRow; lines: LineRow[] }): Promise<Acceptance | null> {
  const { db, secrets, adapters, config } = deps;
  const connection = await cachedCarrierConnection({ db, secrets, code: submission.carrierCode });
  const adapter = connection ? adapters.get(connection.adapter) : null;
  if (!connection || !adapter) {
    const text = connection ? `${submission.carrierCode} is provisioned by hand (no carrier connection)` : `The carrier ${submission.carrierCode} is not in the catalog`;
    await refuse(db, submission, { kind: 'permanent', code: 'NO_CARRIER_CONNECTION', text }, []);
    return null;
  }
  const built = buildActivationRequest({ order, lines, submission, secrets, callbackUrl: callbackUrlOf(config.publicUrl, submission.carrierCode) });
  if (!built.ok) {
    await refuse(db, submission, built.failure, []);
    return null;
  }
  const sentAt = new Date();
  const result = await adapter.submit(connection, built.request);
  const messages = exchangeMessages(submission, result, built.request.lines.length, { sentAt, answeredAt: new Date() });
  if (result.ok) return { submission, order, requestId: result.value.requestId, messages };
  if (result.failure.kind === 'transient') {
    await recordCarrierMessage(db, messages);
    await recordSubmissionRetry(db, { id: submission.id, code: result.failure.code, text: result.failure.text });
    throw new RetryableJobError(`${result.failure.code}: ${result.failure.text}`);
  }
  await refuse(db, submission, result.failure, messages);
  return null;
}

/**
 * What the carrier took, in one transaction for the batch: the exchanges in Carrier Messages, each
 * submission ACCEPTED with its request id (unless a callback or another run got there first), its order
 * In progress if still Sent, and its first status check scheduled. The submissions are locked before
 * their orders, as everywhere else.
 */
async function recordAcceptances(db: Db, accepted: Acceptance[], pollDelayMs: number): Promise<void> {
  await db.transaction(async (tx) => {
    await recordCarrierMessage(tx, accepted.flatMap((acceptance) => acceptance.messages));
    await lockSubmissions({ db: tx, ids: accepted.map((acceptance) => acceptance.submission.id) });
    // The submissions' and the orders' audit rows go in one insert.
    const audit = batchAudits(SYSTEM_ACTOR);
    const taken = await markSubmissionsAccepted(
      tx,
      audit.context,
      accepted.map((acceptance) => ({ id: acceptance.submission.id, requestId: acceptance.requestId })),
    );
    const mine = accepted.filter((acceptance) => taken.has(acceptance.submission.id));
    const locked = await getOrders({ db: tx, orderIds: mine.map((acceptance) => acceptance.order.id), lock: true });
    const stillSent = mine.filter((acceptance) => locked.get(acceptance.order.id)?.order.status === 'SENT');
    await changeOrderStatuses(
      tx,
      audit.context,
      stillSent.map(({ order, requestId }) => ({ orderId: order.id, from: 'SENT', to: 'IN_PROGRESS', action: 'carrier_accepted', reason: `${order.carrierName} request ${requestId}` })),
    );
    await enqueueJobs(tx, mine.map((acceptance) => carrierPollJob(acceptance.submission.id, 1, pollDelayMs)));
    await audit.flush(tx);
  });
}

/**
 * The submission ends refused (or abandoned) and the order goes to Error with the reason, in one transaction.
 * The submission is locked before the order, as everywhere else.
 */
async function refuse(
  db: CarrierJobDeps['db'],
  submission: SubmissionRow,
  failure: CarrierFailure,
  messages: CarrierMessageInput[],
  status: 'REJECTED' | 'ABANDONED' = 'REJECTED',
): Promise<void> {
  await db.transaction(async (tx) => {
    await recordCarrierMessage(tx, messages);
    // Only from QUEUED, checked under the row lock: a callback that made it ACCEPTED (or ended it) since we read it wins.
    const ended = await markSubmissionRejected(tx, SYSTEM_ACTOR, { id: submission.id, status, code: failure.code, text: failure.text, onlyFrom: ['QUEUED'] });
    if (!ended) return;
    await moveToError(tx, submission.orderId, `${failure.code}: ${failure.text}`);
  });
}

async function moveToError(tx: Tx, orderId: string, reason: string): Promise<void> {
  const { order } = await getOrder({ db: tx, orderId, lock: true });
  if (order.status !== 'SENT' && order.status !== 'IN_PROGRESS') return;
  await changeOrderStatus(tx, SYSTEM_ACTOR, { orderId, from: order.status, to: 'ERROR', action: 'carrier_error', reason });
}

export function callbackUrlOf(publicUrl: string | null, carrierCode: string): string | undefined {
  return publicUrl ? `${publicUrl}/api/carrier-callbacks/${encodeURIComponent(carrierCode)}` : undefined;
}

type Built = { ok: true; request: TGatewayActivationRequest } | { ok: false; failure: CarrierFailure };

/**
 * The activation request for a submission: every line still waiting (Pending), each with its identifiers,
 * where to take its new number, or what to port in (with the PIN opened from its sealed copy).
 */
export function buildActivationRequest(input: {
  order: OrderRow;
  lines: LineRow[];
  submission: Pick<SubmissionRow, 'submissionKey'>;
  secrets: SecretBox;
  callbackUrl: string | undefined;
}): Built {
  const { order, submission, secrets } = input;
  const pending = input.lines.filter((line) => line.status === 'PENDING');
  if (pending.length === 0) return { ok: false, failure: { kind: 'permanent', code: 'NO_LINES', text: 'The order has no line left to activate' } };
  const lines: TGatewayLineRequest[] = [];
  for (const line of pending) {
    const identifiers: Partial<Record<'iccid' | 'eid' | 'imei' | 'meid' | 'esn', string>> = {};
    for (const identifier of line.identifiers) identifiers[identifier.kind.toLowerCase() as keyof typeof identifiers] ??= identifier.value;
    const request: TGatewayLineRequest = {
      lineRef: line.id,
      kind: line.portIn ? 'PORT_IN' : 'ACTIVATE',
      lineType: line.lineTypeCode,
      plan: line.packageCode,
      ...identifiers,
      ...(line.areaCode ? { areaCode: line.areaCode } : {}),
      ...(line.numberZip ? { zip: line.numberZip } : {}),
    };
    if (line.portIn) {
      const pin = openOrNull(secrets, line.portIn.pinSealed);
      if (!pin) {
        return {
          ok: false,
          failure: { kind: 'permanent', code: 'PORT_PIN_UNREADABLE', text: `Line ${line.position + 1}: the port-in PIN cannot be read; enter it again on the line` },
        };
      }
      request.portIn = {
        number: line.portIn.number,
        currentCarrier: line.portIn.currentCarrier,
        accountNumber: line.portIn.accountNumber,
        pin,
        authorizedSigner: line.portIn.authorizedSigner,
        ...(line.portIn.address?.zip ? { zip: line.portIn.address.zip } : {}),
      };
    }
    lines.push(request);
  }
  const parsed = ZGatewayActivationRequest.safeParse({
    requestKey: submission.submissionKey,
    reference: order.orderNumber,
    ...(input.callbackUrl ? { callbackUrl: input.callbackUrl } : {}),
    lines,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path[0] === 'lines' && typeof issue.path[1] === 'number' ? `Line ${pending[issue.path[1]]!.position + 1}: ` : '';
    return { ok: false, failure: { kind: 'permanent', code: 'INVALID_REQUEST', text: `${where}${issue.path.slice(2).join('.') || issue.path.join('.')} ${issue.message}` } };
  }
  return { ok: true, request: parsed.data };
}

/**
 * The request and what came back, as Carrier Messages, at the times they went and came (recorded later, with
 * the rest of a batch, they still list before a callback the carrier sent after answering).
 */
function exchangeMessages(
  submission: SubmissionRow,
  result: AdapterResult<{ requestId: string }>,
  lineCount: number,
  times: { sentAt: Date; answeredAt: Date },
): CarrierMessageInput[] {
  const exchange: CarrierExchange = result.exchange;
  const base = { orderId: submission.orderId, submissionId: submission.id, attempt: submission.attempt, operation: exchange.operation, at: times.answeredAt };
  // The answer at least a millisecond after the request, so the two keep their order.
  if (times.answeredAt.getTime() <= times.sentAt.getTime()) base.at = new Date(times.sentAt.getTime() + 1);
  const request: CarrierMessageInput = {
    ...base,
    at: times.sentAt,
    direction: 'REQUEST',
    httpStatus: null,
    summary: `Activation request for ${lineCount} line${lineCount === 1 ? '' : 's'}, key ${submission.submissionKey}`,
    payload: exchange.request,
  };
  if (result.ok) {
    return [request, { ...base, direction: 'RESPONSE', httpStatus: exchange.httpStatus, summary: `${exchange.httpStatus} Accepted, request ${result.value.requestId}`, payload: exchange.response }];
  }
  const { failure } = result;
  if (failure.code === 'NOT_CONFIGURED') return [{ ...base, direction: 'ERROR', httpStatus: null, summary: `Not sent: ${failure.text}`, payload: exchange.response }];
  const retry = failure.kind === 'transient' ? '; will retry' : '';
  if (exchange.httpStatus === null) {
    return [request, { ...base, direction: 'ERROR', httpStatus: null, summary: `No answer: ${failure.text}${retry}`, payload: exchange.response }];
  }
  return [request, { ...base, direction: 'RESPONSE', httpStatus: exchange.httpStatus, summary: `${exchange.httpStatus} ${failure.code}: ${failure.text}${retry}`, payload: exchange.response }];
}
