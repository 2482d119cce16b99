import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFixture } from '../../test/catalog-fixture.js';
import { createPostgresTestDatabase } from '../../test/test-database.js';
import { testEngine } from '../../test/test-engine.js';
import { SERVER_ROOT } from '../paths.js';

describe('npm run catalog:import and catalog:export', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'linedesk-catalog-cli-'));
  let env: Record<string, string>;
  let dispose: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    if (testEngine() === 'pglite') env = { DATA_DIR: path.join(work, 'data') };
    else {
      const database = await createPostgresTestDatabase();
      env = { DATABASE_URL: database.url, ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64') };
      dispose = database.drop;
    }
  });
  afterAll(async () => {
    await dispose();
    rmSync(work, { recursive: true, force: true });
  });

  // As npm runs it: in the server workspace, with INIT_CWD where the command was typed.
  const run = (script: string, file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, file], {
      cwd: SERVER_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env, INIT_CWD: work, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });

  it('should import a document relative to where the command was typed, idempotently', () => {
    writeFileSync(path.join(work, 'catalog.json'), JSON.stringify(catalogFixture()));
    const first = run('import-catalog', 'catalog.json');
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/16 created, 0 updated, 0 unchanged/);
    expect(run('import-catalog', 'catalog.json').stdout).toMatch(/0 created, 0 updated, 16 unchanged/);
  });

  it('should export what it imported', () => {
    const result = run('export-catalog', 'out.json');
    expect(result.status).toBe(0);
    const exported = JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8'));
    expect(exported.products.map((p: { code: string }) => p.code).sort()).toEqual(catalogFixture().products.map((p) => p.code).sort());
  });

  it('should refuse an invalid file naming the broken field, importing nothing', () => {
    writeFileSync(path.join(work, 'bad.json'), JSON.stringify({ ...catalogFixture(), products: [{ carrierCode: 'GSM', code: 'X', name: 'X', kind: 'gadget' }] }));
    const result = run('import-catalog', 'bad.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('products.0.kind');
  });
});
