import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { orders } from '../orders.schema.js';
import type { OrderRow } from './get-order.js';

export type OrderDetailsChange = { notes?: string | null; requestedDueDate?: string | null; externalId?: string | null };

/**
 * Changes an order's notes, requested due date or external id (the caller has locked the order and checked
 * that it may still change), audited with what changed; nothing is written when nothing changes.
 */
export async function updateOrderDetails(tx: Tx, audit: AuditContext, order: OrderRow, change: OrderDetailsChange): Promise<boolean> {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of ['notes', 'requestedDueDate', 'externalId'] as const) {
    const value = change[key];
    if (value === undefined || value === order[key]) continue;
    before[key] = order[key];
    after[key] = value;
  }
  if (Object.keys(after).length === 0) return false;
  await tx
    .update(orders)
    .set({ ...after, updatedAt: new Date() })
    .where(eq(orders.id, order.id));
  await recordAudit(tx, audit, { entityType: 'order', entityId: order.id, action: 'update', before, after });
  return true;
}
