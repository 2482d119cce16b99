import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * TM Forum event subscriptions (`POST /tmf-api/<api>/hub`): each asks for the events of one API to be
 * POSTed to `callback`, optionally only those its `query` matches. Owned by the TMF events module.
 */
export const tmfHubs = pgTable(
  'tmf_hubs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which TMF API's events, by its path: `productOrderingManagement/v4`. */
    api: text('api').notNull(),
    /** The absolute http(s) URL events are POSTed to. */
    callback: text('callback').notNull(),
    /** The subscriber's filter, as given (`eventType=A,B&field=value`); null for every event of the API. */
    query: text('query'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who registered it: the user's email or `API key <name>`. */
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('tmf_hubs_api').on(t.api)],
);

export type TmfHubRow = typeof tmfHubs.$inferSelect;
