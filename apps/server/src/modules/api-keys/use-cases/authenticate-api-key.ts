import type { Role } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { apiKeyPrefixOf, hashApiKey, sameKeyHash } from '../api-key-token.js';
import { apiKeyStatus } from '../api-keys.mapper.js';
import { apiKeys } from '../api-keys.schema.js';

/** Who a request presenting a valid API key is: the key's name and role. */
export type ApiKeyPrincipal = { id: string; name: string; role: Role; lastUsedAt: Date | null; expiresAt: Date | null };

/** A key is accepted, or refused with the reason the caller is told (a wrong key learns nothing more). */
export type ApiKeyCheck = { ok: true; key: ApiKeyPrincipal } | { ok: false; reason: string };

export const INVALID_API_KEY = 'This API key is not valid';

/** Checks a presented key against its row, found by prefix; the hashes are compared in constant time. */
export async function authenticateApiKey(options: { db: DbOrTx; key: string; now?: Date }): Promise<ApiKeyCheck> {
  const { db, key } = options;
  const prefix = apiKeyPrefixOf(key);
  if (!prefix) return { ok: false, reason: `${INVALID_API_KEY}: an API key looks like ldk_<prefix>_<secret>` };
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
  if (!row || !sameKeyHash(row.keyHash, hashApiKey(key))) return { ok: false, reason: INVALID_API_KEY };
  const status = apiKeyStatus(row, options.now);
  if (status === 'revoked') return { ok: false, reason: `This API key (${row.name}) was revoked on ${row.revokedAt?.toISOString()}` };
  if (status === 'expired') return { ok: false, reason: `This API key (${row.name}) expired on ${row.expiresAt?.toISOString()}` };
  return { ok: true, key: { id: row.id, name: row.name, role: row.role, lastUsedAt: row.lastUsedAt, expiresAt: row.expiresAt } };
}
