import type { TAuditEntry } from '@linedesk/domain';
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { toAuditEntry } from '../audit.mapper.js';
import { auditLog } from '../audit.schema.js';

/** Every entry about a group of records (an order, its lines, the items that were on them), newest first. */
export async function findAuditTrail(options: { db: DbOrTx; entities: { entityType: string; entityIds: string[] }[]; limit: number }): Promise<TAuditEntry[]> {
  const conditions: SQL[] = options.entities.flatMap(({ entityType, entityIds }) =>
    entityIds.length ? [and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, entityIds))!] : [],
  );
  if (conditions.length === 0) return [];
  const rows = await options.db.select().from(auditLog).where(or(...conditions)).orderBy(desc(auditLog.id)).limit(options.limit);
  return rows.map(toAuditEntry);
}
