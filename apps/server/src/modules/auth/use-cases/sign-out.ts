import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { sessions } from '../auth.schema.js';

export async function signOut(options: { db: DbOrTx; audit: AuditContext; tokenHash: string; userId: string }): Promise<void> {
  const { db, audit, tokenHash, userId } = options;
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    await recordAudit(tx, audit, { entityType: 'user', entityId: userId, action: 'sign_out' });
  });
}
