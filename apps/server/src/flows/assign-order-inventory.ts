import {
  describeNeed,
  describeNeeds,
  INVENTORY_STATUS_LABELS,
  inventoryChangeRefusal,
  itemKindOf,
  statusAfterInventoryChange,
  type TLineIdentifier,
  type TOrderScanEntry,
  type TOrderScanResult,
} from '@linedesk/domain';
import type { Db, DbOrTx, Tx } from '../db/client.js';
import type { CarrierRules } from '../modules/catalog/use-cases/find-carrier-rules.js';
import { AppError } from '../http/app-error.js';
import { batchAudits, type AuditContext } from '../modules/audit/record-audit.js';
import type { ItemWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { findOrderStock } from '../modules/inventory/use-cases/find-order-stock.js';
import type { StockItem } from '../modules/inventory/use-cases/find-stock-items.js';
import { reserveStockItem } from '../modules/inventory/use-cases/reserve-stock-item.js';
import { resolveDeviceModels, type DeviceModel } from '../modules/inventory/use-cases/resolve-device-models.js';
import { changeOrderStatus } from '../modules/orders/use-cases/change-order-status.js';
import { findLinesByIdentifier, type LineHolding } from '../modules/orders/use-cases/find-lines-by-identifier.js';
import type { LineRow } from '../modules/orders/use-cases/get-order.js';
import { setLineIdentifiers } from '../modules/orders/use-cases/set-line-identifiers.js';
import { classifyOrderScan, MAX_SCANNED_VALUES, type ScannedValue } from './classify-order-scan.js';
import { describableKey, lineDescribables, orderPageOf, readPageHeader } from './get-order-page.js';
import { cachedCarrierRules, kindsTakenBy, liveLines, loadOrderState, missingOf, requirementOf, type OrderState } from './order-state.js';
import { autoSendKey, sendLockedOrder, sendsByItself } from './send-order.js';
import { sendRefusal } from './send-refusal.js';
import { lastSendErrorCode } from './order-carrier-state.js';

/**
 * The order's Inventory tab: scanned or pasted text, one identifier or many (a box's several barcodes, a
 * list), each classified and looked up in stock, then put on the line the agent picked or on the next
 * line that needs its kind. Each value's outcome says which line it went to and the device's make and
 * model, or exactly why not. In one transaction with the order locked: the items reserved, the lines'
 * identifiers, the order's status (Ready once every line has what it needs), all audited. An order of a
 * flow-through carrier (or marked Send automatically) that becomes Ready is sent in the same transaction.
 */
export async function assignOrderInventory(options: { db: Db; audit: AuditContext; orderId: string; text: string; lineId?: string; format?: string }): Promise<TOrderScanResult> {
  const { db } = options;
  const carriers = await cachedCarrierRules(db);
  return db.transaction((tx) => assignOrderInventoryIn(tx, { ...options, carriers }));
}

export type ScanAssignment = {
  audit: AuditContext;
  orderId: string;
  text: string;
  lineId?: string;
  format?: string;
  carriers: Map<string, CarrierRules>;
  /**
   * Decides, before anything is written, whether the scan goes ahead: an error to throw refuses all of it.
   * The Inventory tab keeps what it can and lists the rest; an integrator's PATCH is all or nothing.
   */
  veto?: (entries: TOrderScanEntry[]) => AppError | null;
};

/** The scan itself, inside the caller's transaction (which may make several, as an integrator's PATCH does). */
export async function assignOrderInventoryIn(tx: Tx, options: ScanAssignment): Promise<TOrderScanResult> {
  const { orderId, carriers } = options;
  // The scan's audit rows (reservations, lines, status) go in together, in one insert before the commit.
  const audits = batchAudits(options.audit);
  const audit = audits.context;
  const { products, ...state } = await loadOrderState({ db: tx, orderId, lock: true, carriers, withProducts: true });
  const refusal = inventoryChangeRefusal(state.order.status, await lastSendErrorCode(tx, state.order));
  if (refusal) throw new AppError('RULE_VIOLATED', refusal);
  const picked = pickedLine(state, options.lineId);
  const targets = picked ? [picked] : liveLines(state).filter((line) => line.status === 'PENDING');
  const scanned = classifyOrderScan(options.text, [...new Set(targets.flatMap((line) => kindsTakenBy(state, line)))], options.format);
  if (scanned.length === 0) throw AppError.field('VALIDATION_FAILED', 'body.text', 'empty', 'Scan or paste an identifier');
  if (scanned.length > MAX_SCANNED_VALUES) {
    throw AppError.field('VALIDATION_FAILED', 'body.text', 'too_many', `Paste at most ${MAX_SCANNED_VALUES} identifiers at a time; this has ${scanned.length}`);
  }
  const values = scanned.flatMap((value) => (value.outcome === 'identifier' ? [value.parsed.value] : []));
  // The scanned values' stock and the order's own items (for the answer), in one statement.
  const { found: stock, items } = await findOrderStock({ db: tx, values, orderId });
  // Which order holds a value is only told for one not in stock or not Available.
  const unplaced = values.filter((value) => stock.find((s) => s.identifier.value === value)?.status !== 'AVAILABLE');
  const holdings = await findLinesByIdentifier({ db: tx, values: unplaced });
  const models = await modelsOf(tx, state, scanned, stock, items);
  const plan = planScan({ state, picked, targets, scanned, stock, holdings, models: models.ofScanned });
  const vetoed = options.veto?.(plan.entries);
  if (vetoed) throw vetoed;

  // Items in a fixed order, so two scans reserving the same items cannot deadlock.
  for (const reservation of [...plan.reservations].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
    await reserveStockItem(tx, audit, { ...reservation, orderId });
  }
  let order = state.order;
  const changed = state.lines.filter((line) => plan.identifiers.get(line.id) !== line.identifiers);
  if (changed.length) {
    await setLineIdentifiers(
      tx,
      audit,
      changed.map((line) => ({ lineId: line.id, before: line.identifiers, after: plan.identifiers.get(line.id)!, action: 'assign_inventory' })),
    );
    const next = statusAfterInventoryChange(
      state.order.status,
      liveLines(state).map((line) => ({ missing: missingOf(state, line, plan.identifiers.get(line.id)!) })),
    );
    if (next !== state.order.status) order = { ...order, status: next, ...(await changeOrderStatus(tx, audit, { orderId, from: state.order.status, to: next })) };
  }
  const scannedLines = state.lines.map((line) => ({ ...line, identifiers: plan.identifiers.get(line.id)! }));
  // Flow-through: an order that just became Ready goes to its carrier in the same transaction.
  if (order.status === 'READY' && state.order.status !== 'READY' && sendsByItself(state)) {
    const ready: OrderState = { ...state, order, lines: scannedLines };
    if (!sendRefusal(ready)) {
      const sent = await sendLockedOrder(tx, audit, ready, { idempotencyKey: autoSendKey(orderId) });
      order = { ...order, status: sent.status, updatedAt: sent.updatedAt };
    }
  }
  await audits.flush(tx);

  // The answer is the order page as it now is, built from what the scan read and wrote rather than read again.
  const after: OrderState = { ...state, order, lines: scannedLines };
  const reservedOn = new Map(plan.reservations.map((r) => [r.itemId, r.lineId]));
  const orderItems = items.flatMap((item): ItemWithIdentifiers[] => {
    const lineId = reservedOn.get(item.id);
    if (lineId) return [{ ...item, status: 'RESERVED', lineId, orderId }];
    return item.orderId === orderId ? [item] : [];
  });
  const header = await readPageHeader(tx, order);
  return { entries: plan.entries, order: orderPageOf(after, { ...header, products: products!, items: orderItems, models: await models.ofLines(after, orderItems) }) };
}

function pickedLine(state: OrderState, lineId: string | undefined): LineRow | null {
  if (!lineId) return null;
  const line = state.lines.find((l) => l.id === lineId);
  if (!line) throw AppError.field('VALIDATION_FAILED', 'body.lineId', 'on_order', 'That line is not on this order');
  if (line.status !== 'PENDING') throw AppError.field('RULE_VIOLATED', 'body.lineId', 'line_pending', `Line ${line.position + 1} is ${line.status.toLowerCase()}, so its inventory cannot change`);
  return line;
}

type Plan = {
  entries: TOrderScanEntry[];
  reservations: { itemId: string; lineId: string; label: string }[];
  /** Each line's identifiers after the scan; the same array as before for a line that did not change. */
  identifiers: Map<string, TLineIdentifier[]>;
};

type PlanInput = {
  state: OrderState;
  picked: LineRow | null;
  targets: LineRow[];
  scanned: ScannedValue[];
  stock: StockItem[];
  holdings: LineHolding[];
  /** Make and model by identifier value. */
  models: Map<string, DeviceModel>;
};

type Describable = Parameters<typeof resolveDeviceModels>[1][number];

/**
 * The make and model of each scanned value (its stock item's own, else the TAC table's for an IMEI), and
 * of everything the lines may hold after the scan (for the answer), resolved by one query for the lot.
 */
async function modelsOf(db: DbOrTx, state: OrderState, scanned: ScannedValue[], stock: StockItem[], items: ItemWithIdentifiers[]) {
  const describables = lineDescribables(state, items);
  const ofValue = new Map<string, string>();
  for (const value of scanned) {
    if (value.outcome !== 'identifier') continue;
    const { kind, value: normalised } = value.parsed;
    const found = stock.find((s) => s.identifier.value === normalised);
    const item = found ? items.find((i) => i.id === found.id) : undefined;
    const own = [{ kind, slot: 1, value: normalised }];
    if (item) describables.set(describableKey(item, value.parsed), { kind: item.kind, make: item.make, model: item.model, identifiers: item.identifiers });
    const key = item ? `scanned:${normalised}` : describableKey(undefined, value.parsed);
    describables.set(key, { kind: item?.kind ?? itemKindOf(kind), make: item?.make ?? null, model: item?.model ?? null, identifiers: own });
    ofValue.set(normalised, key);
  }
  const resolve = async (wanted: Map<string, Describable>) => {
    const resolved = await resolveDeviceModels(db, [...wanted.values()]);
    return new Map([...wanted].map(([key, describable]) => [key, resolved.get(describable)!]));
  };
  const models = await resolve(describables);
  return {
    ofScanned: new Map([...ofValue].map(([value, key]) => [value, models.get(key)!])),
    /** By `describableKey`, for the lines after the scan: all resolved above (a query only for anything not). */
    ofLines: async (after: OrderState, orderItems: ItemWithIdentifiers[]) => {
      const missing = new Map([...lineDescribables(after, orderItems)].filter(([key]) => !models.has(key)));
      return missing.size ? new Map([...models, ...(await resolve(missing))]) : models;
    },
  };
}

/** Decides every scanned value's outcome in memory, in scan order; nothing is written here. */
function planScan(input: PlanInput): Plan {
  const { state, picked, targets, scanned, stock, holdings, models } = input;
  const plan: Plan = { entries: [], reservations: [], identifiers: new Map(state.lines.map((line) => [line.id, line.identifiers])) };
  const orderLineIds = new Set(state.lines.map((line) => line.id));
  const itemLines = new Map(stock.filter((item) => item.lineId && orderLineIds.has(item.lineId)).map((item) => [item.id, item.lineId!]));
  const seen = new Set<string>();
  const lineNumber = (lineId: string) => state.lines.find((line) => line.id === lineId)!.position + 1;

  for (const value of scanned) {
    if (value.outcome !== 'identifier') {
      plan.entries.push(entry(value.input, value.outcome === 'ignored' ? 'IGNORED' : 'REFUSED', { rule: value.rule, message: value.message }));
      continue;
    }
    const { parsed } = value;
    const label = `${parsed.kind} ${parsed.display}`;
    const item = stock.find((s) => s.identifier.value === parsed.value);
    const model = models.get(parsed.value);
    const found = { identifierKind: parsed.kind, display: parsed.display, make: model?.make ?? null, model: model?.model ?? null };
    const say = (outcome: TOrderScanEntry['outcome'], rule: string | null, message: string, line: LineRow | null = null) =>
      plan.entries.push(entry(value.input, outcome, { ...found, rule, message, lineId: line?.id ?? null, linePosition: line ? line.position + 1 : null }));

    if (seen.has(parsed.value)) {
      say('DUPLICATE', 'scanned_twice', `${label} was scanned twice; it counts once`);
      continue;
    }
    seen.add(parsed.value);
    const holder = state.lines.find((line) => plan.identifiers.get(line.id)!.some((i) => i.value === parsed.value));
    if (holder) {
      say('DUPLICATE', 'already_on_order', `${label} is already on line ${holder.position + 1}`, holder);
      continue;
    }
    const itemLine = item ? itemLines.get(item.id) : undefined;
    if (itemLine) {
      const line = state.lines.find((l) => l.id === itemLine)!;
      say('DUPLICATE', 'same_item', `${label} belongs to the ${describeItem(item!, model)} already on line ${line.position + 1}`, line);
      continue;
    }
    if (!value.applies) {
      const reason = picked
        ? `line ${picked.position + 1} (${picked.lineTypeName}) takes ${takesPhrase(state, picked)}, not ${describeNeed([parsed.kind])}`
        : `no line on this order takes ${describeNeed([parsed.kind])}`;
      // Among a box's several barcodes the ones that do not apply are expected; on its own it is a mistake.
      if (scanned.length > 1) say('IGNORED', 'not_needed', `${label} ignored: ${reason}`);
      else say('REFUSED', 'wrong_kind', `${label}: ${reason}`);
      continue;
    }

    const itemKind = itemKindOf(parsed.kind);
    const needing = targets.filter((line) => {
      const have = plan.identifiers.get(line.id)!;
      return missingOf(state, line, have).some((group) => group.includes(parsed.kind)) && !have.some((i) => itemKindOf(i.kind) === itemKind);
    });
    const elsewhere = holdings.find((h) => h.value === parsed.value && h.orderId !== state.order.id);

    if (!item) {
      const ownDeviceLine = itemKind === 'DEVICE' ? needing.find((line) => line.deviceSource === 'BYOD') : undefined;
      if (elsewhere) {
        say('REFUSED', 'on_another_order', `${label} is already on order ${elsewhere.orderNumber}, line ${elsewhere.position + 1}`);
      } else if (ownDeviceLine) {
        assign(plan, ownDeviceLine, parsed);
        const name = [model?.make, model?.model].filter(Boolean).join(' ');
        say('ASSIGNED', null, withNotes(`Recorded on line ${ownDeviceLine.position + 1} as the customer's own device${name ? ` (${name})` : ''}`, parsed.notes), ownDeviceLine);
      } else {
        say('REFUSED', 'not_in_stock', `${label} is not in stock${itemKind === 'DEVICE' ? ' (only a line with the customer’s own device takes a device that is not)' : ''}; receive it into Inventory first`);
      }
      continue;
    }
    if (item.carrierCode !== state.order.carrierCode) {
      say('REFUSED', 'other_carrier', `${label} is stock of carrier ${item.carrierCode}, not of ${state.order.carrierName}`);
      continue;
    }
    if (item.status !== 'AVAILABLE') {
      const where = elsewhere ? `reserved on order ${elsewhere.orderNumber}, line ${elsewhere.position + 1}` : INVENTORY_STATUS_LABELS[item.status];
      say('REFUSED', 'not_available', `${label} is ${where}, not Available`);
      continue;
    }
    const line = needing.find((l) => itemKind !== 'DEVICE' || l.deviceSource === 'STOCK');
    if (!line) {
      const ownDeviceLine = needing[0];
      if (ownDeviceLine) say('REFUSED', 'customer_device_line', `Line ${ownDeviceLine.position + 1} uses the customer's own device, so a device from stock does not go on it`);
      else if (picked) say('REFUSED', 'line_has_kind', `Line ${picked.position + 1} already has ${heldPhrase(plan.identifiers.get(picked.id)!, parsed.kind)}; unassign it first`);
      else say('REFUSED', 'not_needed', `No line on this order still needs ${describeNeed([parsed.kind])}: every line has one`);
      continue;
    }
    assign(plan, line, parsed);
    itemLines.set(item.id, line.id);
    plan.reservations.push({ itemId: item.id, lineId: line.id, label });
    say('ASSIGNED', null, withNotes(`Assigned to line ${lineNumber(line.id)}: ${describeItem(item, model)}`, parsed.notes), line);
  }
  return plan;
}

function assign(plan: Plan, line: LineRow, parsed: TLineIdentifier): void {
  plan.identifiers.set(line.id, [...plan.identifiers.get(line.id)!, { kind: parsed.kind, value: parsed.value, display: parsed.display }]);
}

function entry(input: string, outcome: TOrderScanEntry['outcome'], fields: Partial<TOrderScanEntry> & { message: string }): TOrderScanEntry {
  return { input, outcome, identifierKind: null, display: null, lineId: null, linePosition: null, make: null, model: null, rule: null, ...fields };
}

function describeItem(item: StockItem, model: DeviceModel | undefined): string {
  const name = [model?.make, model?.model].filter(Boolean).join(' ');
  return name || `${item.kind === 'DEVICE' ? 'device' : item.kind === 'SIM' ? 'SIM' : 'eSIM'} without a make or model on record`;
}

function takesPhrase(state: OrderState, line: LineRow): string {
  return describeNeeds(requirementOf(state, line)?.requires ?? []) || 'no device or SIM identifiers';
}

/** "a device (IMEI 35 209900 176141 6)": what a line already holds in place of this kind. */
function heldPhrase(identifiers: TLineIdentifier[], kind: TLineIdentifier['kind']): string {
  const held = identifiers.find((i) => itemKindOf(i.kind) === itemKindOf(kind));
  return held ? describeNeed([held.kind]).replace(`(${held.kind})`, `(${held.kind} ${held.display})`) : describeNeed([kind]);
}

function withNotes(message: string, notes: string[]): string {
  return notes.length ? `${message}. ${notes.join('. ')}` : message;
}
