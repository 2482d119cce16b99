import type { Config } from '../config.js';
import { openDatabase, type Database } from './client.js';
import { lockDataDir } from './data-dir-lock.js';
import { runMigrations } from './migrate.js';

/** Opens the configured database (locking an embedded data folder) and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config): Promise<{ database: Database; release: () => Promise<void> }> {
  const unlock = config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  try {
    const database = await openDatabase(config.database);
    await runMigrations(database);
    return {
      database,
      release: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
