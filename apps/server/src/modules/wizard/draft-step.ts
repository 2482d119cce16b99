import type { TWizardDraft } from '@linedesk/domain';
import type { Db, Tx } from '../../db/client.js';
import type { AuditContext } from '../audit/record-audit.js';
import type { DraftData, DraftRow } from './draft-data.js';
import { draftResponse, lockOpenDraft, writeDraft, type DraftPolicy } from './draft-store.js';

export type DraftChange = { db: Db; id: string; audit: AuditContext; policy: DraftPolicy };

/**
 * The shape of every draft edit: lock the open draft, work out its next data (which throws on bad
 * input, leaving the draft as it was), save it with an audit row, answer with the new draft.
 */
export async function changeDraft(change: DraftChange, action: string, next: (tx: Tx, row: DraftRow) => Promise<DraftData>): Promise<TWizardDraft> {
  const row = await change.db.transaction(async (tx) => {
    const locked = await lockOpenDraft(tx, change.id, change.policy);
    return writeDraft(tx, locked, await next(tx, locked), { audit: change.audit, action, policy: change.policy });
  });
  return draftResponse(change.db, row);
}
