import type { TAuditPage, TAuditQuery } from '@linedesk/domain';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { toAuditEntry } from '../audit.mapper.js';
import { auditLog } from '../audit.schema.js';

/** Newest first, keyset-paged by id so a busy trail pages without skipping or repeating rows. */
export async function listAuditEntries(options: { db: DbOrTx; query: TAuditQuery }): Promise<TAuditPage> {
  const { db, query } = options;
  const conditions: SQL[] = [];
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.before) conditions.push(lt(auditLog.id, query.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { entries: page.map(toAuditEntry), nextBefore: rows.length > query.limit && last ? last.id : null };
}
