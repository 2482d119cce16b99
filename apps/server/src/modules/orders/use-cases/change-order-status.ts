import { canTransition, ORDER_STATUS_LABELS, ORDER_TRANSITIONS, type OrderStatus } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';

// Sent by name: planned once per connection.
const updateStatus = namedStatement<{ id: string }>(
  'change_order_status',
  'update orders set status = $3::order_status, updated_at = $4::timestamptz where id = $1::uuid and status = $2::order_status returning id',
);

/**
 * Moves an order along its transition table, audited. The update names the status it moves from, so a
 * change made meanwhile by someone else is refused rather than overwritten. Answers with the order's new `updatedAt`.
 */
export async function changeOrderStatus(
  tx: Tx,
  audit: AuditContext,
  change: { orderId: string; from: OrderStatus; to: OrderStatus; action?: string; reason?: string },
): Promise<{ updatedAt: Date }> {
  const { orderId, from, to } = change;
  if (!canTransition(ORDER_TRANSITIONS, from, to)) {
    throw new AppError('INVALID_TRANSITION', `An order cannot go from ${ORDER_STATUS_LABELS[from]} to ${ORDER_STATUS_LABELS[to]}`);
  }
  const updatedAt = new Date();
  const updated = await updateStatus(tx, [orderId, from, to, updatedAt.toISOString()]);
  if (updated.length === 0) throw new AppError('CONFLICT', 'The order changed meanwhile; reload it and try again');
  await recordAudit(tx, audit, {
    entityType: 'order',
    entityId: orderId,
    action: change.action ?? 'status',
    before: { status: from },
    after: { status: to, ...(change.reason ? { reason: change.reason } : {}) },
  });
  return { updatedAt };
}
