import type { Role } from '@linedesk/domain';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { authenticateApiKey, type ApiKeyCheck } from '../modules/api-keys/use-cases/authenticate-api-key.js';
import { LAST_USED_RESOLUTION_MS, recordApiKeyUse } from '../modules/api-keys/use-cases/record-api-key-use.js';
import { hashApiKey } from '../modules/api-keys/api-key-token.js';
import { AppError } from './app-error.js';
import { createLookupCache } from './lookup-cache.js';

/** An integrator calling with an API key: what audit rows and access checks see instead of a user. */
export type ApiKeyAuth = { id: string; name: string; role: Role };

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The LineDesk API key a request presents (`Authorization: Bearer ldk_…`), or null. A request that
 * presents one is authenticated by it alone, never by a cookie: so it cannot be a cross-site forgery
 * (a browser adds no Authorization header to another site's form post) and skips the Origin check.
 * Other Authorization headers (a proxy's Basic or Bearer credentials) are left alone.
 */
export function presentedApiKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const token = BEARER.exec(header)?.[1];
  return token?.startsWith('ldk_') ? token : null;
}

/** Whether the request carries some other Bearer token, to say why it was not taken as an API key. */
export function presentsForeignBearer(request: FastifyRequest): boolean {
  const header = request.headers.authorization;
  return Boolean(header && BEARER.test(header) && !presentedApiKey(request));
}

/**
 * Checks presented keys. Like sessions, a checked key is trusted for a few seconds in memory; a
 * revocation in this process empties that memory before it answers (`clear`), and another process
 * sharing PostgreSQL sees it within those seconds. Each key's last use is written at most once a minute.
 */
export function createApiKeyAuthenticator(db: Db, ttlMs: number) {
  const checks = createLookupCache<ApiKeyCheck>(ttlMs, (check) => (check.ok && check.key.expiresAt ? check.key.expiresAt.getTime() : null));
  const stamped = new Map<string, number>();

  return {
    /** The key's name and role, or a 401 that says why the key is refused. */
    authenticate: async (key: string): Promise<ApiKeyAuth> => {
      const check = await checks.read(hashApiKey(key), () => authenticateApiKey({ db, key }));
      if (!check.ok) throw new AppError('UNAUTHENTICATED', check.reason);
      const now = Date.now();
      const last = stamped.get(check.key.id) ?? check.key.lastUsedAt?.getTime() ?? 0;
      if (now - last >= LAST_USED_RESOLUTION_MS) {
        stamped.set(check.key.id, now);
        await recordApiKeyUse({ db, id: check.key.id, now: new Date(now) });
      }
      return { id: check.key.id, name: check.key.name, role: check.key.role };
    },
    clear: () => checks.clear(),
  };
}
