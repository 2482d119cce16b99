import type { TCreateApiKeyInput, TCreatedApiKey } from '@linedesk/domain';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { newApiKey } from '../api-key-token.js';
import { auditableApiKey, toApiKey } from '../api-keys.mapper.js';
import { apiKeys, type ApiKeyRow } from '../api-keys.schema.js';

/** An admin creates a key; the answer carries the key itself, which is never shown again. */
export async function createApiKey(options: { db: DbOrTx; audit: AuditContext; input: TCreateApiKeyInput }): Promise<TCreatedApiKey> {
  const { db, audit, input } = options;
  let created: { row: ApiKeyRow; key: string };
  try {
    created = await db.transaction(async (tx) => {
      const [sameName] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(sql`lower(${apiKeys.name}) = lower(${input.name})`);
      if (sameName) throw nameTaken(input.name);
      let generated = newApiKey();
      // 36^8 prefixes make a repeat all but impossible; should one come, draw again rather than fail.
      while ((await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.prefix, generated.prefix))).length) generated = newApiKey();
      const [row] = await tx
        .insert(apiKeys)
        .values({
          name: input.name,
          prefix: generated.prefix,
          keyHash: generated.keyHash,
          role: input.role,
          createdBy: audit.actorUserId,
          createdByLabel: audit.actorLabel,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAudit(tx, audit, { entityType: 'api_key', entityId: row.id, action: 'create', after: auditableApiKey(row) });
      return { row, key: generated.key };
    });
  } catch (error) {
    // Two admins naming two keys alike at the same moment: the unique index decides, and says so by field.
    const code = (error as { cause?: { code?: unknown }; code?: unknown }).cause?.code ?? (error as { code?: unknown }).code;
    if (code === '23505') throw nameTaken(input.name);
    throw error;
  }
  const [creator] = audit.actorUserId ? await findUsers({ db, ids: [audit.actorUserId] }) : [];
  return { apiKey: toApiKey(created.row, creator?.name), key: created.key };
}

function nameTaken(name: string): AppError {
  return AppError.field('ALREADY_EXISTS', 'body.name', 'unique', `An API key named ${name} already exists (revoked keys keep their names)`);
}
