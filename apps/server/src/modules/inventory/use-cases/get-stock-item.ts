import { INVENTORY_TRANSITIONS, manualStatusChange, type TStockItemDetail } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { listAuditEntries } from '../../audit/use-cases/list-audit-entries.js';
import { inventoryItems } from '../inventory.schema.js';
import { toStockHistoryEntry } from '../stock-history.js';
import { getStockItems } from './get-stock-items.js';

/** The most recent changes an item's page lists. */
const HISTORY_LIMIT = 200;

/** One item: its identifiers and fields, the status changes open to a person (and why others are not), and its history. */
export async function getStockItem(options: { db: DbOrTx; id: string }): Promise<TStockItemDetail> {
  const { db, id } = options;
  const [item] = await getStockItems({ db, ids: [id] });
  if (!item) throw new AppError('NOT_FOUND', 'No stock item has this id');
  const [{ importId } = { importId: null }] = await db.select({ importId: inventoryItems.importId }).from(inventoryItems).where(eq(inventoryItems.id, id));
  const [audit, received] = await readTogether(db, [
    () => listAuditEntries({ db, query: { entityType: 'inventory_item', entityId: id, limit: HISTORY_LIMIT } }),
    // An item from a CSV import is received by the import's one audit entry.
    () => (importId ? listAuditEntries({ db, query: { entityType: 'inventory_import', entityId: importId, limit: 1 } }) : null),
  ]);
  const entries = [...audit.entries, ...(received?.entries ?? [])].sort((a, b) => Number(b.id) - Number(a.id));
  return {
    ...item,
    statusActions: INVENTORY_TRANSITIONS[item.status].map((status) => {
      const change = manualStatusChange(item.status, status);
      return { status, allowed: change.allowed, reason: change.allowed ? null : change.reason };
    }),
    history: entries.map(toStockHistoryEntry),
  };
}
