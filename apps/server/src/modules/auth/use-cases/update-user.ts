import type { TUpdateUserInput, TUser } from '@linedesk/domain';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { auditableUser, toUser } from '../auth.mapper.js';
import { sessions, users, type UserRow } from '../auth.schema.js';
import { hashPassword } from '../password.js';

const ADMIN_CHANGES_LOCK = 4_242_002;

/**
 * An admin edits a user. Deactivating, demoting or resetting a password signs the user out
 * everywhere; the last active admin can be neither deactivated nor demoted, so the installation
 * never locks itself out.
 */
export async function updateUser(options: {
  db: DbOrTx;
  audit: AuditContext;
  id: string;
  input: TUpdateUserInput;
}): Promise<TUser> {
  const { db, audit, id, input } = options;
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    // Two admins demoting each other at once must not both see the other as the remaining admin:
    // changes that can remove an admin take turns.
    if (input.role !== undefined || input.isActive !== undefined) await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK})`);
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND', `No user with id ${id}`);
    const losesAdmin = before.role === 'admin' && before.isActive && (input.isActive === false || (input.role && input.role !== 'admin'));
    if (losesAdmin) await assertAnotherActiveAdmin(tx, id);
    const [after] = await tx
      .update(users)
      .set({ name: input.name, role: input.role, isActive: input.isActive, passwordHash, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    if (!after) throw new Error('update returned no row');
    if (revokesSessions(before, after, passwordHash)) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, audit, {
      entityType: 'user',
      entityId: id,
      action: 'update',
      before: auditableUser(before),
      after: { ...auditableUser(after), ...(passwordHash ? { password: 'reset' } : {}) },
    });
    return toUser(after);
  });
}

async function assertAnotherActiveAdmin(tx: Tx, exceptId: string): Promise<void> {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true), ne(users.id, exceptId)))
    .limit(1);
  if (!other) {
    throw new AppError('RULE_VIOLATED', 'LineDesk needs at least one active admin: make another user admin first', {
      fields: [{ field: 'body.role', rule: 'last_admin', message: 'This is the last active admin' }],
    });
  }
}

function revokesSessions(before: UserRow, after: UserRow, passwordHash: string | undefined): boolean {
  return Boolean(passwordHash) || (before.isActive && !after.isActive) || before.role !== after.role;
}
