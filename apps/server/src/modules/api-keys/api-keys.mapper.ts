import type { ApiKeyStatus, TApiKey } from '@linedesk/domain';
import type { ApiKeyRow } from './api-keys.schema.js';

export function apiKeyStatus(row: Pick<ApiKeyRow, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): ApiKeyStatus {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** `creatorName`: the creating admin's name as it is now; without one, the label kept at creation. */
export function toApiKey(row: ApiKeyRow, creatorName?: string): TApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    status: apiKeyStatus(row),
    createdBy: { userId: row.createdBy, name: creatorName ?? row.createdByLabel },
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What the audit trail keeps of a key: never its hash. */
export function auditableApiKey(row: ApiKeyRow): Record<string, unknown> {
  return {
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
