import type { TUser } from '@linedesk/domain';
import type { UserRow } from './auth.schema.js';

export function toUser(row: UserRow): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** The fields of a user the audit trail may see: never the password hash. */
export function auditableUser(row: UserRow): Record<string, unknown> {
  return { email: row.email, name: row.name, role: row.role, isActive: row.isActive };
}
