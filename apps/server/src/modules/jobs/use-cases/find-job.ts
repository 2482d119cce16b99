import { eq, sql } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { jobs } from '../jobs.schema.js';

export type JobRow = typeof jobs.$inferSelect;

// Read by the order page of an order waiting for its carrier: built once, sent by name.
const findByKey = namedQuery('find_job_by_dedupe_key', (db) => db.select().from(jobs).where(eq(jobs.dedupeKey, sql.placeholder('dedupeKey'))));

/** A job by its dedupe key (what a flow enqueued it under), or null. */
export async function findJob(options: { db: DbOrTx; dedupeKey: string }): Promise<JobRow | null> {
  const [row] = await findByKey(options.db, { dedupeKey: options.dedupeKey });
  return row ?? null;
}
