import { isDeepStrictEqual } from 'node:util';
import { namedStatement, type DbOrTx } from '../../db/client.js';
import { jsonRecords } from '../../db/json-records.js';
import { auditLog } from './audit.schema.js';

/** Who is acting, carried from the request (or a command-line run) into every audited change. */
export type AuditContext = {
  actorUserId: string | null;
  actorLabel: string;
  requestId: string | null;
};

export const SYSTEM_ACTOR: AuditContext = { actorUserId: null, actorLabel: 'system', requestId: null };

export type AuditChange = {
  /** Who made this change, when not the context's actor (work for several requests done in one transaction). */
  actor?: AuditContext;
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

// A secret's value never reaches the trail; that it changed does.
const SECRET_KEY = /pass(word)?|secret|token|pin$|^pin|ssn|tax_?id|card_?number|cvv|credential|account_?number/i;
export const REDACTED = '[redacted]';

/** Writes one audit row. Call it with the transaction that makes the change, so both land or neither does. */
export async function recordAudit(db: DbOrTx, context: AuditContext, change: AuditChange): Promise<void> {
  await recordAudits(db, context, [change]);
}

/** Writes several audit rows of one change (an order and its lines) in one statement. */
export async function recordAudits(db: DbOrTx, context: AuditContext, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change): AuditRowValues => {
    const actor = change.actor ?? context;
    return {
      actorUserId: actor.actorUserId,
      actorLabel: actor.actorLabel,
      requestId: actor.requestId,
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      changes: diffRecords(change.before ?? {}, change.after ?? {}),
    };
  });
  const held = (context as BatchedAuditContext)[HELD];
  if (held) held.push(...rows);
  else await writeAudits(db, context, rows);
}

const HELD = Symbol('audit rows held for one insert');
type BatchedAuditContext = AuditContext & { [HELD]?: AuditRowValues[] };
type AuditRowValues = {
  actorUserId: string | null;
  actorLabel: string;
  requestId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: Record<string, { from: unknown; to: unknown }>;
};

/**
 * For work that spans several use cases in one transaction (Create Order): they record their audit
 * rows through `context` as usual, and the rows are held and written together, in the order
 * recorded, by one insert when the work calls `flush` before its transaction commits.
 */
export function batchAudits(context: AuditContext): { context: AuditContext; flush(db: DbOrTx): Promise<void> } {
  const held: AuditRowValues[] = [];
  const batched: BatchedAuditContext = { ...context, [HELD]: held };
  return {
    context: batched,
    flush: async (db) => {
      const rows = held.splice(0);
      if (rows.length) await writeAudits(db, context, rows);
    },
  };
}

/**
 * The same audit context (held rows included, for a `batchAudits` context) acting as another actor: work
 * for several requests in one transaction (a batch of carrier reports) audits each change as its own.
 */
export function withActor(context: AuditContext, actor: AuditContext): AuditContext {
  return { ...context, actorUserId: actor.actorUserId, actorLabel: actor.actorLabel, requestId: actor.requestId };
}

/** An audit row as written, for listeners: `changes` holds each changed field's from/to (secrets redacted). */
export type WrittenAuditRow = Readonly<AuditRowValues>;

/**
 * Observes the audit rows being written, in the writer's transaction (`db`), after they are inserted: what
 * it writes with `db` commits or rolls back with the change. Called once per insert (all the rows of one
 * `recordAudits` call or one `batchAudits` flush). It must be cheap when it has nothing to do, since every
 * audited change passes through it; an error it throws fails the change.
 */
export type AuditListener = (db: DbOrTx, context: AuditContext, rows: readonly WrittenAuditRow[]) => Promise<void>;

// Module-level: each process registers its listeners once at start (other modules observe the trail
// without this module knowing them).
const listeners = new Set<AuditListener>();

/** Registers a listener of every audit insert in this process (registering the same one twice keeps one); answers how to remove it. */
export function addAuditListener(listener: AuditListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function writeAudits(db: DbOrTx, context: AuditContext, rows: AuditRowValues[]): Promise<void> {
  await insertAudits(db, [AUDIT_ROWS.encode(rows)]);
  for (const listener of listeners) await listener(db, context, rows);
}

const AUDIT_ROWS = jsonRecords(auditLog, ['actorUserId', 'actorLabel', 'requestId', 'entityType', 'entityId', 'action', 'changes']);
// Any number of rows, each with its actor, in one statement text ($1 the rows), so it is prepared once per connection.
const insertAudits = namedStatement(
  'record_audits',
  `insert into audit_log (${AUDIT_ROWS.columns}) select ${AUDIT_ROWS.columnsOf('r')} from ${AUDIT_ROWS.from('$1')} r`,
);

/** Field-by-field differences between two flat records, with secret values replaced. */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (isDeepStrictEqual(from, to)) continue;
    changes[key] = SECRET_KEY.test(key)
      ? { from: from === null ? null : REDACTED, to: to === null ? null : REDACTED }
      : { from: toJson(from), to: toJson(to) };
  }
  return changes;
}

function toJson(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
