import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roleEnum, users } from '../auth/auth.schema.js';

/**
 * An integrator's API key. The key itself is never stored: only the SHA-256 of the whole key, and its
 * short prefix in clear to find the row and to recognise the key in lists. Keys are revoked, never
 * deleted, so the audit trail's "API key <name>" always names a row.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull().unique(),
    keyHash: text('key_hash').notNull(),
    role: roleEnum('role').notNull(),
    /** The admin who created it; null when an admin's API key did, named by `createdByLabel`. */
    createdBy: uuid('created_by').references(() => users.id),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Written at most once a minute per key, so a busy integrator does not write on every call. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // Names are what audit rows show ("API key Dealer portal"): one name, one key, ever.
    uniqueIndex('api_keys_name_unique').on(sql`lower(${t.name})`),
    index('api_keys_created_at').on(t.createdAt),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
