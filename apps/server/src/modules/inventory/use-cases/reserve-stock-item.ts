import { namedStatement, type Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';

// Sent by name: planned once per connection (a scan's hot path).
const reserveAvailable = namedStatement<{ id: string }>(
  'reserve_stock_item',
  `update inventory_items set status = 'RESERVED', line_id = $2::uuid, order_id = $3::uuid, updated_at = $4::timestamptz
   where id = $1::uuid and status = 'AVAILABLE' returning id`,
);

/**
 * Reserves one Available item for an order line, audited. The update only takes an item that is still
 * Available, so of two agents scanning the same SIM at the same moment exactly one gets it; the other
 * (the update finds no Available row once the first commits) gets a 409 naming the identifier. A unique
 * index keeps a line from holding two items of one kind.
 */
export async function reserveStockItem(
  tx: Tx,
  audit: AuditContext,
  reservation: { itemId: string; lineId: string; orderId: string; /** "SIM 8901 2600 …", for the refusal */ label: string },
): Promise<void> {
  const { itemId, lineId, orderId, label } = reservation;
  let updated: { id: string }[];
  try {
    updated = await reserveAvailable(tx, [itemId, lineId, orderId, new Date().toISOString()]);
  } catch (error) {
    if (postgresCode(error) === '23505') throw new AppError('CONFLICT', `${label} cannot go on this line: the line already holds an item of that kind`, { cause: error });
    throw error;
  }
  if (updated.length === 0) {
    throw new AppError('CONFLICT', `${label} was just taken by another order line, or is no longer Available; scan another`);
  }
  await recordAudit(tx, audit, {
    entityType: 'inventory_item',
    entityId: itemId,
    action: 'reserve',
    before: { status: 'AVAILABLE', lineId: null, orderId: null },
    after: { status: 'RESERVED', lineId, orderId },
  });
}

function postgresCode(error: unknown): unknown {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } };
  return candidate.cause?.code ?? candidate.code;
}
