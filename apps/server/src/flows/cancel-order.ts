import { cancelRefusal, type TOrderDetail } from '@linedesk/domain';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import type { AuditContext } from '../modules/audit/record-audit.js';
import { findItemsWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { releaseStockItems } from '../modules/inventory/use-cases/release-stock-items.js';
import { cancelOrderLines } from '../modules/orders/use-cases/cancel-order-lines.js';
import { changeOrderStatus } from '../modules/orders/use-cases/change-order-status.js';
import { getOrderPage } from './get-order-page.js';
import { loadOrderState } from './order-state.js';

/**
 * Cancel, before the order is sent: its reserved items go back to Available, its lines and the order
 * are cancelled, in one transaction, each change audited with the reason. The customer's status is
 * left as it is.
 */
export async function cancelOrder(options: { db: Db; audit: AuditContext; orderId: string; reason: string }): Promise<TOrderDetail> {
  const { db, orderId } = options;
  await db.transaction((tx) => cancelOrderIn(tx, options));
  return getOrderPage({ db, orderId });
}

/** The Cancel itself, inside the caller's transaction (an integrator's cancelProductOrder records its outcome in the same one). */
export async function cancelOrderIn(tx: Tx, options: { audit: AuditContext; orderId: string; reason: string }): Promise<void> {
  const { audit, orderId, reason } = options;
  const state = await loadOrderState({ db: tx, orderId, lock: true });
  const refusal = cancelRefusal(state.order.status);
  if (refusal) throw new AppError('INVALID_TRANSITION', refusal);
  const items = await findItemsWithIdentifiers({ db: tx, orderId });
  await releaseStockItems(tx, audit, {
    orderId,
    itemIds: items.filter((item) => item.status === 'RESERVED').map((item) => item.id),
    reason: `Order ${state.order.orderNumber} cancelled: ${reason}`,
  });
  await cancelOrderLines(tx, audit, { lines: state.lines, reason });
  await changeOrderStatus(tx, audit, { orderId, from: state.order.status, to: 'CANCELLED', action: 'cancel', reason });
}
