import { namedStatement, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import type { carrierSubmissions } from '../provisioning.schema.js';

export type SubmissionRow = typeof carrierSubmissions.$inferSelect;

/** One Send to record; `actor`: who sent it, when not `audit`'s actor (Sends that arrived together). */
export type NewSubmission = { orderId: string; attempt: number; carrierCode: string; submissionKey: string; idempotencyKey: string; actor?: AuditContext };

// Every Send (or several together): one statement text, sent by name.
const insertSubmissions = namedStatement<{ id: string; orderId: string }>(
  'create_submissions',
  `insert into carrier_submissions (order_id, attempt, carrier_code, submission_key, idempotency_key, created_by)
   select * from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::uuid[])
   returning id, order_id as "orderId"`,
);

/**
 * Records Sends of orders (one each, status QUEUED), audited, inside the Send's transaction, in one
 * statement: their ids, in order. The unique (order, idempotency key) and (order, attempt) keys refuse a
 * second submission for the same Send.
 */
export async function createSubmissions(tx: Tx, audit: AuditContext, submissions: NewSubmission[]): Promise<string[]> {
  if (submissions.length === 0) return [];
  const actorOf = (s: NewSubmission) => s.actor ?? audit;
  const rows = await insertSubmissions(tx, [
    submissions.map((s) => s.orderId),
    submissions.map((s) => s.attempt),
    submissions.map((s) => s.carrierCode),
    submissions.map((s) => s.submissionKey),
    submissions.map((s) => s.idempotencyKey),
    submissions.map((s) => actorOf(s).actorUserId),
  ]);
  // One Send per order in a statement: the order tells which row is whose.
  const ids = new Map(rows.map((row) => [row.orderId, row.id]));
  await recordAudits(
    tx,
    audit,
    submissions.map((s) => ({
      ...(s.actor ? { actor: s.actor } : {}),
      entityType: 'carrier_submission',
      entityId: ids.get(s.orderId)!,
      action: 'create',
      after: { orderId: s.orderId, attempt: s.attempt, carrierCode: s.carrierCode, submissionKey: s.submissionKey, status: 'QUEUED' },
    })),
  );
  return submissions.map((s) => ids.get(s.orderId)!);
}
