import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Database } from '../apps/server/src/db/client.js';
import { SYSTEM_ACTOR } from '../apps/server/src/modules/audit/record-audit.js';
import { sessions } from '../apps/server/src/modules/auth/auth.schema.js';
import { SESSION_COOKIE, newSessionToken } from '../apps/server/src/modules/auth/session-token.js';
import { createUser } from '../apps/server/src/modules/auth/use-cases/create-user.js';
import { createSecretBox } from '../apps/server/src/security/secret-box.js';
import type { TestApp } from '../apps/server/test/test-app.js';

/** The key the benchmarks seal secrets with (as the tests do). */
export const BENCH_ENCRYPTION_KEY = Buffer.alloc(32, 7);

/**
 * The app in-process on a database the caller opened (see engines.ts), as the tests build it
 * (test-app.ts) without vitest; `env` adds settings. `close` closes the app, not the database.
 */
export async function benchApp(database: Database, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', ...env });
  const secrets = createSecretBox(BENCH_ENCRYPTION_KEY);
  const app = await buildApp({ database, config, secrets });
  await app.ready();
  let counter = 0;
  return {
    app,
    database,
    config,
    secrets,
    request: ({ session, headers, ...options }) =>
      app.inject({ ...options, headers: { host: 'linedesk.bench', origin: 'http://linedesk.bench', ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}), ...headers } }),
    createUser: async (role, overrides = {}) => {
      counter += 1;
      // Unique per run too, so a rerun on a kept database finds the email free.
      const input = { email: overrides.email ?? `${role}${counter}-${Date.now()}@bench.example.com`, name: overrides.name ?? `Bench ${role} ${counter}`, role, password: 'bench-password-1' };
      const user = await createUser({ db: database.db, audit: SYSTEM_ACTOR, input });
      return { id: user.id, email: user.email, role: user.role };
    },
    sessionFor: async (user) => {
      const { token, tokenHash } = newSessionToken();
      await database.db.insert(sessions).values({ tokenHash, userId: user.id, expiresAt: new Date(Date.now() + 24 * 3_600_000) });
      return token;
    },
    close: async () => {
      await app.close();
    },
  };
}
