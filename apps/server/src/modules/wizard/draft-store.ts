import { customerDisplayName, type TWizardDraft } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import { namedStatement, type DbOrTx, type Tx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { findUsers } from '../auth/use-cases/find-users.js';
import { toDraftView, type DraftData, type DraftRow } from './draft-data.js';
import { wizardDrafts } from './wizard.schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type DraftPolicy = { expiryDays: number; now?: () => Date };

/** The draft, locked for this transaction, if it is still open and not expired. */
export async function lockOpenDraft(tx: Tx, id: string, policy: DraftPolicy): Promise<DraftRow> {
  return assertOpen(await lockDraft(tx, id), policy);
}

/** The draft, locked for this transaction, whatever its state. */
export async function lockDraft(tx: Tx, id: string): Promise<DraftRow | undefined> {
  const [row] = await selectDraftForUpdate(tx, [id]);
  if (!row) return undefined;
  const { created_by, created_at, updated_at, expires_at, customer_id, order_id, submitted_at, ...rest } = row;
  return {
    ...rest,
    createdBy: created_by,
    createdAt: new Date(created_at),
    updatedAt: new Date(updated_at),
    expiresAt: new Date(expires_at),
    customerId: customer_id,
    orderId: order_id,
    submittedAt: submitted_at === null ? null : new Date(submitted_at),
  };
}

const selectDraftForUpdate = namedStatement<
  Pick<DraftRow, 'id' | 'status' | 'data' | 'title'> & {
    created_by: string;
    created_at: string;
    updated_at: string;
    expires_at: string;
    customer_id: string | null;
    order_id: string | null;
    submitted_at: string | null;
  }
>(
  'lock_wizard_draft',
  'select id, status, data, title, created_by, created_at, updated_at, expires_at, customer_id, order_id, submitted_at from wizard_drafts where id = $1 for update',
);

/** Create Order's last write to a draft, locked by `lockDraft`: submitted, with what it became. */
export async function markDraftSubmitted(tx: Tx, id: string, result: NonNullable<DraftData['result']>): Promise<void> {
  await updateDraftSubmitted(tx, [id, result.customerId, result.orderId, new Date().toISOString(), JSON.stringify(result)]);
}

// The result is added to the stored document in place: the draft's data is not sent back and forth.
const updateDraftSubmitted = namedStatement(
  'mark_wizard_draft_submitted',
  `update wizard_drafts set status = 'SUBMITTED', customer_id = $2, order_id = $3, submitted_at = $4, updated_at = $4,
     data = data || jsonb_build_object('result', $5::jsonb)
   where id = $1`,
);

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
