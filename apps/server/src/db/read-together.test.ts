import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.js';
import { testEngine } from '../../test/test-engine.js';
import { jobs } from '../modules/jobs/jobs.schema.js';
import { readTogether, selectRows, type Database, type DbOrTx } from './client.js';

type Probe = { n: number; pid: number };

/** A real read that lasts a little while, answering its number and the server connection it ran on. */
function probe(db: DbOrTx, n: number, seconds: number): Promise<Probe[]> {
  return selectRows<Probe>(db, sql`select ${n}::int as n, pg_backend_pid() as pid from (select pg_sleep(${seconds})) slept`);
}

/** Runs `read`, writing into `log` when it starts and when its answer has come back. */
async function logged<T>(log: string[], name: string, read: () => PromiseLike<T>): Promise<T> {
  log.push(`${name} started`);
  const result = await read();
  log.push(`${name} ended`);
  return result;
}

describe('readTogether: independent reads, at once on the pool, in turn on a transaction', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('should run the reads one after another inside a transaction, each seeing its writes, and answer them in order', async () => {
    const log: string[] = [];
    const [first, jobRows, third] = await database.db.transaction(async (tx) => {
      await tx.insert(jobs).values({ kind: 'test.read-together', payload: { n: 1 }, dedupeKey: 'read-together-tx' });
      return readTogether(tx, [
        () => logged(log, 'first', () => probe(tx, 1, 0.03)),
        () => logged(log, 'jobs', () => tx.select({ kind: jobs.kind, payload: jobs.payload }).from(jobs).where(eq(jobs.dedupeKey, 'read-together-tx'))),
        () => logged(log, 'third', () => probe(tx, 3, 0.01)),
      ]);
    });

    expect(log).toEqual(['first started', 'first ended', 'jobs started', 'jobs ended', 'third started', 'third ended']);
    expect(first.map((row) => row.n)).toEqual([1]);
    expect(jobRows).toEqual([{ kind: 'test.read-together', payload: { n: 1 } }]);
    expect(third.map((row) => row.n)).toEqual([3]);
    // One transaction, one connection.
    expect(third[0]!.pid).toBe(first[0]!.pid);
    expectTypeOf(first).toEqualTypeOf<Probe[]>();
    expectTypeOf(jobRows).toEqualTypeOf<{ kind: string; payload: Record<string, unknown> }[]>();
  });

  it('should start every read at once outside a transaction and still answer each in the order given, with its own type', async () => {
    const log: string[] = [];
    const { db } = database;
    const [slow, count, fast, nothing] = await readTogether(db, [
      () => logged(log, 'slow', () => probe(db, 1, 0.1)),
      () => logged(log, 'count', () => db.select({ n: sql<number>`count(*)::int` }).from(jobs)),
      () => logged(log, 'fast', () => probe(db, 2, 0)),
      () => null,
    ]);

    expect(log.slice(0, 3)).toEqual(['slow started', 'count started', 'fast started']);
    expect(log).toHaveLength(6);
    expect(slow.map((row) => row.n)).toEqual([1]);
    expect(count).toEqual([{ n: expect.any(Number) }]);
    expect(fast.map((row) => row.n)).toEqual([2]);
    expect(nothing).toBeNull();
    expectTypeOf(slow).toEqualTypeOf<Probe[]>();
    expectTypeOf(count).toEqualTypeOf<{ n: number }[]>();
    expectTypeOf(nothing).toEqualTypeOf<null>();
    if (testEngine() === 'postgres') {
      // The pool lends each read its own connection: the slow one still holds its own while the fast one runs.
      expect(fast[0]!.pid).not.toBe(slow[0]!.pid);
    }
  });

  it('should stop at a read that fails inside a transaction, starting none after it, and roll the transaction back', async () => {
    const log: string[] = [];
    const attempt = database.db.transaction(async (tx) => {
      await tx.insert(jobs).values({ kind: 'test.read-together', payload: {}, dedupeKey: 'read-together-failed' });
      return readTogether(tx, [
        () => logged(log, 'first', () => probe(tx, 1, 0)),
        () => logged(log, 'broken', () => selectRows(tx, sql`select * from no_such_table`)),
        () => logged(log, 'third', () => probe(tx, 3, 0)),
      ]);
    });

    await expect(attempt).rejects.toThrow();
    expect(log).toEqual(['first started', 'first ended', 'broken started']);
    expect(await database.db.select().from(jobs).where(eq(jobs.dedupeKey, 'read-together-failed'))).toEqual([]);
  });
});
