import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { inventoryTacs } from '../inventory.schema.js';

/** Removes a TAC entry: devices with that TAC and no make or model of their own show none from then on. */
export async function deleteTac(options: { db: DbOrTx; audit: AuditContext; tac: string }): Promise<void> {
  const { db, audit, tac } = options;
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(inventoryTacs).where(eq(inventoryTacs.tac, tac)).returning();
    if (!row) throw new AppError('NOT_FOUND', `The TAC table has no entry for ${tac}`);
    await recordAudit(tx, audit, { entityType: 'inventory_tac', entityId: tac, action: 'delete', before: { make: row.make, model: row.model } });
  });
}
