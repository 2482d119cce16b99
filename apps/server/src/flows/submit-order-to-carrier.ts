import { CARRIER_UNREACHABLE, ZGatewayActivationRequest, type TGatewayActivationRequest, type TGatewayLineRequest } from '@linedesk/domain';
import type { Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { batchAudits, SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { cachedCarrierConnection } from '../modules/catalog/use-cases/find-carrier-connection.js';
import { RetryableJobError, type JobHandler } from '../modules/jobs/job-runner.js';
import { enqueueJob } from '../modules/jobs/use-cases/enqueue-job.js';
import { changeOrderStatus } from '../modules/orders/use-cases/change-order-status.js';
import { getOrder, type LineRow, type OrderRow } from '../modules/orders/use-cases/get-order.js';
import type { AdapterResult, CarrierExchange, CarrierFailure } from '../modules/provisioning/adapters/carrier-adapter.js';
import type { SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { findSubmission } from '../modules/provisioning/use-cases/find-submission.js';
import { markSubmissionAccepted } from '../modules/provisioning/use-cases/mark-submission-accepted.js';
import { markSubmissionRejected } from '../modules/provisioning/use-cases/mark-submission-rejected.js';
import { recordCarrierMessage, type CarrierMessageInput } from '../modules/provisioning/use-cases/record-carrier-message.js';
import { recordSubmissionRetry } from '../modules/provisioning/use-cases/record-submission-retry.js';
import { openOrNull, type SecretBox } from '../security/secret-box.js';
import type { CarrierJobDeps } from './carrier-job-deps.js';
import { carrierPollJob, submissionIdOf } from './carrier-jobs.js';

/**
 * The `carrier.submit` job: delivers one submission to its carrier with the submission's stable key (so a
 * rerun after a crash or a timeout never activates twice), and records the exchange in Carrier Messages.
 * Accepted: the submission keeps the carrier's request id, the order goes In progress, a status check is
 * scheduled in case no callback comes. Transient trouble: retried with backoff. Refused: the order goes
 * to Error with the carrier's code and text. Out of retries: Error with CARRIER_UNREACHABLE.
 */
export function submitOrderToCarrier(deps: CarrierJobDeps): JobHandler {
  const { db, secrets, adapters, config } = deps;
  return {
    run: async (job) => {
      const submissionId = submissionIdOf(job.payload);
      const submission = submissionId ? await findSubmission({ db, by: { id: submissionId } }) : null;
      if (!submission) throw new AppError('NOT_FOUND', `carrier.submit: no submission ${String(job.payload.submissionId)}`);
      // A rerun of a job whose submission already went through (or ended): nothing more to do.
      if (submission.status !== 'QUEUED') return;

      const connection = await cachedCarrierConnection({ db, secrets, code: submission.carrierCode });
      const adapter = connection ? adapters.get(connection.adapter) : null;
      if (!connection || !adapter) {
        const text = connection ? `${submission.carrierCode} is provisioned by hand (no carrier connection)` : `The carrier ${submission.carrierCode} is not in the catalog`;
        await refuse(db, submission, { kind: 'permanent', code: 'NO_CARRIER_CONNECTION', text }, []);
        return;
      }
      const { order, lines } = await getOrder({ db, orderId: submission.orderId });
      const built = buildActivationRequest({ order, lines, submission, secrets, callbackUrl: callbackUrlOf(config.publicUrl, submission.carrierCode) });
      if (!built.ok) {
        await refuse(db, submission, built.failure, []);
        return;
      }
      const result = await adapter.submit(connection, built.request);
      const messages = exchangeMessages(submission, result, built.request.lines.length);
      if (result.ok) {
        await db.transaction(async (tx) => {
          await recordCarrierMessage(tx, messages);
          // The submission's and the order's audit rows go in one insert.
          const audit = batchAudits(SYSTEM_ACTOR);
          const accepted = await markSubmissionAccepted(tx, audit.context, { id: submission.id, requestId: result.value.requestId });
          if (!accepted) return; // a callback or another run got there first
          const { order: locked } = await getOrder({ db: tx, orderId: submission.orderId, lock: true });
          if (locked.status === 'SENT') {
            await changeOrderStatus(tx, audit.context, { orderId: locked.id, from: 'SENT', to: 'IN_PROGRESS', action: 'carrier_accepted', reason: `${order.carrierName} request ${result.value.requestId}` });
          }
          await enqueueJob(tx, carrierPollJob(submission.id, 1, Math.round(config.carrierPollSeconds * 1000)));
          await audit.flush(tx);
        });
        return;
      }
      if (result.failure.kind === 'transient') {
        await recordCarrierMessage(db, messages);
        await recordSubmissionRetry(db, { id: submission.id, code: result.failure.code, text: result.failure.text });
        throw new RetryableJobError(`${result.failure.code}: ${result.failure.text}`);
      }
      await refuse(db, submission, result.failure, messages);
    },
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

/** The request and what came back, as Carrier Messages. */
function exchangeMessages(submission: SubmissionRow, result: AdapterResult<{ requestId: string }>, lineCount: number): CarrierMessageInput[] {
  const exchange: CarrierExchange = result.exchange;
  const base = { orderId: submission.orderId, submissionId: submission.id, attempt: submission.attempt, operation: exchange.operation };
  const request: CarrierMessageInput = {
    ...base,
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
