import type { TWizardDraft } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { draftResponse, type DraftPolicy } from '../draft-store.js';
import { wizardDrafts } from '../wizard.schema.js';

/** A draft to resume (or, once submitted, to find the account and order it became). */
export async function getDraft(options: { db: DbOrTx; id: string; policy: DraftPolicy }): Promise<TWizardDraft> {
  const { db, id, policy } = options;
  const [row] = await db.select().from(wizardDrafts).where(eq(wizardDrafts.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'No such draft');
  if (row.status === 'OPEN' && row.expiresAt.getTime() <= (policy.now?.() ?? new Date()).getTime()) {
    throw new AppError('NOT_FOUND', `This draft expired on ${row.expiresAt.toISOString().slice(0, 10)}`);
  }
  return draftResponse(db, row);
}
