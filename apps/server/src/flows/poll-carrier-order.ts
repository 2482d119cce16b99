import { cachedCarrierConnection } from '../modules/catalog/use-cases/find-carrier-connection.js';
import { RetryableJobError, type JobHandler } from '../modules/jobs/job-runner.js';
import type { ClaimedJob } from '../modules/jobs/use-cases/claim-jobs.js';
import { enqueueJob } from '../modules/jobs/use-cases/enqueue-job.js';
import type { SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { findSubmission } from '../modules/provisioning/use-cases/find-submission.js';
import { recordCarrierMessage } from '../modules/provisioning/use-cases/record-carrier-message.js';
import { applyCarrierActivation } from './apply-carrier-activation.js';
import type { CarrierJobDeps } from './carrier-job-deps.js';
import { carrierPollJob, submissionIdOf } from './carrier-jobs.js';

/** Status checks of one submission at most: with the default 30 s first wait, doubling to the cap, about 17 hours of checking. */
export const MAX_POLL_ROUNDS = 40;
/** The longest wait between two status checks. */
export const POLL_CAP_MS = 30 * 60_000;

/** The wait before status check `round` + 1: the first wait doubled each round, up to the cap. */
export function nextPollDelayMs(firstMs: number, round: number): number {
  return Math.min(POLL_CAP_MS, Math.max(firstMs, 1) * 2 ** Math.min(round, 20));
}

/**
 * The `carrier.poll` job: the fallback when the carrier's callbacks do not come. Asks the carrier for the
 * submission's status and applies it as a callback would be (`applyCarrierActivation`); while the
 * carrier is not done, schedules the next check, further apart each round, and stops after
 * MAX_POLL_ROUNDS (the order then shows in the fallout view as stuck). A submission already ended needs
 * no check. Transient trouble retries the same round with backoff.
 */
export function pollCarrierOrder(deps: CarrierJobDeps): JobHandler {
  const { db, secrets, adapters, config, log } = deps;
  const firstMs = Math.round(config.carrierPollSeconds * 1000);
  return {
    run: async (job) => {
      const submission = await submissionOf(deps, job);
      if (!submission || !submission.requestId || !isOpen(submission)) return;
      const round = roundOf(job);
      const connection = await cachedCarrierConnection({ db, secrets, code: submission.carrierCode });
      const adapter = connection ? adapters.get(connection.adapter) : null;
      if (!connection || !adapter || !adapter.capabilities.polling) return;

      const result = await adapter.status(connection, submission.requestId);
      const { exchange } = result;
      if (!result.ok) {
        const retry = result.failure.kind === 'transient' ? '; will check again' : '';
        await recordCarrierMessage(db, {
          orderId: submission.orderId,
          submissionId: submission.id,
          attempt: submission.attempt,
          direction: exchange.httpStatus === null ? 'ERROR' : 'POLL',
          operation: exchange.operation,
          httpStatus: exchange.httpStatus,
          summary: `Status check failed: ${exchange.httpStatus === null ? '' : `${exchange.httpStatus} `}${result.failure.code}: ${result.failure.text}${retry}`,
          payload: exchange.response,
        });
        if (result.failure.kind === 'transient') throw new RetryableJobError(`${result.failure.code}: ${result.failure.text}`);
        log.warn({ submissionId: submission.id, orderId: submission.orderId, code: result.failure.code }, 'carrier status check refused: no more checks');
        return;
      }
      const applied = await applyCarrierActivation({
        db,
        carrierCode: submission.carrierCode,
        activation: result.value,
        report: { direction: 'POLL', operation: exchange.operation, httpStatus: exchange.httpStatus, payload: exchange.response },
        pollDelayMs: firstMs,
      });
      if (applied.ended) return;
      if (round >= MAX_POLL_ROUNDS) {
        await stopChecking(deps, submission, `Stopped checking the status after ${round} checks; the carrier has not finished request ${submission.requestId}`);
        return;
      }
      await enqueueJob(db, carrierPollJob(submission.id, round + 1, nextPollDelayMs(firstMs, round)));
    },
    onGiveUp: async (job, reason) => {
      const submission = await submissionOf(deps, job);
      if (!submission || !isOpen(submission)) return;
      await stopChecking(deps, submission, `Stopped checking the status: ${reason}`);
    },
  };
}

async function submissionOf(deps: CarrierJobDeps, job: ClaimedJob): Promise<SubmissionRow | null> {
  const submissionId = submissionIdOf(job.payload);
  const submission = submissionId ? await findSubmission({ db: deps.db, by: { id: submissionId } }) : null;
  if (!submission) deps.log.warn({ jobId: job.id, payload: job.payload }, 'carrier.poll: no such submission');
  return submission;
}

/** Still waiting for the carrier: accepted (or sent and answered by a callback first), not yet finished or refused. */
function isOpen(submission: SubmissionRow): boolean {
  return submission.status === 'ACCEPTED' || submission.status === 'QUEUED';
}

function roundOf(job: ClaimedJob): number {
  const round = job.payload.round;
  return typeof round === 'number' && Number.isInteger(round) && round > 0 ? round : 1;
}

async function stopChecking(deps: CarrierJobDeps, submission: SubmissionRow, summary: string): Promise<void> {
  deps.log.warn({ submissionId: submission.id, orderId: submission.orderId }, summary);
  await recordCarrierMessage(deps.db, {
    orderId: submission.orderId,
    submissionId: submission.id,
    attempt: submission.attempt,
    direction: 'ERROR',
    operation: 'status checks',
    httpStatus: null,
    summary,
    payload: null,
  });
}
