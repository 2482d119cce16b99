import type { TApiKey } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { auditableApiKey, toApiKey } from '../api-keys.mapper.js';
import { apiKeys } from '../api-keys.schema.js';

/**
 * Revokes a key: every later request with it is refused. Revoking a key already revoked changes
 * nothing (a double click, a retry) and answers the key as it is.
 */
export async function revokeApiKey(options: { db: DbOrTx; audit: AuditContext; id: string }): Promise<TApiKey> {
  const { db, audit, id } = options;
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND', `No API key with id ${id}`);
    if (before.revokedAt) return before;
    const [after] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning();
    if (!after) throw new Error('update returned no row');
    await recordAudit(tx, audit, {
      entityType: 'api_key',
      entityId: id,
      action: 'revoke',
      before: auditableApiKey(before),
      after: auditableApiKey(after),
    });
    return after;
  });
  const [creator] = row.createdBy ? await findUsers({ db, ids: [row.createdBy] }) : [];
  return toApiKey(row, creator?.name);
}
