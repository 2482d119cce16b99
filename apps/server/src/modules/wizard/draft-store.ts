import { customerDisplayName, type TWizardDraft } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { findUsers } from '../auth/use-cases/find-users.js';
import { toDraftView, type DraftData, type DraftRow } from './draft-data.js';
import { wizardDrafts } from './wizard.schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type DraftPolicy = { expiryDays: number; now?: () => Date };

/** The draft, locked for this transaction, if it is still open and not expired. */
export async function lockOpenDraft(tx: Tx, id: string, policy: DraftPolicy): Promise<DraftRow> {
  const [row] = await tx.select().from(wizardDrafts).where(eq(wizardDrafts.id, id)).for('update');
  return assertOpen(row, policy);
}

export function assertOpen(row: DraftRow | undefined, policy: DraftPolicy): DraftRow {
  if (!row) throw new AppError('NOT_FOUND', 'No such draft');
  if (row.status === 'SUBMITTED') throw new AppError('INVALID_TRANSITION', 'This draft already became an order; open the account instead');
  if (row.expiresAt.getTime() <= (policy.now?.() ?? new Date()).getTime()) {
    throw new AppError('NOT_FOUND', `This draft expired on ${row.expiresAt.toISOString().slice(0, 10)}`);
  }
  return row;
}

export function expiryFrom(now: Date, policy: DraftPolicy): Date {
  return new Date(now.getTime() + policy.expiryDays * DAY_MS);
}

/** What lists call the draft: the customer's name once known, else the first contact's. */
export function draftTitle(data: DraftData): string {
  if (data.names) return customerDisplayName(data.names) || 'New customer';
  const contact = data.start?.contacts[0];
  return contact ? `${contact.firstName} ${contact.lastName}` : 'New customer';
}

/**
 * Saves a draft's new data (its expiry moves on: drafts expire a set number of days after their last
 * change) and audits which step changed, never the values: a draft holds personal data.
 */
export async function writeDraft(tx: Tx, row: DraftRow, data: DraftData, change: { audit: AuditContext; action: string; policy: DraftPolicy }): Promise<DraftRow> {
  const now = change.policy.now?.() ?? new Date();
  const [updated] = await tx
    .update(wizardDrafts)
    .set({ data, title: draftTitle(data), updatedAt: now, expiresAt: expiryFrom(now, change.policy) })
    .where(eq(wizardDrafts.id, row.id))
    .returning();
  await recordAudit(tx, change.audit, { entityType: 'wizard_draft', entityId: row.id, action: change.action, after: { title: draftTitle(data), lines: data.lines.length } });
  return updated!;
}

/** The draft as the API shows it. */
export async function draftResponse(db: DbOrTx, row: DraftRow): Promise<TWizardDraft> {
  const [creator] = await findUsers({ db, ids: [row.createdBy] });
  return toDraftView(row, creator?.name ?? 'Unknown user');
}

export async function getDraftRow(db: DbOrTx, id: string): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(wizardDrafts).where(eq(wizardDrafts.id, id));
  return row;
}
