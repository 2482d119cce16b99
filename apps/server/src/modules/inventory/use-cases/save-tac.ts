import type { TTac, TTacInput } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { inventoryTacs } from '../inventory.schema.js';
import { toTac } from '../tac.mapper.js';

/**
 * Creates a TAC entry (`tac` null), or replaces the make and model of an existing one. A new entry's TAC
 * must be free; an existing entry keeps its TAC (delete it and create another to move it).
 */
export async function saveTac(options: { db: DbOrTx; audit: AuditContext; tac: string | null; input: Required<TTacInput> }): Promise<{ tac: TTac; created: boolean }> {
  const { db, audit, input } = options;
  return db.transaction(async (tx) => {
    if (options.tac === null) {
      const [row] = await tx.insert(inventoryTacs).values(input).onConflictDoNothing().returning();
      if (!row) throw AppError.field('ALREADY_EXISTS', 'body.tac', 'tac_taken', `The TAC table already names ${input.tac}: edit that entry instead`);
      await recordAudit(tx, audit, { entityType: 'inventory_tac', entityId: row.tac, action: 'create', after: { make: row.make, model: row.model } });
      return { tac: toTac(row), created: true };
    }
    if (input.tac !== options.tac) throw AppError.field('VALIDATION_FAILED', 'body.tac', 'tac_fixed', 'An entry keeps its TAC: delete it and create another to change the TAC');
    const [current] = await tx.select().from(inventoryTacs).where(eq(inventoryTacs.tac, options.tac)).for('update');
    if (!current) throw new AppError('NOT_FOUND', `The TAC table has no entry for ${options.tac}`);
    const [row] = await tx
      .update(inventoryTacs)
      .set({ make: input.make, model: input.model, updatedAt: new Date() })
      .where(eq(inventoryTacs.tac, options.tac))
      .returning();
    await recordAudit(tx, audit, {
      entityType: 'inventory_tac',
      entityId: options.tac,
      action: 'update',
      before: { make: current.make, model: current.model },
      after: { make: row!.make, model: row!.model },
    });
    return { tac: toTac(row!), created: false };
  });
}
