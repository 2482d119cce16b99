import { desc } from 'drizzle-orm';
import { tmfHubApiName, type TTmfHubView } from '@linedesk/domain';
import type { DbOrTx } from '../../../../db/client.js';
import { summarizeJobs } from '../../../jobs/use-cases/summarize-jobs.js';
import { TMF_DELIVERY_JOB } from '../tmf-event-jobs.js';
import { tmfHubs } from '../tmf-hubs.schema.js';

/**
 * Admin: every hub of every API, newest first, each with its deliveries waiting (queued or being
 * retried), given up, and the latest error its callback gave.
 */
export async function listAllHubs(options: { db: DbOrTx }): Promise<TTmfHubView[]> {
  const { db } = options;
  const rows = await db.select().from(tmfHubs).orderBy(desc(tmfHubs.createdAt), desc(tmfHubs.id));
  if (rows.length === 0) return [];
  const deliveries = await summarizeJobs({ db, kind: TMF_DELIVERY_JOB, payloadKey: 'hubId' });
  return rows.map((row) => {
    const summary = deliveries.get(row.id);
    return {
      id: row.id,
      api: row.api,
      apiName: tmfHubApiName(row.api),
      callback: row.callback,
      query: row.query,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      deliveries: {
        waiting: summary?.waiting ?? 0,
        failed: summary?.failed ?? 0,
        lastError: summary?.lastError ?? null,
        lastErrorAt: summary?.lastErrorAt?.toISOString() ?? null,
      },
    };
  });
}
