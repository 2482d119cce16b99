import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { onJobEnqueued } from './job-signal.js';
import { claimJobs, type ClaimedJob } from './use-cases/claim-jobs.js';
import { failJob } from './use-cases/fail-job.js';
import { finishJobs } from './use-cases/finish-job.js';
import { renewJobLease } from './use-cases/renew-job-lease.js';
import { backoffDelayMs, rescheduleJob } from './use-cases/reschedule-job.js';

/** Transient trouble (a timeout, a 5xx): the job runs again after a backoff, up to its `maxAttempts`. */
export class RetryableJobError extends Error {
  /** Run again after exactly this long instead of the backoff. */
  readonly delayMs: number | undefined;
  constructor(message: string, options: { delayMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'RetryableJobError';
    this.delayMs = options.delayMs;
  }
}

/** An error's message; a failed query's with its cause's (the query says which statement failed, its cause why: a deadlock …). */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const failedQuery = error.message.startsWith('Failed query') && error.cause instanceof Error;
  return failedQuery ? `${error.message}: ${(error.cause as Error).message}` : error.message;
}

/** Pino's shape (a Fastify logger fits), so the server and the worker process log the same way. */
export type JobLogger = {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
  error(object: Record<string, unknown>, message: string): void;
};

export type JobContext = {
  /** When the job runs next if this run throws a RetryableJobError (the backoff for this attempt). */
  retryDelayMs: (error: RetryableJobError) => number;
};

/**
 * Whether a handler's error is worth another run: a RetryableJobError, and anything that is not an AppError
 * (a dropped connection, a deadlock or serialization failure, a bug that a rerun may not hit). An AppError is
 * a real refusal: running again would refuse again.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof RetryableJobError || !(error instanceof AppError);
}

/**
 * What runs a kind of job. `run` must be idempotent: a job whose worker died runs again. It throws
 * RetryableJobError for transient trouble (so does any error that is not an AppError: see `isRetryable`);
 * an AppError fails the job for good. `onGiveUp` runs once when a job's last attempt ends in transient
 * trouble (or a job keeps crashing its worker), after it is FAILED and only by the worker that failed it.
 */
export type JobHandler = {
  run(job: ClaimedJob, context: JobContext): Promise<void>;
  /**
   * Several due jobs of this kind run together, up to `size` (one transaction for many orders); a handler
   * with `batch` runs every job through it, alone or not (its `run` serves callers outside the runner). `run` answers
   * each job's outcome in order, as `run` alone would end it: null when done, or the error it would throw
   * (retried or failed by the same rules). A batch that throws ends each of its jobs with that error.
   */
  batch?: {
    size: number;
    /**
     * Batches of this kind running at once (default 1). While they run, due jobs of the kind wait to form the
     * next batch: one job alone goes at once when the worker is idle, many go together when it is busy. A
     * batch still running after a second no longer counts (a slow carrier holds back no other batch for long).
     */
    parallel?: number;
    run(jobs: ClaimedJob[]): Promise<(unknown | null)[]>;
  };
  onGiveUp?(job: ClaimedJob, reason: string): Promise<void>;
};

export type JobHandlers = Record<string, JobHandler>;

export type JobRunnerOptions = {
  db: Db;
  handlers: JobHandlers;
  /** Jobs run at once by this runner. */
  concurrency: number;
  leaseSeconds: number;
  retry: { baseMs: number; capMs: number };
  /** How long to wait between looks when nothing is due (a local enqueue wakes it earlier). */
  pollMs?: number;
  workerId?: string;
  log: JobLogger;
};

export type JobRunner = {
  readonly workerId: string;
  /** Looks for due jobs now. */
  wake(): void;
  /** Claims nothing more and waits for the jobs in flight. */
  stop(): Promise<void>;
};

// A batch running longer than this (a slow carrier) stops holding back the next batch of its kind.
const BATCH_HOLDS_NEXT_MS = 1000;

// After a local enqueue the job's transaction may not have committed yet: look again soon, for a short while.
const EAGER_WINDOW_MS = 500;
const EAGER_POLL_MS = 15;

