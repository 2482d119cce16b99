import { canTransition, INVENTORY_TRANSITIONS } from '@linedesk/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { inventoryItems } from '../inventory.schema.js';

/**
 * Puts items reserved for an order back in stock (Reserved -> Available), audited with why: unassigned
 * from a line, or the order cancelled. Only items still reserved for that order move; the ids of those
 * that did are returned.
 */
export async function releaseStockItems(tx: Tx, audit: AuditContext, release: { orderId: string; itemIds: string[]; reason: string }): Promise<string[]> {
  if (release.itemIds.length === 0 || !canTransition(INVENTORY_TRANSITIONS, 'RESERVED', 'AVAILABLE')) return [];
  const held = await tx
    .select({ id: inventoryItems.id, lineId: inventoryItems.lineId })
    .from(inventoryItems)
    .where(and(inArray(inventoryItems.id, release.itemIds), eq(inventoryItems.status, 'RESERVED'), eq(inventoryItems.orderId, release.orderId)))
    .orderBy(inventoryItems.id)
    .for('update');
  if (held.length === 0) return [];
  await tx
    .update(inventoryItems)
    .set({ status: 'AVAILABLE', lineId: null, orderId: null, updatedAt: new Date() })
    .where(inArray(inventoryItems.id, held.map((item) => item.id)));
  await recordAudits(
    tx,
    audit,
    held.map((item) => ({
      entityType: 'inventory_item',
      entityId: item.id,
      action: 'release',
      before: { status: 'RESERVED', lineId: item.lineId, orderId: release.orderId },
      after: { status: 'AVAILABLE', lineId: null, orderId: null, reason: release.reason },
    })),
  );
  return held.map((item) => item.id);
}
