import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../../apps/server/src/config.js';
import { openDatabase, type Database } from '../../../apps/server/src/db/client.js';
import { secretBoxFor, type SecretBox } from '../../../apps/server/src/security/secret-box.js';
import type { ProcessEnv } from '../../support/server-process.js';

/**
 * A database of its own on the test's PostgreSQL server, with the ENCRYPTION_KEY every process on it
 * shares (`env` is what a server or worker is started with), and this test's own connection to it.
 * The first server started on it migrates it (and seeds it in demo mode).
 */
export type ProcessDatabase = {
  url: string;
  env: ProcessEnv;
  /** The same configuration and secrets as the processes, for the server's use-cases run in this process. */
  config: Config;
  secrets: SecretBox;
  database: Database;
  close(): Promise<void>;
};

export async function createProcessDatabase(serverUrl: string, name: string): Promise<ProcessDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const env = { DATABASE_URL: url, ENCRYPTION_KEY: randomBytes(32).toString('base64') };
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  const database = await openDatabase(config.database);
  return { url, env, config, secrets: secretBoxFor(config), database, close: () => database.close() };
}
