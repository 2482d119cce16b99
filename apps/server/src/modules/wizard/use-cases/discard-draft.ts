import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { lockOpenDraft, type DraftPolicy } from '../draft-store.js';
import { wizardDrafts } from '../wizard.schema.js';

/** Throws an open draft away (it holds personal data nobody needs once abandoned). */
export async function discardDraft(options: { db: Db; id: string; audit: AuditContext; policy: DraftPolicy }): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await lockOpenDraft(tx, options.id, options.policy);
    await tx.delete(wizardDrafts).where(eq(wizardDrafts.id, row.id));
    await recordAudit(tx, options.audit, { entityType: 'wizard_draft', entityId: row.id, action: 'discard', before: { title: row.title } });
  });
}
