import { isDeepStrictEqual } from 'node:util';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from './audit.schema.js';

/** Who is acting, carried from the request (or a command-line run) into every audited change. */
export type AuditContext = {
  actorUserId: string | null;
  actorLabel: string;
  requestId: string | null;
};

export const SYSTEM_ACTOR: AuditContext = { actorUserId: null, actorLabel: 'system', requestId: null };

export type AuditChange = {
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
  await db.insert(auditLog).values(
    changes.map((change) => ({
      actorUserId: context.actorUserId,
      actorLabel: context.actorLabel,
      requestId: context.requestId,
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      changes: diffRecords(change.before ?? {}, change.after ?? {}),
    })),
  );
}

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
