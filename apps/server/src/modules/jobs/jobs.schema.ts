import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const jobStatusEnum = pgEnum('job_status', JOB_STATUSES);

/** Tries a job gets unless it asks for another number. */
export const DEFAULT_JOB_MAX_ATTEMPTS = 10;

/**
 * Durable work (transactional outbox): a job is written in the same transaction as the change that
 * asks for it, and any number of worker processes claim jobs with `FOR UPDATE SKIP LOCKED`. A claim is a
 * lease: a worker that dies leaves its jobs RUNNING with `locked_until` in the past, and another worker
 * takes them again. So a handler may run more than once and must be idempotent (carrier submissions
 * carry a stable key for that).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which handler runs it: "carrier.submit", "carrier.poll" … */
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** At most one job per key (a retry of the same request enqueues nothing new). */
    dedupeKey: text('dedupe_key').unique(),
    status: jobStatusEnum('status').notNull().default('QUEUED'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** Tries so far (a claim counts as one). */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(DEFAULT_JOB_MAX_ATTEMPTS),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // What a worker claims: due queued jobs, and running ones whose lease ran out.
    index('jobs_due').on(t.runAt).where(sql`${t.status} in ('QUEUED', 'RUNNING')`),
    index('jobs_kind_status').on(t.kind, t.status),
  ],
);
