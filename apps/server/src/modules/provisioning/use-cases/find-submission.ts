import { and, desc, eq, sql } from 'drizzle-orm';
import { namedQuery, namedStatement, type DbOrTx } from '../../../db/client.js';
import { carrierSubmissions } from '../provisioning.schema.js';
import type { SubmissionRow } from './create-submission.js';

export type SubmissionLookup =
  | { id: string }
  | { submissionKey: string }
  | { carrierCode: string; requestId: string }
  | { orderId: string; idempotencyKey: string }
  /** The order's newest submission (highest attempt). */
  | { orderId: string; latest: true };

type LookupKind = 'id' | 'submissionKey' | 'requestId' | 'idempotencyKey' | 'latest';

function kindOf(by: SubmissionLookup): LookupKind {
  return 'id' in by ? 'id' : 'submissionKey' in by ? 'submissionKey' : 'requestId' in by ? 'requestId' : 'idempotencyKey' in by ? 'idempotencyKey' : 'latest';
}

// Each lookup (locked or not) is one statement, built once and sent by name: a sent order is looked up many times.
const lookups = new Map<string, ReturnType<typeof lookupQuery>>();
function lookupQuery(name: string, kind: LookupKind, lock: boolean) {
  return namedQuery(name, (db) => {
    const s = carrierSubmissions;
    const p = (key: string) => sql.placeholder(key);
    const where = {
      id: () => eq(s.id, p('id')),
      submissionKey: () => eq(s.submissionKey, p('submissionKey')),
      requestId: () => and(eq(s.carrierCode, p('carrierCode')), eq(s.requestId, p('requestId'))),
      idempotencyKey: () => and(eq(s.orderId, p('orderId')), eq(s.idempotencyKey, p('idempotencyKey'))),
      latest: () => eq(s.orderId, p('orderId')),
    }[kind]();
    const query = db.select().from(s).where(where).orderBy(desc(s.attempt)).limit(1);
    return lock ? query.for('update') : query;
  });
}

/**
 * One carrier submission, or null. `lock` takes its row lock (inside a transaction), so a callback and a
 * poll of the same submission take turns.
 */
export async function findSubmission(options: { db: DbOrTx; by: SubmissionLookup; lock?: boolean }): Promise<SubmissionRow | null> {
  const { db, by, lock = false } = options;
  const kind = kindOf(by);
  const name = `find_submission_by_${kind}${lock ? '_locked' : ''}`;
  let query = lookups.get(name);
  if (!query) lookups.set(name, (query = lookupQuery(name, kind, lock)));
  const [row] = await query(db, by);
  return row ?? null;
}

// A batch of submit jobs reads its submissions in one statement.
const byIds = namedQuery('find_submissions_by_ids', (db) =>
  db
    .select()
    .from(carrierSubmissions)
    .where(sql`${carrierSubmissions.id} = any(${sql.placeholder('ids')}::uuid[])`),
);

/** Several submissions by id, in one statement: those found, by id. */
export async function findSubmissions(options: { db: DbOrTx; ids: readonly string[] }): Promise<Map<string, SubmissionRow>> {
  if (options.ids.length === 0) return new Map();
  const rows = await byIds(options.db, { ids: [...options.ids] });
  return new Map(rows.map((row) => [row.id, row]));
}

// A batch of carrier reports locks its submissions in one statement, in id order (as every batch locks).
const lockByKeys = namedQuery('lock_submissions_by_keys', (db) =>
  db
    .select()
    .from(carrierSubmissions)
    .where(sql`${carrierSubmissions.submissionKey} = any(${sql.placeholder('keys')}::text[])`)
    .orderBy(carrierSubmissions.id)
    .for('update'),
);

/**
 * Several submissions by our request key, locked (inside a transaction), in one statement: those found, by
 * key. A resend after an abandoned send carries its key again: the key's newest attempt answers.
 */
export async function lockSubmissionsByKeys(options: { db: DbOrTx; keys: readonly string[] }): Promise<Map<string, SubmissionRow>> {
  const found = new Map<string, SubmissionRow>();
  if (options.keys.length === 0) return found;
  for (const row of await lockByKeys(options.db, { keys: [...new Set(options.keys)] })) {
    const other = found.get(row.submissionKey);
    if (!other || other.attempt < row.attempt) found.set(row.submissionKey, row);
  }
  return found;
}

// Sends that arrive together read their orders' submissions in one statement.
const ofOrders = namedQuery('find_submissions_of_orders', (db) =>
  db
    .select()
    .from(carrierSubmissions)
    .where(sql`${carrierSubmissions.orderId} = any(${sql.placeholder('orderIds')}::uuid[])`)
    .orderBy(carrierSubmissions.orderId, carrierSubmissions.attempt),
);

/** Every submission of several orders, in one statement: by order id, oldest attempt first. */
export async function findSubmissionsOfOrders(options: { db: DbOrTx; orderIds: readonly string[] }): Promise<Map<string, SubmissionRow[]>> {
  const found = new Map<string, SubmissionRow[]>();
  if (options.orderIds.length === 0) return found;
  for (const row of await ofOrders(options.db, { orderIds: [...new Set(options.orderIds)] })) {
    found.set(row.orderId, [...(found.get(row.orderId) ?? []), row]);
  }
  return found;
}

const lockByIds = namedStatement<{ id: string }>('lock_submissions_by_ids', 'select id from carrier_submissions where id = any($1::uuid[]) order by id for update');

/**
 * Takes the row locks of several submissions (inside a transaction) in id order, as every batch takes them:
 * two batches of overlapping submissions then never wait on each other in a circle.
 */
export async function lockSubmissions(options: { db: DbOrTx; ids: readonly string[] }): Promise<void> {
  if (options.ids.length > 0) await lockByIds(options.db, [[...options.ids]]);
}
