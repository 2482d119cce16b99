import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { jobs } from '../jobs.schema.js';

export type JobRow = typeof jobs.$inferSelect;

/** A job by its dedupe key (what a flow enqueued it under), or null. */
export async function findJob(options: { db: DbOrTx; dedupeKey: string }): Promise<JobRow | null> {
  const [row] = await options.db.select().from(jobs).where(eq(jobs.dedupeKey, options.dedupeKey));
  return row ?? null;
}
