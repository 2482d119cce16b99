import { canTransition, INVENTORY_TRANSITIONS } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';

// Every completed order: one statement text for any number of lines, sent by name.
const activateItems = namedStatement<{ id: string; lineId: string | null }>(
  'activate_line_stock',
  `update inventory_items set status = 'ACTIVE', updated_at = $3::timestamptz
    where line_id = any($1::uuid[]) and order_id = $2::uuid and status = 'RESERVED' returning id, line_id as "lineId"`,
);

/**
 * The stock on lines the carrier activated goes into service: Reserved -> Active, still on its line,
 * audited. Only items still reserved for that order's lines move (a repeated activation moves nothing);
 * answers the ids of those that did.
 */
export async function activateLineStock(tx: Tx, audit: AuditContext, activation: { orderId: string; lineIds: string[] }): Promise<string[]> {
  if (activation.lineIds.length === 0 || !canTransition(INVENTORY_TRANSITIONS, 'RESERVED', 'ACTIVE')) return [];
  const moved = await activateItems(tx, [activation.lineIds, activation.orderId, new Date().toISOString()]);
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
