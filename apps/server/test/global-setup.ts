import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, wrapPostgres } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { startThrowawayPostgres } from './throwaway-postgres.js';
import { TEMPLATE_DATABASE } from './test-engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

/**
 * Migrates one template database per run; each test file then starts from a copy of it. On PGlite
 * the template is a dumped data folder; on PostgreSQL a template database on a throwaway server
 * (or on TEST_DATABASE_URL's server when given).
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Global setup runs outside the test workers, so the engine comes from the project, not the env.
  if (project.name.endsWith('pglite')) {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await runMigrations(database);
    if (database.engine.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await database.engine.client.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `linedesk-template-${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgliteTemplate', file);
    project.provide('postgresUrl', '');
    return async () => undefined;
  }

  const server = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres();
  const url = process.env.TEST_DATABASE_URL ?? server?.url ?? '';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const template = wrapPostgres(new pg.Pool({ connectionString: withDatabase(url, TEMPLATE_DATABASE), max: 1 }));
  await runMigrations(template);
  await template.close();
  await admin.end();
  project.provide('pgliteTemplate', '');
  project.provide('postgresUrl', url);
  return async () => server?.stop();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
