import { canTransition, INVENTORY_TRANSITIONS } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';

// Every completed order (or a batch of them): one statement text for any number of lines, sent by name.
const activateItems = namedStatement<{ id: string; lineId: string; orderId: string }>(
  'activate_line_stock',
  `update inventory_items i set status = 'ACTIVE', updated_at = $3::timestamptz
     from unnest($1::uuid[], $2::uuid[]) as l(line_id, order_id)
    where i.line_id = l.line_id and i.order_id = l.order_id and i.status = 'RESERVED'
   returning i.id, i.line_id as "lineId", i.order_id as "orderId"`,
);

/** The lines of one order whose stock goes into service; `actor`: who reported it, when not `audit`'s actor. */
export type LineStockActivation = { orderId: string; lineIds: string[]; actor?: AuditContext };

/**
 * The stock on lines the carrier activated goes into service: Reserved -> Active, still on its line,
 * audited, for several orders in one statement. Only items still reserved for that order's lines move (a
 * repeated activation moves nothing); answers the ids of those that did.
 */
export async function activateLinesStock(tx: Tx, audit: AuditContext, activations: LineStockActivation[]): Promise<string[]> {
  const pairs = activations.flatMap(({ orderId, lineIds }) => lineIds.map((lineId) => ({ lineId, orderId })));
  if (pairs.length === 0 || !canTransition(INVENTORY_TRANSITIONS, 'RESERVED', 'ACTIVE')) return [];
  const moved = await activateItems(tx, [pairs.map((p) => p.lineId), pairs.map((p) => p.orderId), new Date().toISOString()]);
  moved.sort((a, b) => a.orderId.localeCompare(b.orderId) || a.id.localeCompare(b.id));
  const actors = new Map(activations.map((a) => [a.orderId, a.actor]));
  await recordAudits(
    tx,
    audit,
    moved.map((item) => {
      const actor = actors.get(item.orderId);
      return {
        ...(actor ? { actor } : {}),
        entityType: 'inventory_item',
        entityId: item.id,
        action: 'activate',
        before: { status: 'RESERVED' },
        after: { status: 'ACTIVE', lineId: item.lineId, orderId: item.orderId },
      };
    }),
  );
  return moved.map((item) => item.id);
}
