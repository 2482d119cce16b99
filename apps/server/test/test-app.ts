import type { Role } from '@linedesk/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { sessions } from '../src/modules/auth/auth.schema.js';
import { SESSION_COOKIE, newSessionToken } from '../src/modules/auth/session-token.js';
import { createUser } from '../src/modules/auth/use-cases/create-user.js';
import { SYSTEM_ACTOR } from '../src/modules/audit/record-audit.js';
import { createSecretBox, type SecretBox } from '../src/security/secret-box.js';
import { createTestDatabase } from './test-database.js';

export const TEST_HOST = 'linedesk.test';
export const TEST_ORIGIN = `http://${TEST_HOST}`;
export const TEST_PASSWORD = 'correct-horse-battery';

export type TestUser = { id: string; email: string; role: Role };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  secrets: SecretBox;
  /** A request as the browser app makes it: same-origin, with the given session cookie if any. */
  request(options: InjectOptions & { session?: string | null }): Promise<LightMyRequestResponse>;
  createUser(role: Role, overrides?: { email?: string; name?: string }): Promise<TestUser>;
  /** A fresh session for a user, as sign-in would open it; returns the cookie value. */
  sessionFor(user: TestUser): Promise<string>;
  close(): Promise<void>;
};

let counter = 0;

/**
 * The whole app on a fresh database. `beforeReady` may add routes a test needs (e.g. a tiny route
 * exercising shared helpers) before the app starts.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { beforeReady?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', ...env });
  const secrets = createSecretBox(Buffer.alloc(32, 7));
  const app = await buildApp({ database, config, secrets });
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    secrets,
    request: ({ session, headers, ...options }) =>
      app.inject({
        ...options,
        headers: {
          host: TEST_HOST,
          origin: TEST_ORIGIN,
          ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}),
          ...headers,
        },
      }),
    createUser: async (role, overrides = {}) => {
      counter += 1;
      const user = await createUser({
        db: database.db,
        audit: SYSTEM_ACTOR,
        input: {
          email: overrides.email ?? `${role}${counter}@example.com`,
          name: overrides.name ?? `Test ${role} ${counter}`,
          role,
          password: TEST_PASSWORD,
        },
      });
      return { id: user.id, email: user.email, role: user.role };
    },
    sessionFor: async (user) => {
      const { token, tokenHash } = newSessionToken();
      await database.db.insert(sessions).values({ tokenHash, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
      return token;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}
