import type { TChangePasswordInput } from '@linedesk/domain';
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { sessions, users } from '../auth.schema.js';
import { hashPassword, verifyPassword } from '../password.js';

/** A user changes their own password; every other session of theirs is signed out. */
export async function changePassword(options: {
  db: DbOrTx;
  audit: AuditContext;
  userId: string;
  currentTokenHash: string;
  input: TChangePasswordInput;
}): Promise<void> {
  const { db, audit, userId, currentTokenHash, input } = options;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('NOT_FOUND', `No user with id ${userId}`);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw AppError.field('RULE_VIOLATED', 'body.currentPassword', 'matches', 'The current password is not correct');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, currentTokenHash)));
    await recordAudit(tx, audit, { entityType: 'user', entityId: userId, action: 'change_password', after: { password: 'changed' } });
  });
}
