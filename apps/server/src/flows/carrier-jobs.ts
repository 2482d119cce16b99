import type { NewJob } from '../modules/jobs/use-cases/enqueue-job.js';

/** The provisioning job kinds and how they are keyed: one submit job per submission, one poll job per round. */
export const CARRIER_SUBMIT_JOB = 'carrier.submit';
export const CARRIER_POLL_JOB = 'carrier.poll';

export function carrierSubmitJob(submissionId: string): NewJob {
  return { kind: CARRIER_SUBMIT_JOB, payload: { submissionId }, dedupeKey: `${CARRIER_SUBMIT_JOB}:${submissionId}` };
}

/** The `round`-th status check of a submission, `delayMs` from now. */
export function carrierPollJob(submissionId: string, round: number, delayMs: number): NewJob {
  return { kind: CARRIER_POLL_JOB, payload: { submissionId, round }, dedupeKey: carrierPollKey(submissionId, round), delayMs };
}

/** The key of a submission's `round`-th status check (one job per round). */
export function carrierPollKey(submissionId: string, round: number): string {
  return `${CARRIER_POLL_JOB}:${submissionId}:${round}`;
}

/** The submission a carrier job is about. */
export function submissionIdOf(payload: Record<string, unknown>): string | null {
  return typeof payload.submissionId === 'string' ? payload.submissionId : null;
}
