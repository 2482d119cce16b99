import { inventoryChangeRefusal, statusAfterInventoryChange, type TOrderDetail } from '@linedesk/domain';
import type { Db } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import type { AuditContext } from '../modules/audit/record-audit.js';
import { findItemsWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { releaseStockItems } from '../modules/inventory/use-cases/release-stock-items.js';
import { changeOrderStatus } from '../modules/orders/use-cases/change-order-status.js';
import { setLineIdentifiers } from '../modules/orders/use-cases/set-line-identifiers.js';
import { getOrderPage } from './get-order-page.js';
import { liveLines, loadOrderState, missingOf } from './order-state.js';
import { lastSendErrorCode } from './order-carrier-state.js';

/** A stock item by its id, or any identifier on a line by its value (the only way to name a customer's own device). */
export type UnassignTarget = { itemId: string } | { lineId: string; value: string };

/**
 * Takes an item off its order line: a stock item goes back to Available, a customer's own device is
 * simply removed; the line's identifiers and the order's status (Pending once a line misses something)
 * follow, in one transaction, audited.
 */
export async function unassignOrderInventory(options: { db: Db; audit: AuditContext; orderId: string; target: UnassignTarget }): Promise<TOrderDetail> {
  const { db, audit, orderId, target } = options;
  await db.transaction(async (tx) => {
    const state = await loadOrderState({ db: tx, orderId, lock: true });
    const refusal = inventoryChangeRefusal(state.order.status, await lastSendErrorCode(tx, state.order));
    if (refusal) throw new AppError('RULE_VIOLATED', refusal);
    const onOrder = await findItemsWithIdentifiers({ db: tx, orderId });

    const item = 'itemId' in target ? onOrder.find((i) => i.id === target.itemId) : undefined;
    const line = state.lines.find((l) => l.id === ('itemId' in target ? item?.lineId : target.lineId));
    if (!line) throw new AppError('NOT_FOUND', 'itemId' in target ? 'That item is not on this order' : 'That line is not on this order');
    const held = 'itemId' in target ? undefined : line.identifiers.find((i) => i.value === target.value);
    if ('value' in target && !held) throw new AppError('NOT_FOUND', `That identifier is not on line ${line.position + 1}`);
    if (line.status !== 'PENDING') throw new AppError('RULE_VIOLATED', `Line ${line.position + 1} is ${line.status.toLowerCase()}, so its inventory cannot change`);

    // A stock item leaves with every identifier of it the line shows (an IMEI and a MEID of one device).
    const stockItem = item ?? onOrder.find((i) => i.lineId === line.id && i.identifiers.some((own) => own.value === held!.value));
    const values = new Set(stockItem ? stockItem.identifiers.map((i) => i.value) : [held!.value]);
    const after = line.identifiers.filter((i) => !values.has(i.value));
    if (stockItem) await releaseStockItems(tx, audit, { orderId, itemIds: [stockItem.id], reason: `Unassigned from line ${line.position + 1}` });
    await setLineIdentifiers(tx, audit, [{ lineId: line.id, before: line.identifiers, after, action: 'unassign_inventory' }]);

    const next = statusAfterInventoryChange(
      state.order.status,
      liveLines(state).map((l) => ({ missing: missingOf(state, l, l.id === line.id ? after : l.identifiers) })),
    );
    if (next !== state.order.status) await changeOrderStatus(tx, audit, { orderId, from: state.order.status, to: next });
  });
  return getOrderPage({ db, orderId });
}
