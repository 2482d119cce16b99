import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import { addAuditListener, type AuditContext, type AuditListener, type WrittenAuditRow } from '../../audit/record-audit.js';
import { enqueueJob } from '../../jobs/use-cases/enqueue-job.js';
import { replaceQueuedJobPayload } from '../../jobs/use-cases/replace-queued-job-payload.js';
import { eventSourcesOf } from './event-sources.js';
import { apisWithHubs } from './hub-cache.js';
import { tmfEventsJob, type TmfEventRow, type TmfEventsPayload } from './tmf-event-jobs.js';

// The events job already enqueued by a transaction, so its later audit inserts join it: one job per transaction.
const openJobs = new WeakMap<DbOrTx, { jobId: string; payload: TmfEventsPayload }>();

/**
 * Turns the audit rows a change writes into TMF events, in the change's transaction. Costs nothing when
 * the rows are about records no TMF resource shows, or no hub listens to their API (the hub memory is
 * read at most once every few seconds); otherwise one `tmf.events` job per transaction carries the rows.
 */
export const tmfAuditListener: AuditListener = async (db, context, rows) => {
  let shown: WrittenAuditRow[] | null = null;
  for (const row of rows) if (eventSourcesOf(row.entityType).length > 0) (shown ??= []).push(row);
  if (!shown) return;
  const apis = await apisWithHubs(db);
  if (apis.size === 0) return;
  const at = new Date().toISOString();
  const eventRows = shown.filter((row) => eventSourcesOf(row.entityType).some((source) => apis.has(source.api))).map((row) => eventRowOf(row, at, context));
  if (eventRows.length === 0) return;

  const inTransaction = db instanceof PgTransaction;
  const open = inTransaction ? openJobs.get(db) : undefined;
  if (open) {
    const payload = { ...open.payload, rows: [...open.payload.rows, ...eventRows] };
    if (await replaceQueuedJobPayload(db, { id: open.jobId, payload })) {
      open.payload = payload;
      return;
    }
  }
  const payload: TmfEventsPayload = { correlationId: context.requestId, rows: eventRows };
  const jobId = await enqueueJob(db, tmfEventsJob(payload));
  if (jobId && inTransaction) openJobs.set(db, { jobId, payload });
};

function eventRowOf(row: WrittenAuditRow, at: string, context: AuditContext): TmfEventRow {
  const states: TmfEventRow['states'] = {};
  for (const source of eventSourcesOf(row.entityType)) {
    const field = source.state?.auditField;
    const change = field ? row.changes[field] : undefined;
    if (field && change) states[field] = change;
  }
  // A row written for another request than the insert's context (Sends or callbacks written together) keeps its own.
  const own = row.requestId !== context.requestId ? { correlationId: row.requestId } : {};
  return { entityType: row.entityType, entityId: row.entityId, action: row.action, fields: Object.keys(row.changes), states, at, ...own };
}

let registered = false;

/** Starts turning audited changes into TMF events in this process (the server and every worker call it; once is enough). */
export function registerTmfEventListener(): void {
  if (registered) return;
  registered = true;
  addAuditListener(tmfAuditListener);
}
