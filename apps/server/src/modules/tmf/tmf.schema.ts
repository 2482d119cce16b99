import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * `Idempotency-Key`s of TM Forum API creates (POST customer, productOrder …): the same key from the
 * same caller (API key or user) gives back the resource its first request made, never a second one.
 * Owned by the TMF module (`kernel/idempotency.ts`).
 */
export const tmfIdempotencyKeys = pgTable(
  'tmf_idempotency_keys',
  {
    /** Who sent the key: `api_key:<id>` or `user:<id>`; keys of different callers never meet. */
    scope: text('scope').notNull(),
    /** What kind of resource the key made: `customer`, `productOrder` …; a key is per resource type. */
    resourceType: text('resource_type').notNull(),
    key: text('key').notNull(),
    /** The id of the resource the first request made. */
    resourceId: text('resource_id').notNull(),
    /** A digest of the first request's body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.resourceType, t.key] })],
);
