import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { apiKeys } from '../api-keys.schema.js';

/** How stale `last_used_at` may get: a key in use writes its row at most once in this long. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Stamps a key's last use, unless it was stamped less than a minute ago (by this process or another
 * sharing the database), so a busy integrator costs one small write a minute, not one per call.
 */
export async function recordApiKeyUse(options: { db: DbOrTx; id: string; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await options.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, options.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
}
