import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/test-engine.js';
import { AppError } from '../http/app-error.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { enqueueJobs } from '../modules/jobs/use-cases/enqueue-job.js';
import { changeOrderStatuses } from '../modules/orders/use-cases/change-order-status.js';
import { listLineNumbersPage } from '../modules/orders/use-cases/list-line-numbers-page.js';
import { advanceSubmissions } from '../modules/provisioning/use-cases/advance-submission.js';
import type { SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { openDatabase, type Database } from './client.js';
import { runMigrations } from './migrate.js';

/*
 * `npm start`'s first run opens a new PGlite folder, then migrates it: types the migrations make (the
 * enums) were unknown to PGlite when it opened, so an array of them as a parameter is sent as plain text.
 * The statements that take many values at once must work there too (the test templates are migrated
 * before they are opened, and would not show it).
 */
describe.runIf(testEngine() === 'pglite')('statements with arrays of values, on a database migrated after it was opened', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await runMigrations(database);
  }, 60_000);
  afterAll(async () => database?.close());

  it('should take arrays of statuses, payloads and times without PGlite knowing the enums', async () => {
    const { db } = database;
    const ids = await enqueueJobs(db, [
      { kind: 'test.fresh', payload: { n: 1 }, dedupeKey: 'fresh:1' },
      { kind: 'test.fresh', payload: { n: 2 }, delayMs: 1000 },
    ]);
    expect(ids.every((id) => id !== null)).toBe(true);
    // No such order: refused as a change made meanwhile, not failed by the statement.
    const conflict = await db
      .transaction((tx) => changeOrderStatuses(tx, SYSTEM_ACTOR, [{ orderId: '00000000-0000-4000-8000-000000000001', from: 'READY', to: 'SENT' }]))
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(AppError);
    expect((conflict as AppError).code).toBe('CONFLICT');
    const submission = { id: '00000000-0000-4000-8000-000000000002', status: 'QUEUED', lastSequence: 0, requestId: null, errorCode: null, errorText: null, acceptedAt: null, finishedAt: null } as unknown as SubmissionRow;
    await db.transaction((tx) => advanceSubmissions(tx, SYSTEM_ACTOR, [{ submission, sequence: 2, requestId: 'R-1', progress: { outcome: 'FINISHED' } }]));
    expect(await listLineNumbersPage({ db, offset: 0, limit: 10, lineStatuses: ['ACTIVE', 'PENDING'] })).toEqual({ items: [], total: 0 });
  });
});
