import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { startThrowawayPostgres } from '../apps/server/test/throwaway-postgres.js';

/** One database engine a benchmark runs on: opened and migrated. */
export type BenchEngine = {
  name: 'postgres' | 'pglite';
  database: Database;
  /** PostgreSQL only: the server's URL and port (for `postgresCpuSeconds`); null on PGlite. */
  postgresUrl: string | null;
  postgresPort: string | null;
  /** PGlite only: the data folder; null on PostgreSQL. */
  dataDir: string | null;
};

export type EngineOptions = {
  /** A database on a server of your own instead of a throwaway PostgreSQL 15 server (kept after the run). */
  postgresUrl?: string | undefined;
  /** Connect to the throwaway server through its Unix socket (as an app on the same host would) instead of TCP. */
  unixSocket?: boolean;
  /** A PGlite folder to keep (reused when it exists) instead of a temporary one. */
  pgliteDir?: string | undefined;
  /** The temporary PGlite folder's name prefix, e.g. `linedesk-bench-inventory-`. */
  tmpPrefix: string;
  log?: (line: string) => void;
};

/**
 * Runs `measure` on each engine named in `engines` (`postgres,pglite`), in turn: a throwaway PostgreSQL
 * server (or `postgresUrl`) or a PGlite data folder (temporary, or `pgliteDir`), opened and migrated;
 * afterwards the database is closed and whatever was started for the run is stopped and removed.
 */
export async function forEachEngine<T>(engines: string | undefined, options: EngineOptions, measure: (engine: BenchEngine) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const name of (engines ?? '').split(',').filter(Boolean)) {
    if (name !== 'postgres' && name !== 'pglite') throw new Error(`unknown engine ${name}: use postgres and/or pglite`);
    results.push(await onEngine(name, options, measure));
  }
  return results;
}

async function onEngine<T>(name: 'postgres' | 'pglite', options: EngineOptions, measure: (engine: BenchEngine) => Promise<T>): Promise<T> {
  if (name === 'postgres') {
    const throwaway = options.postgresUrl ? null : await startThrowawayPostgres();
    const url = options.postgresUrl ?? (options.unixSocket ? throwaway!.socketUrl : throwaway!.url);
    try {
      const database = await openDatabase({ kind: 'postgres', url });
      try {
        await runMigrations(database);
        return await measure({ name, database, postgresUrl: url, postgresPort: new URL(url).port || '5432', dataDir: null });
      } finally {
        await database.close();
      }
    } finally {
      throwaway?.stop();
    }
  }
  const kept = options.pgliteDir ? path.resolve(options.pgliteDir) : null;
  if (kept) options.log?.(`pglite: ${existsSync(kept) ? 'reusing' : 'making'} ${kept}`);
  const dataDir = kept ?? mkdtempSync(path.join(os.tmpdir(), options.tmpPrefix));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await runMigrations(database);
      return await measure({ name, database, postgresUrl: null, postgresPort: null, dataDir });
    } finally {
      await database.close();
    }
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}
