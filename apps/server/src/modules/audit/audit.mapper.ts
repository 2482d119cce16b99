import type { TAuditEntry } from '@linedesk/domain';
import type { AuditRow } from './audit.schema.js';

export function toAuditEntry(row: AuditRow): TAuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    changes: row.changes,
    requestId: row.requestId,
  };
}
