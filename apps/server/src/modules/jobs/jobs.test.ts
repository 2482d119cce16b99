import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, createTestDatabase } from '../../../test/test-database.js';
import { testEngine } from '../../../test/test-engine.js';
import { wrapPostgres, type Database } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { RetryableJobError, startJobRunner, type JobHandlers, type JobLogger, type JobRunner } from './job-runner.js';
import { jobs } from './jobs.schema.js';
import { claimJobs } from './use-cases/claim-jobs.js';
import { enqueueJob, enqueueJobs } from './use-cases/enqueue-job.js';
import { finishJob } from './use-cases/finish-job.js';
import { backoffDelayMs } from './use-cases/reschedule-job.js';

const quiet: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const RETRY = { baseMs: 1000, capMs: 60_000 };

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(20);
  }
}

describe('jobs (transactional outbox)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function database(): Promise<Database> {
    const db = await createTestDatabase();
    cleanups.push(() => db.close());
    return db;
  }
  function run(db: Database, handlers: JobHandlers, options: { concurrency?: number; workerId?: string } = {}): JobRunner {
    const runner = startJobRunner({ db: db.db, handlers, concurrency: options.concurrency ?? 4, leaseSeconds: 30, retry: RETRY, pollMs: 20, log: quiet, ...(options.workerId ? { workerId: options.workerId } : {}) });
    cleanups.push(() => runner.stop());
    return runner;
  }
  const statusOf = async (db: Database, id: string) => (await db.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

  it('should write a job with the caller’s transaction, once per dedupe key', async () => {
    const db = await database();
    const first = await db.db.transaction((tx) => enqueueJob(tx, { kind: 'test.once', payload: { n: 1 }, dedupeKey: 'once:1' }));
    const again = await db.db.transaction((tx) => enqueueJob(tx, { kind: 'test.once', payload: { n: 2 }, dedupeKey: 'once:1' }));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(again).toBeNull();
    // A rolled-back transaction leaves no job.
    await expect(
      db.db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'test.once', payload: {}, dedupeKey: 'once:2' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const rows = await db.db.select().from(jobs);
    expect(rows.map((row) => [row.dedupeKey, row.payload, row.status])).toEqual([['once:1', { n: 1 }, 'QUEUED']]);
  });

  it('should never run one job on two runners at once (PostgreSQL: two connection pools, as two processes)', async () => {
    let [first, other] = [await database(), null as Database | null];
    if (testEngine() === 'postgres') {
      // Two pools on one database: the runners share nothing but PostgreSQL, as two worker processes do.
      const { url, drop } = await createPostgresTestDatabase();
      [first, other] = [wrapPostgres(new pg.Pool({ connectionString: url, max: 5 })), wrapPostgres(new pg.Pool({ connectionString: url, max: 5 }))];
      const [a, b] = [first, other];
      cleanups.push(drop, () => a.close(), () => b.close());
    }
    const ran = new Map<number, string[]>();
    const handlers = (worker: string): JobHandlers => ({
      'test.count': {
        run: async (job) => {
          const n = job.payload.n as number;
          ran.set(n, [...(ran.get(n) ?? []), worker]);
          await sleep(5);
        },
      },
    });
    const total = 80;
    await first.db.transaction(async (tx) => {
      for (let n = 0; n < total; n += 1) await enqueueJob(tx, { kind: 'test.count', payload: { n } });
    });
    run(first, handlers('A'), { workerId: 'A' });
    run(other ?? first, handlers('B'), { workerId: 'B' });
    await waitFor(async () => (await first.db.select().from(jobs).where(eq(jobs.status, 'DONE'))).length === total);
    expect([...ran.keys()].sort((x, y) => x - y)).toEqual([...Array(total).keys()]);
    expect([...ran.values()].filter((workers) => workers.length !== 1)).toEqual([]);
    const rows = await first.db.select().from(jobs);
    expect(rows.every((row) => row.attempts === 1 && row.lockedBy === null && row.finishedAt !== null)).toBe(true);
  });

  it('should write several jobs in one statement, each once per dedupe key, and say which went in', async () => {
    const db = await database();
    await enqueueJob(db.db, { kind: 'test.many', payload: { n: 0 }, dedupeKey: 'many:0' });
    const ids = await db.db.transaction((tx) =>
      enqueueJobs(tx, [
        { kind: 'test.many', payload: { n: 1 }, dedupeKey: 'many:1' },
        { kind: 'test.many', payload: { n: 0 }, dedupeKey: 'many:0' },
        { kind: 'test.many', payload: { n: 2 }, delayMs: 60_000, maxAttempts: 3 },
      ]),
    );
    expect(ids.map((id) => (id === null ? null : 'id'))).toEqual(['id', null, 'id']);
    const rows = await db.db.select().from(jobs);
    const byN = new Map(rows.map((row) => [row.payload.n, row]));
    expect(rows).toHaveLength(3);
    expect(byN.get(1)).toMatchObject({ id: ids[0], maxAttempts: 10, status: 'QUEUED' });
    expect(byN.get(2)).toMatchObject({ id: ids[2], maxAttempts: 3, dedupeKey: null });
    expect(byN.get(2)!.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('should run due jobs of a batch kind together, each with its own outcome, and gather the next batch while one runs', async () => {
    const db = await database();
    const batches: number[][] = [];
    let [running, mostAtOnce] = [0, 0];
    let release: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const handlers: JobHandlers = {
      'test.batch': {
        run: async () => {
          throw new Error('a batch kind runs its jobs through batch.run');
        },
        batch: {
          size: 4,
          run: async (claimed) => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            batches.push(claimed.map((job) => job.payload.n as number).sort((a, b) => a - b));
            if (batches.length === 1) await firstHeld;
            await sleep(20);
            running -= 1;
            return claimed.map((job) => {
              const n = job.payload.n as number;
              return n === 5 ? new RetryableJobError('503 for this one', { delayMs: 60_000 }) : n === 6 ? new AppError('NOT_FOUND', 'refused for good') : null;
            });
          },
        },
      },
    };
    const first = (await enqueueJob(db.db, { kind: 'test.batch', payload: { n: 0 } }))!;
    run(db, handlers, { concurrency: 16 });
    // A lone job goes at once, in a batch of its own.
    await waitFor(async () => batches.length === 1);
    // While that batch runs (one at a time), the next jobs gather, and go in batches of 4 at most.
    const later = await enqueueJobs(db.db, [1, 2, 3, 4, 5, 6].map((n) => ({ kind: 'test.batch', payload: { n } })));
    await sleep(150);
    expect(batches).toEqual([[0]]);
    release();
    await waitFor(async () => (await db.db.select().from(jobs).where(eq(jobs.status, 'DONE'))).length === 5);
    await waitFor(async () => (await statusOf(db, later[5]!)).status === 'FAILED');
    expect(batches).toHaveLength(3);
    expect(batches.slice(1).map((batch) => batch.length).sort()).toEqual([2, 4]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // One batch at a time, as the kind asks (parallel 1 by default).
    expect(mostAtOnce).toBe(1);
    expect(await statusOf(db, first)).toMatchObject({ status: 'DONE', lockedBy: null });
    expect(await statusOf(db, later[4]!)).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: '503 for this one' });
    expect(await statusOf(db, later[5]!)).toMatchObject({ status: 'FAILED', lastError: 'refused for good' });
  });

  it('should take a job again once its lease lapses (its worker died), and the dead worker can no longer finish it', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.lease', payload: {} }))!;
    const [taken] = await claimJobs(db.db, { kinds: ['test.lease'], limit: 5, workerId: 'crashed', leaseSeconds: 60 });
    expect(taken).toMatchObject({ id, attempts: 1 });
    // While the lease lasts nobody else gets it.
    expect(await claimJobs(db.db, { kinds: ['test.lease'], limit: 5, workerId: 'B', leaseSeconds: 60 })).toEqual([]);
    await db.db.update(jobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));
    const [again] = await claimJobs(db.db, { kinds: ['test.lease'], limit: 5, workerId: 'B', leaseSeconds: 60 });
    expect(again).toMatchObject({ id, attempts: 2 });
    expect(await finishJob(db.db, { id, workerId: 'crashed' })).toBe(false);
    expect(await finishJob(db.db, { id, workerId: 'B' })).toBe(true);
    expect((await statusOf(db, id)).status).toBe('DONE');
  });

  it('should claim only the kinds it has handlers for, and nothing not yet due', async () => {
    const db = await database();
    await enqueueJob(db.db, { kind: 'test.other', payload: {} });
    await enqueueJob(db.db, { kind: 'test.mine', payload: {}, delayMs: 60_000 });
    expect(await claimJobs(db.db, { kinds: ['test.mine'], limit: 5, workerId: 'A', leaseSeconds: 60 })).toEqual([]);
  });

  it('should back off exponentially with full jitter, capped', () => {
    const ceiling = (attempt: number) => backoffDelayMs(attempt, RETRY, () => 0.999_999);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map(ceiling)).toEqual([999, 1999, 3999, 7999, 15_999, 31_999, 59_999, 59_999, 59_999]);
    expect(backoffDelayMs(5, RETRY, () => 0)).toBe(0);
    const spread = Array.from({ length: 200 }, () => backoffDelayMs(4, RETRY));
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...spread)).toBeLessThan(8000);
    expect(new Set(spread).size).toBeGreaterThan(100);
  });

  it('should put a job that hit transient trouble back in the queue with its error, after the backoff', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.flaky', payload: {} }))!;
    run(db, { 'test.flaky': { run: async () => Promise.reject(new RetryableJobError('503 from the carrier')) } });
    await waitFor(async () => (await statusOf(db, id)).lastError !== null);
    const row = await statusOf(db, id);
    expect(row).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: '503 from the carrier', lockedBy: null });
    // Within the first try's ceiling (base 1 s), not before now.
    expect(row.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000 + 500);
  });

  it('should give up after maxAttempts: onGiveUp runs once, then the job is FAILED', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.down', payload: {}, maxAttempts: 3 }))!;
    let runs = 0;
    const gaveUp: string[] = [];
    run(db, {
      'test.down': {
        run: async () => {
          runs += 1;
          throw new RetryableJobError('connection refused', { delayMs: 0 });
        },
        onGiveUp: async (job, reason) => {
          gaveUp.push(`${job.attempts}: ${reason}`);
        },
      },
    });
    await waitFor(async () => (await statusOf(db, id)).status === 'FAILED');
    expect(runs).toBe(3);
    expect(gaveUp).toEqual(['3: gave up after 3 attempts: connection refused']);
    expect((await statusOf(db, id)).lastError).toBe('gave up after 3 attempts: connection refused');
  });

  it('should fail a job at once on a refusal (AppError), without giving up politely', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.bug', payload: {} }))!;
    const gaveUp: string[] = [];
    run(db, { 'test.bug': { run: async () => Promise.reject(new AppError('NOT_FOUND', 'no such submission')), onGiveUp: async (_job, reason) => void gaveUp.push(reason) } });
    await waitFor(async () => (await statusOf(db, id)).status === 'FAILED');
    expect((await statusOf(db, id)).attempts).toBe(1);
    expect((await statusOf(db, id)).lastError).toBe('no such submission');
    expect(gaveUp).toEqual([]);
  });

  it('should run a job again after an error that is not a refusal (a dropped connection, a deadlock, a serialization failure)', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.db', payload: {} }))!;
    const failures = [
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
      Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' }),
    ];
    let runs = 0;
    const runner = startJobRunner({
      db: db.db,
      concurrency: 1,
      leaseSeconds: 30,
      retry: { baseMs: 1, capMs: 5 },
      pollMs: 20,
      log: quiet,
      handlers: {
        'test.db': {
          run: async () => {
            runs += 1;
            const failure = failures[runs - 1];
            if (failure) throw failure;
          },
        },
      },
    });
    cleanups.push(() => runner.stop());
    await waitFor(async () => (await statusOf(db, id)).status === 'DONE');
    expect(runs).toBe(4);
    expect((await statusOf(db, id)).attempts).toBe(4);
  });

  it('should keep the lease of a job running longer than the lease (heartbeat)', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.long', payload: {} }))!;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const runner = startJobRunner({
      db: db.db,
      concurrency: 1,
      leaseSeconds: 1,
      retry: RETRY,
      pollMs: 20,
      log: quiet,
      workerId: 'slow',
      handlers: {
        'test.long': {
          run: async () => {
            started = true;
            await released;
          },
        },
      },
    });
    cleanups.push(() => runner.stop());
    await waitFor(async () => started);
    // Three lease lengths later the job is still the slow worker's: nobody else can take it.
    await sleep(3000);
    expect(await claimJobs(db.db, { kinds: ['test.long'], limit: 1, workerId: 'other', leaseSeconds: 60 })).toEqual([]);
    expect((await statusOf(db, id)).lockedBy).toBe('slow');
    release();
    await waitFor(async () => (await statusOf(db, id)).status === 'DONE');
    expect((await statusOf(db, id)).attempts).toBe(1);
  });

  it('should not give up a job (nor run onGiveUp) whose lease another worker took meanwhile', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.lapsed', payload: {}, maxAttempts: 1 }))!;
    const gaveUp: string[] = [];
    const runner = startJobRunner({
      db: db.db,
      concurrency: 1,
      leaseSeconds: 30,
      retry: RETRY,
      pollMs: 20,
      log: quiet,
      workerId: 'first',
      handlers: {
        'test.lapsed': {
          run: async () => {
            // Meanwhile (a long stall) another worker took the job.
            await db.db.update(jobs).set({ lockedBy: 'second' }).where(eq(jobs.id, id));
            throw new RetryableJobError('timed out');
          },
          onGiveUp: async (_job, reason) => void gaveUp.push(reason),
        },
      },
    });
    cleanups.push(() => runner.stop());
    await waitFor(async () => (await statusOf(db, id)).attempts === 1);
    await sleep(300);
    await runner.stop();
    expect(gaveUp).toEqual([]);
    expect((await statusOf(db, id))).toMatchObject({ status: 'RUNNING', lockedBy: 'second' });
  });

  it('should give up without running a job that keeps dying with its worker', async () => {
    const db = await database();
    const id = (await enqueueJob(db.db, { kind: 'test.crashy', payload: {}, maxAttempts: 2 }))!;
    for (const worker of ['w1', 'w2']) {
      await claimJobs(db.db, { kinds: ['test.crashy'], limit: 1, workerId: worker, leaseSeconds: 60 });
      await db.db.update(jobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));
    }
    let runs = 0;
    const gaveUp: string[] = [];
    run(db, { 'test.crashy': { run: async () => void (runs += 1), onGiveUp: async (_job, reason) => void gaveUp.push(reason) } });
    await waitFor(async () => (await statusOf(db, id)).status === 'FAILED');
    expect(runs).toBe(0);
    expect(gaveUp).toEqual(['stopped after 2 attempts (its worker stopped while running it)']);
  });

  it('should wake at once on a local enqueue, run jobs concurrently up to its limit, and let jobs in flight finish on stop', async () => {
    const db = await database();
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const runner = startJobRunner({
      db: db.db,
      concurrency: 3,
      leaseSeconds: 30,
      retry: RETRY,
      pollMs: 60_000, // only a wake-up can start them quickly
      log: quiet,
      handlers: {
        'test.slow': {
          run: async (job) => {
            running += 1;
            most = Math.max(most, running);
            await sleep(150);
            running -= 1;
            done.push(job.payload.n as number);
          },
        },
      },
    });
    await sleep(50);
    const started = Date.now();
    for (let n = 0; n < 6; n += 1) await enqueueJob(db.db, { kind: 'test.slow', payload: { n } });
    await waitFor(async () => running > 0);
    expect(Date.now() - started).toBeLessThan(2000);
    await waitFor(async () => done.length >= 3);
    await runner.stop();
    expect(most).toBe(3);
    const rows = await db.db.select().from(jobs);
    // Whatever it had started finished and was marked done; nothing was left running.
    expect(rows.filter((row) => row.status === 'RUNNING')).toEqual([]);
    expect(rows.filter((row) => row.status === 'DONE').length).toBe(done.length);
  });
});
