import type { TWizardDraft } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { EMPTY_DRAFT } from '../draft-data.js';
import { draftResponse, expiryFrom, type DraftPolicy } from '../draft-store.js';
import { wizardDrafts } from '../wizard.schema.js';

/** Customers > Create New: an empty draft, owned by whoever started it, expiring if left alone. */
export async function createDraft(options: { db: Db; userId: string; audit: AuditContext; policy: DraftPolicy }): Promise<TWizardDraft> {
  const { db, userId, audit, policy } = options;
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(wizardDrafts)
      .values({ data: EMPTY_DRAFT, createdBy: userId, expiresAt: expiryFrom(policy.now?.() ?? new Date(), policy) })
      .returning();
    await recordAudit(tx, audit, { entityType: 'wizard_draft', entityId: created!.id, action: 'create' });
    return created!;
  });
  return draftResponse(db, row);
}
