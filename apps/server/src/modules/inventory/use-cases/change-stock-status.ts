import { manualStatusChange, type TStockItem, type TStockStatusChange } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { inventoryItems } from '../inventory.schema.js';
import { getStockItems } from './get-stock-items.js';

/**
 * A stock keeper's status change (Defective, Removed, Returned, back to Available), with a reason, as the
 * transition table allows. Reserved and Active belong to the order flows and are refused here. An item
 * put back in stock leaves the order line it was on.
 */
export async function changeStockStatus(options: { db: Db; audit: AuditContext; id: string; change: TStockStatusChange }): Promise<TStockItem> {
  const { db, audit, id, change } = options;
  await db.transaction(async (tx) => {
    const [item] = await tx.select().from(inventoryItems).where(eq(inventoryItems.id, id)).for('update');
    if (!item) throw new AppError('NOT_FOUND', 'No stock item has this id');
    const allowed = manualStatusChange(item.status, change.status);
    if (!allowed.allowed) throw AppError.field('INVALID_TRANSITION', 'body.status', allowed.rule, allowed.reason);
    const backInStock = change.status === 'AVAILABLE';
    const after = { status: change.status, ...(backInStock ? { lineId: null, orderId: null } : {}) };
    await tx
      .update(inventoryItems)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(inventoryItems.id, id));
    await recordAudit(tx, audit, {
      entityType: 'inventory_item',
      entityId: id,
      action: 'status',
      before: { status: item.status, ...(backInStock ? { lineId: item.lineId, orderId: item.orderId } : {}) },
      after: { ...after, reason: change.reason },
    });
  });
  const [item] = await getStockItems({ db, ids: [id] });
  return item!;
}
