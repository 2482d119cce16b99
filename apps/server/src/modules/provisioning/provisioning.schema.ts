import { CARRIER_MESSAGE_DIRECTIONS } from '@linedesk/domain';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const SUBMISSION_STATUSES = ['QUEUED', 'ACCEPTED', 'FINISHED', 'REJECTED', 'ABANDONED'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const submissionStatusEnum = pgEnum('submission_status', SUBMISSION_STATUSES);
export const carrierMessageDirectionEnum = pgEnum('carrier_message_direction', CARRIER_MESSAGE_DIRECTIONS);

/**
 * One Send of an order to its carrier. `submission_key` is the stable idempotency key the carrier sees:
 * every retry of this send (a worker crash, a timeout) carries the same key, so the carrier activates once.
 * A resend after Error is a new submission (attempt + 1) with a new key, except after a send we gave up on
 * without an answer (ABANDONED): the carrier may have taken it, so the resend carries the same key again
 * (a key may then belong to several attempts; a lookup by key takes the newest).
 */
export const carrierSubmissions = pgTable(
  'carrier_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    attempt: integer('attempt').notNull(),
    carrierCode: text('carrier_code').notNull(),
    submissionKey: text('submission_key').notNull(),
    /** The Idempotency-Key of the Send request that made it ("auto:…" for flow-through). */
    idempotencyKey: text('idempotency_key').notNull(),
    status: submissionStatusEnum('status').notNull().default('QUEUED'),
    /** The carrier's request id, once it accepted the submission. */
    requestId: text('request_id'),
    /** The newest carrier `sequence` applied: an older or repeated one changes nothing. */
    lastSequence: integer('last_sequence').notNull().default(-1),
    errorCode: text('error_code'),
    errorText: text('error_text'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('carrier_submissions_order_attempt').on(t.orderId, t.attempt),
    uniqueIndex('carrier_submissions_order_idempotency').on(t.orderId, t.idempotencyKey),
    index('carrier_submissions_request').on(t.carrierCode, t.requestId),
    index('carrier_submissions_key').on(t.submissionKey, t.attempt),
  ],
);

/** Every request, response, callback and status check exchanged with a carrier, secrets redacted ("View Carrier Order"). */
export const carrierMessages = pgTable(
  'carrier_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    submissionId: uuid('submission_id'),
    attempt: integer('attempt').notNull(),
    direction: carrierMessageDirectionEnum('direction').notNull(),
    operation: text('operation').notNull(),
    httpStatus: integer('http_status'),
    summary: text('summary').notNull(),
    payload: jsonb('payload'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('carrier_messages_order').on(t.orderId, t.at)],
);

/** Callback events already taken, per carrier: a replayed or duplicated event is acknowledged without effect. */
export const carrierEvents = pgTable(
  'carrier_events',
  {
    carrierCode: text('carrier_code').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.carrierCode, t.eventId] })],
);
