import { canTransition, ORDER_STATUS_LABELS, ORDER_TRANSITIONS, type OrderStatus } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';

/** `actor`: who made it, when not `audit`'s actor (a batch of carrier reports). */
export type OrderStatusChange = { orderId: string; from: OrderStatus; to: OrderStatus; action?: string; reason?: string; actor?: AuditContext };

// Sent by name: planned once per connection. One statement for one order or a batch. The statuses travel as
// text[] (an enum's array type is unknown to PGlite when it opened the database before migrating it).
const updateStatuses = namedStatement<{ id: string }>(
  'change_order_statuses',
  `update orders o set status = c.to_status::order_status, updated_at = $4::timestamptz
     from unnest($1::uuid[], $2::text[], $3::text[]) as c(id, from_status, to_status)
    where o.id = c.id and o.status = c.from_status::order_status
   returning o.id`,
);

/**
 * Moves an order along its transition table, audited. The update names the status it moves from, so a
 * change made meanwhile by someone else is refused rather than overwritten. Answers with the order's new `updatedAt`.
 */
export async function changeOrderStatus(tx: Tx, audit: AuditContext, change: OrderStatusChange): Promise<{ updatedAt: Date }> {
  return changeOrderStatuses(tx, audit, [change]);
}

/** `changeOrderStatus` for several orders in one statement (a batch the carrier took): all of them, or none (CONFLICT). */
export async function changeOrderStatuses(tx: Tx, audit: AuditContext, changes: readonly OrderStatusChange[]): Promise<{ updatedAt: Date }> {
  const updatedAt = new Date();
  if (changes.length === 0) return { updatedAt };
  for (const { from, to } of changes) {
    if (!canTransition(ORDER_TRANSITIONS, from, to)) {
      throw new AppError('INVALID_TRANSITION', `An order cannot go from ${ORDER_STATUS_LABELS[from]} to ${ORDER_STATUS_LABELS[to]}`);
    }
  }
  const updated = await updateStatuses(tx, [changes.map((c) => c.orderId), changes.map((c) => c.from), changes.map((c) => c.to), updatedAt.toISOString()]);
  if (updated.length !== changes.length) throw new AppError('CONFLICT', 'The order changed meanwhile; reload it and try again');
  await recordAudits(
    tx,
    audit,
    changes.map((change) => ({
      ...(change.actor ? { actor: change.actor } : {}),
      entityType: 'order',
      entityId: change.orderId,
      action: change.action ?? 'status',
      before: { status: change.from },
      after: { status: change.to, ...(change.reason ? { reason: change.reason } : {}) },
    })),
  );
  return { updatedAt };
}
