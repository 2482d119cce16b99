import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { PGLITE_EXTENSIONS, wrapPglite, wrapPostgres, type Database } from '../src/db/client.js';
import { withDatabase } from './global-setup.js';
import { TEMPLATE_DATABASE, testEngine } from './test-engine.js';

/** A fresh, migrated database of this project's engine; `close()` throws it away. */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') {
    const dump = readFileSync(inject('pgliteTemplate'));
    const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
    return wrapPglite(client);
  }
  const url = inject('postgresUrl');
  const name = `linedesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const database = wrapPostgres(new pg.Pool({ connectionString: withDatabase(url, name), max: 5 }));
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
