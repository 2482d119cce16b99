import { WIZARD_STEPS, type TDraftSummary } from '@linedesk/domain';
import { stepCompletion } from '../draft-data.js';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import type { DraftPolicy } from '../draft-store.js';
import { wizardDrafts } from '../wizard.schema.js';

/** Open drafts that have not expired, newest change first: work to pick up again. */
export async function listDrafts(options: { db: DbOrTx; policy: DraftPolicy; createdBy?: string }): Promise<TDraftSummary[]> {
  const { db, policy, createdBy } = options;
  const now = policy.now?.() ?? new Date();
  const rows = await db
    .select()
    .from(wizardDrafts)
    .where(and(eq(wizardDrafts.status, 'OPEN'), gt(wizardDrafts.expiresAt, now), createdBy ? eq(wizardDrafts.createdBy, createdBy) : undefined))
    .orderBy(desc(wizardDrafts.updatedAt))
    .limit(200);
  const names = new Map((await findUsers({ db, ids: [...new Set(rows.map((r) => r.createdBy))] })).map((u) => [u.id, u.name]));
  return rows.map((row) => {
    const completion = stepCompletion(row.data);
    return {
      id: row.id,
      status: row.status,
      createdBy: { id: row.createdBy, name: names.get(row.createdBy) ?? 'Unknown user' },
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      title: row.title,
      carrierName: row.data.carrierName,
      nextStep: WIZARD_STEPS.find((step) => !completion[step]) ?? 'final',
      lineCount: row.data.lines.length,
    };
  });
}
