import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The one database type every module codes against, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Use cases take either, so a flow can run several of them in one transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export type Database = {
  kind: DatabaseTarget['kind'];
  db: Db;
  /** The raw engine, for the migrator and for tests that clone a template. */
  engine: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };
  close(): Promise<void>;
};

/** Rows of a raw SQL query; both drivers answer with a `rows` array. */
export async function selectRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** What `readTogether` answers: each read's own result, in the order given. */
export type ReadResults<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: T[K] extends () => infer R ? Awaited<R> : never };

/**
 * Independent reads, each given as a thunk (`() => db.select()…`) so it starts only when called: all at
 * once on the pool, one after another on a transaction, because a transaction holds one connection and
 * node-postgres refuses a query sent while that connection still runs another.
 */
export async function readTogether<const T extends readonly (() => unknown)[]>(db: DbOrTx, reads: T): Promise<ReadResults<T>> {
  if (db instanceof PgTransaction) {
    const results: unknown[] = [];
    for (const read of reads) results.push(await read());
    return results as ReadResults<T>;
  }
  return (await Promise.all(reads.map((read) => read()))) as ReadResults<T>;
}

/**
 * A statement sent by name, for the hot paths. On PostgreSQL each pooled connection parses and plans
 * it once, then only binds and runs it; and nothing is built per call. On PGlite it runs as any other
 * query. One name, one text: build the text once, at module load, with `$1`… parameters, and pass a
 * varying number of values as arrays or JSON rather than a list whose length changes the text.
 * Timestamps come back as strings on both engines, jsonb parsed; cast bigint results to int or text
 * (the two drivers read int8 differently).
 */
export function namedStatement<Row>(name: string, text: string): (db: DbOrTx, params: unknown[]) => Promise<Row[]> {
  return async (db, params) => {
    const result = (await db._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute()) as { rows: Row[] };
    return result.rows;
  };
}

/** What a Drizzle query builder's `.prepare(name)` answers (select, insert, update, delete). */
type PreparableQuery = { prepare(name: string): { execute(values?: Record<string, unknown>): Promise<unknown> } };
type PreparedResult<Q extends PreparableQuery> = Awaited<ReturnType<ReturnType<Q['prepare']>['execute']>>;

/**
 * A Drizzle query built once, then sent by name as `namedStatement` sends its text, its rows mapped by
 * Drizzle exactly as `.prepare(name).execute(values)` maps them (columns' types, dates, nested selections).
 * Building a query (its SQL text and selection) costs Node more than sending it, and the hot paths
 * (an order sent, submitted and completed) run the same few queries again and again. `build` runs once,
 * at the first call, with that call's database: every value that changes between calls must be a
 * `sql.placeholder('…')`, passed in `values` (anything else is frozen into the statement).
 */
export function namedQuery<Q extends PreparableQuery>(name: string, build: (db: DbOrTx) => Q): (db: DbOrTx, values?: Record<string, unknown>) => Promise<PreparedResult<Q>> {
  type Prepared = { getQuery(): { sql: string; params: unknown[] }; fields?: unknown; joinsNotNullableMap?: unknown; execute(values?: Record<string, unknown>): Promise<unknown> };
  let built: { query: { sql: string; params: unknown[] }; fields: unknown; joinsNotNullableMap: unknown } | null = null;
  return async (db, values = {}): Promise<PreparedResult<Q>> => {
    if (!built) {
      const first = build(db).prepare(name) as unknown as Prepared;
      built = { query: first.getQuery(), fields: first.fields, joinsNotNullableMap: first.joinsNotNullableMap };
    }
    const session = db._.session as unknown as { prepareQuery(query: { sql: string; params: unknown[] }, fields: unknown, name: string, isResponseInArrayMode: boolean): Prepared };
    const prepared = session.prepareQuery(built.query, built.fields, name, true);
    prepared.joinsNotNullableMap = built.joinsNotNullableMap;
    const rows: unknown = await prepared.execute(values);
    return rows as PreparedResult<Q>;
  };
}

export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch };

/** Opens embedded PGlite (a data folder, or memory when `dataDir` is null) or a node-postgres pool. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    return wrapPostgres(pool);
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = await PGlite.create(target.dataDir ?? undefined, { extensions: PGLITE_EXTENSIONS });
  return wrapPglite(client);
}

export function wrapPglite(client: PGlite): Database {
  return wrap(drizzlePglite(client, { schema }) as unknown as Db, { kind: 'pglite', client }, () => client.close());
}

export function wrapPostgres(pool: pg.Pool): Database {
  return wrap(drizzleNodePg(pool, { schema }) as unknown as Db, { kind: 'postgres', pool }, () => pool.end());
}

function wrap(db: Db, engine: Database['engine'], close: () => Promise<void>): Database {
  return { kind: engine.kind, db, engine, close };
}
