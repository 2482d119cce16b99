import { canTransition, INVENTORY_TRANSITIONS } from '@linedesk/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { inventoryItems } from '../inventory.schema.js';

/**
 * The stock on lines the carrier activated goes into service: Reserved -> Active, still on its line,
 * audited. Only items still reserved for that order's lines move (a repeated activation moves nothing);
 * answers the ids of those that did.
 */
export async function activateLineStock(tx: Tx, audit: AuditContext, activation: { orderId: string; lineIds: string[] }): Promise<string[]> {
  if (activation.lineIds.length === 0 || !canTransition(INVENTORY_TRANSITIONS, 'RESERVED', 'ACTIVE')) return [];
  const moved = await tx
    .update(inventoryItems)
    .set({ status: 'ACTIVE', updatedAt: new Date() })
    .where(and(inArray(inventoryItems.lineId, activation.lineIds), eq(inventoryItems.orderId, activation.orderId), eq(inventoryItems.status, 'RESERVED')))
    .returning({ id: inventoryItems.id, lineId: inventoryItems.lineId });
  moved.sort((a, b) => a.id.localeCompare(b.id));
  await recordAudits(
    tx,
    audit,
    moved.map((item) => ({
      entityType: 'inventory_item',
      entityId: item.id,
      action: 'activate',
      before: { status: 'RESERVED' },
      after: { status: 'ACTIVE', lineId: item.lineId, orderId: activation.orderId },
    })),
  );
  return moved.map((item) => item.id);
}