/**
 * The worker loop: claims up to `concurrency − in flight` due jobs of the kinds it has handlers for, runs
 * each through its handler (or, for a handler that takes batches, up to its batch size together), and
 * sleeps `pollMs` when nothing is due. Leases make it safe to run any number
 * of runners on one PostgreSQL database (in this process and others).
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, handlers, concurrency, leaseSeconds, retry, log } = options;
  const pollMs = options.pollMs ?? 1000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const kinds = Object.keys(handlers);
  const inFlight = new Set<Promise<void>>();
  /** Jobs held by the runs in flight (a batch holds several). */
  let held = 0;
  /** Batches in flight, by kind. */
  const batchesRunning = new Map<string, number>();
  const batchSlotsFree = (kind: string) => (batchesRunning.get(kind) ?? 0) < (handlers[kind]!.batch?.parallel ?? 1);
  let stopping = false;
  let lastSignalAt = 0;
  let wakeUp: (() => void) | null = null;
  let pendingWake = false;

  const wake = () => {
    pendingWake = true;
    wakeUp?.();
  };
  const unsubscribe = onJobEnqueued(() => {
    lastSignalAt = Date.now();
    wake();
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (pendingWake || stopping) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });


  // The heartbeat: while a job runs, its lease is renewed every third of the lease, so a run longer than the
  // lease (a carrier slow to answer) stays this worker's; a worker that dies stops renewing and its jobs lapse.
  const heartbeatMs = Math.max(100, Math.floor((leaseSeconds * 1000) / 3));
  function keepLease(job: ClaimedJob): () => void {
    const timer = setInterval(() => {
      renewJobLease(db, { id: job.id, workerId, leaseSeconds }).then(
        (held) => {
          if (!held) {
            clearInterval(timer);
            log.warn({ jobId: job.id, kind: job.kind }, 'job lease lost while running');
          }
        },
        (error: unknown) => log.warn({ jobId: job.id, kind: job.kind, error: error instanceof Error ? error.message : String(error) }, 'job lease renewal failed'),
      );
    }, heartbeatMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async function runHeld(jobs: ClaimedJob[]): Promise<void> {
    const handler = handlers[jobs[0]!.kind]!;
    const due: ClaimedJob[] = [];
    for (const job of jobs) {
      // Taken again after its worker died on the last attempt: it keeps crashing workers.
      if (job.attempts > job.maxAttempts) await giveUp(job, handler, `stopped after ${job.maxAttempts} attempts (its worker stopped while running it)`);
      else due.push(job);
    }
    if (due.length === 0) return;
    const contexts = due.map((job) => contextOf(job));
    const outcomes = await outcomesOf(handler, due, contexts);
    const done = due.filter((_, index) => outcomes[index] === null);
    const finished = await finishJobs(db, { ids: done.map((job) => job.id), workerId });
    for (const job of done) if (!finished.has(job.id)) log.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease lapsed');
    for (const [index, job] of due.entries()) {
      const error = outcomes[index];
      if (error !== null) await settleFailure(job, handler, contexts[index]!, error);
    }
  }

  function contextOf(job: ClaimedJob): JobContext {
    const attemptDelay = backoffDelayMs(job.attempts, retry);
    return { retryDelayMs: (error) => error.delayMs ?? attemptDelay };
  }

  /** Each job's outcome: null when its run ended well, or what it threw. */
  async function outcomesOf(handler: JobHandler, jobs: ClaimedJob[], contexts: JobContext[]): Promise<(unknown | null)[]> {
    if (handler.batch) {
      try {
        return await handler.batch.run(jobs);
      } catch (error) {
        return jobs.map(() => error);
      }
    }
    return Promise.all(
      jobs.map((job, index) =>
        handler.run(job, contexts[index]!).then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    );
  }

  async function settleFailure(job: ClaimedJob, handler: JobHandler, context: JobContext, error: unknown): Promise<void> {
    const message = messageOf(error);
    if (isRetryable(error)) {
      if (job.attempts >= job.maxAttempts) {
        await giveUp(job, handler, `gave up after ${job.attempts} attempts: ${message}`);
        return;
      }
      const delayMs = error instanceof RetryableJobError ? context.retryDelayMs(error) : backoffDelayMs(job.attempts, retry);
      const at = await rescheduleJob(db, { id: job.id, workerId, delayMs, error: message });
      // A retry due before the next look: look again then.
      if (at && delayMs < pollMs) setTimeout(wake, delayMs + 5).unref();
      log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, retryAt: at?.toISOString() ?? null, error: message }, 'job will retry');
      return;
    }
    log.error({ jobId: job.id, kind: job.kind, attempt: job.attempts, error: error instanceof Error ? (error.stack ?? message) : message }, 'job failed');
    await failJob(db, { id: job.id, workerId, error: message });
  }

  async function giveUp(job: ClaimedJob, handler: JobHandler, reason: string): Promise<void> {
    // Only the worker that still holds the job gives it up: one whose lease lapsed (and was taken again) does nothing.
    if (!(await failJob(db, { id: job.id, workerId, error: reason }))) {
      log.warn({ jobId: job.id, kind: job.kind }, 'job lease lapsed before giving up: left to its new worker');
      return;
    }
    log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, reason }, 'job given up');
    await handler.onGiveUp?.(job, reason);
  }

  /** Runs jobs of one kind as one unit (a single job, or a batch), each lease kept alive while it runs. */
  function start(jobs: ClaimedJob[]): void {
    const stopHeartbeats = jobs.map((job) => keepLease(job));
    const { kind } = jobs[0]!;
    const batched = handlers[kind]!.batch !== undefined;
    held += jobs.length;
    let counted = batched;
    const uncount = () => {
      if (!counted) return;
      counted = false;
      batchesRunning.set(kind, batchesRunning.get(kind)! - 1);
      wake();
    };
    if (batched) batchesRunning.set(kind, (batchesRunning.get(kind) ?? 0) + 1);
    const detach = batched ? setTimeout(uncount, BATCH_HOLDS_NEXT_MS) : null;
    detach?.unref();
    const running: Promise<void> = runHeld(jobs)
      .catch((error: unknown) => {
        // The database failed under us (finish, reschedule, fail): the leases lapse and the jobs run again.
        log.error({ jobIds: jobs.map((job) => job.id), kind: jobs[0]!.kind, error: error instanceof Error ? error.message : String(error) }, 'job bookkeeping failed');
      })
      .finally(() => {
        for (const stop of stopHeartbeats) stop();
        held -= jobs.length;
        if (detach) clearTimeout(detach);
        uncount();
        inFlight.delete(running);
        wake();
      });
    inFlight.add(running);
  }

  /** How many jobs the open kinds can take now: no limit while one runs jobs one by one, else their free batches' room. */
  function room(open: string[]): number {
    let jobs = 0;
    for (const kind of open) {
      const batch = handlers[kind]!.batch;
      if (!batch) return Number.POSITIVE_INFINITY;
      jobs += ((batch.parallel ?? 1) - (batchesRunning.get(kind) ?? 0)) * batch.size;
    }
    return jobs;
  }

  /** The claimed jobs as units to run: batches of a handler's batch size for the kinds that take batches, one by one otherwise. */
  function unitsOf(claimed: ClaimedJob[]): ClaimedJob[][] {
    const units: ClaimedJob[][] = [];
    const batches = new Map<string, ClaimedJob[]>();
    for (const job of claimed) {
      const size = handlers[job.kind]!.batch?.size ?? 1;
      const filling = batches.get(job.kind);
      if (filling && filling.length < size) filling.push(job);
      else {
        const unit = [job];
        units.push(unit);
        if (size > 1) batches.set(job.kind, unit);
      }
    }
    return units;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      pendingWake = false;
      // A kind whose batches are all running waits: its due jobs gather for the next batch.
      const open = kinds.filter(batchSlotsFree);
      const free = Math.min(concurrency - held, room(open));
      if (free > 0 && open.length > 0) {
        let claimed: ClaimedJob[];
        try {
          claimed = await claimJobs(db, { kinds: open, limit: free, workerId, leaseSeconds });
        } catch (error) {
          if (stopping) break;
          log.error({ error: error instanceof Error ? error.message : String(error) }, 'claiming jobs failed');
          await sleep(pollMs);
          continue;
        }
        for (const unit of unitsOf(claimed)) start(unit);
        if (claimed.length === free) continue; // there may be more due
      }
      if (stopping) break;
      const eager = free > 0 && open.length > 0 && Date.now() - lastSignalAt < EAGER_WINDOW_MS;
      await sleep(eager ? EAGER_POLL_MS : pollMs);
    }
  }

  const looping = loop();
  return {
    workerId,
    wake,
    stop: async () => {
      if (stopping) return looping.then(() => Promise.all(inFlight)).then(() => undefined);
      stopping = true;
      unsubscribe();
      wakeUp?.();
      await looping;
      await Promise.all(inFlight);
    },
  };
}
