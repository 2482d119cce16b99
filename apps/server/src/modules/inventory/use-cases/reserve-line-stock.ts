import { canTransition, INVENTORY_TRANSITIONS, type DeviceSource, type TLineIdentifier } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { inventoryItems } from '../inventory.schema.js';
import { findStockItems } from './find-stock-items.js';

export type LineStock = {
  lineId: string;
  orderId: string;
  carrierCode: string;
  deviceSource: DeviceSource;
  identifiers: TLineIdentifier[];
};

export type StockProblem = { identifier: TLineIdentifier; rule: string; message: string };

/**
 * Reserves the scanned stock of one order line. Every identifier must be an Available item of the
 * order's carrier; a device the customer brings (bring your own device) is not in stock and is
 * kept on the line as given. Returns the problems instead of reserving anything when there are any.
 */
export async function reserveLineStock(tx: Tx, audit: AuditContext, line: LineStock): Promise<StockProblem[]> {
  const found = await findStockItems({ db: tx, values: line.identifiers.map((i) => i.value), forUpdate: true });
  const problems: StockProblem[] = [];
  const toReserve: string[] = [];
  for (const identifier of line.identifiers) {
    const item = found.find((f) => f.identifier.value === identifier.value);
    const isDevice = identifier.kind === 'IMEI' || identifier.kind === 'MEID' || identifier.kind === 'ESN';
    if (!item) {
      if (!(isDevice && line.deviceSource === 'BYOD')) {
        problems.push({ identifier, rule: 'not_in_stock', message: `${identifier.kind} ${identifier.display} is not in stock` });
      }
      continue;
    }
    if (item.carrierCode !== line.carrierCode) {
      problems.push({ identifier, rule: 'other_carrier', message: `${identifier.kind} ${identifier.display} is stock for ${item.carrierCode}, not this carrier` });
    } else if (!canTransition(INVENTORY_TRANSITIONS, item.status, 'RESERVED')) {
      problems.push({ identifier, rule: 'not_available', message: `${identifier.kind} ${identifier.display} is ${item.status.toLowerCase()}, not available` });
    } else {
      toReserve.push(item.id);
    }
  }
  if (problems.length) return problems;
  for (const id of new Set(toReserve)) {
    await tx.update(inventoryItems).set({ status: 'RESERVED', lineId: line.lineId, orderId: line.orderId, updatedAt: new Date() }).where(eq(inventoryItems.id, id));
    await recordAudit(tx, audit, { entityType: 'inventory_item', entityId: id, action: 'reserve', before: { status: 'AVAILABLE' }, after: { status: 'RESERVED', lineId: line.lineId } });
  }
  return [];
}
