import { canTransition, INVENTORY_KIND_LABELS, INVENTORY_TRANSITIONS, type DeviceSource, type TLineIdentifier } from '@linedesk/domain';
import type { Tx } from '../../../db/client.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { findStockItems } from './find-stock-items.js';
import { reserveStockItem } from './reserve-stock-item.js';

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
 * kept on the line as given. A line takes one item of each kind (one device, one SIM). Returns the
 * problems instead of reserving anything when there are any.
 */
export async function reserveLineStock(tx: Tx, audit: AuditContext, line: LineStock): Promise<StockProblem[]> {
  const found = await findStockItems({ db: tx, values: line.identifiers.map((i) => i.value), forUpdate: true });
  const problems: StockProblem[] = [];
  const toReserve = new Map<string, { itemId: string; label: string }>();
  for (const identifier of line.identifiers) {
    const item = found.find((f) => f.identifier.value === identifier.value);
    const isDevice = identifier.kind === 'IMEI' || identifier.kind === 'MEID' || identifier.kind === 'ESN';
    if (!item) {
      if (!(isDevice && line.deviceSource === 'BYOD')) {
        problems.push({ identifier, rule: 'not_in_stock', message: `${identifier.kind} ${identifier.display} is not in stock` });
      }
      continue;
    }
    const sameKind = [...toReserve.entries()].find(([id]) => id !== item.id && found.find((f) => f.id === id)?.kind === item.kind);
    if (item.carrierCode !== line.carrierCode) {
      problems.push({ identifier, rule: 'other_carrier', message: `${identifier.kind} ${identifier.display} is stock for ${item.carrierCode}, not this carrier` });
    } else if (!canTransition(INVENTORY_TRANSITIONS, item.status, 'RESERVED')) {
      problems.push({ identifier, rule: 'not_available', message: `${identifier.kind} ${identifier.display} is ${item.status.toLowerCase()}, not available` });
    } else if (sameKind) {
      problems.push({ identifier, rule: 'one_per_kind', message: `${identifier.kind} ${identifier.display} is another ${INVENTORY_KIND_LABELS[item.kind]} item for the same line, which takes one` });
    } else {
      toReserve.set(item.id, { itemId: item.id, label: `${identifier.kind} ${identifier.display}` });
    }
  }
  if (problems.length) return problems;
  for (const { itemId, label } of [...toReserve.values()].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
    await reserveStockItem(tx, audit, { itemId, label, lineId: line.lineId, orderId: line.orderId });
  }
  return [];
}
