import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase } from '../../test/test-database.js';
import { testEngine } from '../../test/test-engine.js';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open-configured-database.js';
import { users } from '../modules/auth/auth.schema.js';
import { verifyPassword } from '../modules/auth/password.js';
import { SERVER_ROOT } from '../paths.js';

describe('npm run user:create', () => {
  let env: Record<string, string>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    if (testEngine() === 'pglite') {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-cli-'));
      env = { DATA_DIR: dataDir };
      dispose = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const database = await createPostgresTestDatabase();
      env = { DATABASE_URL: database.url, ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64') };
      dispose = database.drop;
    }
  });
  afterAll(async () => dispose());

  const run = (args: string[], stdin: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/create-user.ts', ...args], {
      cwd: SERVER_ROOT,
      input: stdin,
      encoding: 'utf8',
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });

  it('should create a user with the password read from standard input', async () => {
    const result = run(['--email', 'Owner@Example.com', '--role', 'admin', '--name', 'Olive Owner'], 'owner-password-1\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created admin owner@example\.com/);

    const { database, release } = await openConfiguredDatabase(loadConfig(env));
    try {
      const [row] = await database.db.select().from(users).where(eq(users.email, 'owner@example.com'));
      expect(row).toMatchObject({ name: 'Olive Owner', role: 'admin', isActive: true });
      expect(await verifyPassword('owner-password-1', row?.passwordHash ?? '')).toBe(true);
    } finally {
      await release();
    }
  });

  it('should refuse bad arguments, naming each, and create nothing', () => {
    const result = run(['--email', 'not-an-email', '--role', 'chief'], 'short\n');
    expect(result.status).toBe(1);
    for (const flag of ['--email', '--role', '--password']) expect(result.stderr).toContain(flag);
  });
});
