import type { TCreateUserInput, TUser } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { auditableUser, toUser } from '../auth.mapper.js';
import { users } from '../auth.schema.js';
import { hashPassword } from '../password.js';

export async function createUser(options: { db: DbOrTx; audit: AuditContext; input: TCreateUserInput }): Promise<TUser> {
  const { db, audit, input } = options;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw AppError.field('ALREADY_EXISTS', 'body.email', 'unique', `A user with email ${input.email} already exists`);
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, audit, {
      entityType: 'user',
      entityId: row.id,
      action: 'create',
      after: { ...auditableUser(row), password: 'set' },
    });
    return toUser(row);
  });
}
