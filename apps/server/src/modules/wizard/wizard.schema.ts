import { DRAFT_STATUSES } from '@linedesk/domain';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.schema.js';
import type { DraftData } from './draft-data.js';

export const draftStatusEnum = pgEnum('wizard_draft_status', DRAFT_STATUSES);

/** A New Customer Wizard in progress: every saved step in one document (secrets sealed inside it). */
export const wizardDrafts = pgTable(
  'wizard_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: draftStatusEnum('status').notNull().default('OPEN'),
    data: jsonb('data').$type<DraftData>().notNull(),
    title: text('title').notNull().default('New customer'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set once, by Create Order: what the draft became. */
    customerId: uuid('customer_id'),
    orderId: uuid('order_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [index('wizard_drafts_open').on(t.status, t.expiresAt)],
);
