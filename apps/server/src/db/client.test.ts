import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.js';
import { jobs } from '../modules/jobs/jobs.schema.js';
import { namedQuery, type Database } from './client.js';

describe('namedQuery: a Drizzle query built once and sent by name', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('should answer exactly what the query built each time answers, for each call’s values, in and out of a transaction, building it once', async () => {
    const { db } = database;
    let builds = 0;
    const insert = namedQuery('test_named_insert', (on) => {
      builds += 1;
      return on
        .insert(jobs)
        .values({ kind: sql.placeholder('kind'), payload: sql.placeholder('payload'), dedupeKey: sql.placeholder('dedupeKey') })
        .returning();
    });
    const first = await insert(db, { kind: 'test.one', payload: JSON.stringify({ n: 1, list: [1, 2] }), dedupeKey: 'named-1' });
    const second = await db.transaction((tx) => insert(tx, { kind: 'test.two', payload: JSON.stringify({ n: 2 }), dedupeKey: 'named-2' }));
    expect(builds).toBe(1);
    expect(first[0]).toMatchObject({ kind: 'test.one', payload: { n: 1, list: [1, 2] }, dedupeKey: 'named-1', status: 'QUEUED', attempts: 0 });
    expect(second[0]).toMatchObject({ kind: 'test.two', payload: { n: 2 }, dedupeKey: 'named-2' });
    expect(first[0]!.createdAt).toBeInstanceOf(Date);

    let selectBuilds = 0;
    const byKey = namedQuery('test_named_select', (on) => {
      selectBuilds += 1;
      return on
        .select({ job: { id: jobs.id, kind: jobs.kind, runAt: jobs.runAt }, payload: jobs.payload, lockedUntil: jobs.lockedUntil })
        .from(jobs)
        .where(eq(jobs.dedupeKey, sql.placeholder('dedupeKey')))
        .for('update');
    });
    const built = (key: string) =>
      db
        .select({ job: { id: jobs.id, kind: jobs.kind, runAt: jobs.runAt }, payload: jobs.payload, lockedUntil: jobs.lockedUntil })
        .from(jobs)
        .where(eq(jobs.dedupeKey, key));
    expect(await byKey(db, { dedupeKey: 'named-1' })).toEqual(await built('named-1'));
    expect(await db.transaction((tx) => byKey(tx, { dedupeKey: 'named-2' }))).toEqual(await built('named-2'));
    expect(await byKey(db, { dedupeKey: 'no-such-key' })).toEqual([]);
    expect(selectBuilds).toBe(1);

    const reschedule = namedQuery('test_named_update', (on) =>
      on
        .update(jobs)
        .set({ runAt: sql`${sql.placeholder('runAt')}`, lastError: sql`${sql.placeholder('error')}` })
        .where(eq(jobs.id, sql.placeholder('id')))
        .returning({ id: jobs.id, runAt: jobs.runAt, lastError: jobs.lastError }),
    );
    const at = new Date('2031-02-03T04:05:06.789Z');
    expect(await reschedule(db, { id: first[0]!.id, runAt: at.toISOString(), error: 'later' })).toEqual([{ id: first[0]!.id, runAt: at, lastError: 'later' }]);
    expect(await reschedule(db, { id: second[0]!.id, runAt: at.toISOString(), error: null })).toEqual([{ id: second[0]!.id, runAt: at, lastError: null }]);
  });
});
