import type { TFieldError } from '@linedesk/domain';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * TMF622 requests that could not become a LineDesk order (no such customer, no package, a line the catalog
 * refuses): kept so the integrator can read why, as productOrders in state `rejected`. The payload is kept
 * as received, with write-only secrets (port-out PINs) removed.
 */
export const tmfRejectedProductOrders = pgTable(
  'tmf_rejected_product_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Why: each names the request's field and the rule it broke. */
    reasons: jsonb('reasons').$type<TFieldError[]>().notNull(),
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who sent it: a user's email or `API key <name>`. */
    createdByLabel: text('created_by_label').notNull(),
  },
  (t) => [index('tmf_rejected_product_orders_created_at').on(t.createdAt)],
);

/** TMF622 cancelProductOrder requests: `done` when the order was cancelled, else `terminatedWithError` with why not. */
export const tmfCancelProductOrders = pgTable(
  'tmf_cancel_product_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The productOrder named (a LineDesk order's id, or whatever was sent when it names none). */
    productOrderId: text('product_order_id').notNull(),
    cancellationReason: text('cancellation_reason'),
    requestedCancellationDate: timestamp('requested_cancellation_date', { withTimezone: true }),
    state: text('state', { enum: ['done', 'terminatedWithError'] }).notNull(),
    stateReason: text('state_reason'),
    effectiveCancellationDate: timestamp('effective_cancellation_date', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdByLabel: text('created_by_label').notNull(),
  },
  (t) => [index('tmf_cancel_product_orders_created_at').on(t.createdAt), index('tmf_cancel_product_orders_order').on(t.productOrderId)],
);
