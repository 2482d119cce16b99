import {
  cancelRefusal,
  itemKindOf,
  type TActionAvailability,
  type TOrderCarrierState,
  type TOrderDetail,
  type TOrderLine,
  type TLineIdentifier,
  type TOrderLineItem,
  type TOrderLineProduct,
} from '@linedesk/domain';
import { readTogether, type DbOrTx } from '../db/client.js';
import type { CarrierRules } from '../modules/catalog/use-cases/find-carrier-rules.js';
import { creatorIds, creatorName, findUsers } from '../modules/auth/use-cases/find-users.js';
import { findCustomerSummaries, type CustomerSummary } from '../modules/customers/use-cases/find-customer-summaries.js';
import { findItemsWithIdentifiers, type ItemWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { resolveDeviceModels, type DeviceModel } from '../modules/inventory/use-cases/resolve-device-models.js';
import type { LineRow } from '../modules/orders/use-cases/get-order.js';
import { readOrderCarrierState } from './order-carrier-state.js';
import { loadOrderState, missingOf, type OrderState } from './order-state.js';
import { sendRefusal } from './send-refusal.js';

/**
 * The order page: header, actions with why they are not possible now, lines with products, charges and
 * inventory. `carriers`: every carrier's rules already read (`cachedCarrierRules`), so the carrier's are not read again.
 */
export async function getOrderPage(options: { db: DbOrTx; orderId: string; carriers?: Map<string, CarrierRules> }): Promise<TOrderDetail> {
  const { db, orderId } = options;
  const { products, ...state } = await loadOrderState({ db, orderId, withProducts: true, ...(options.carriers ? { carriers: options.carriers } : {}) });
  const [items, answer] = await readTogether(db, [
    () => findItemsWithIdentifiers({ db, orderId }),
    () => readPageHeader(db, state.order),
  ]);
  const describables = lineDescribables(state, items);
  const resolved = await resolveDeviceModels(db, [...describables.values()]);
  const models = new Map([...describables].map(([key, describable]) => [key, resolved.get(describable)!]));
  return orderPageOf(state, { ...answer, products: products!, items, models });
}

/**
 * What the order page shows beside the order's own rows: the customer's account number and name, who
 * created it, and what the carrier said about it.
 */
export type PageHeader = { customer: CustomerSummary | undefined; createdBy: string | undefined; carrier: TOrderCarrierState };

export async function readPageHeader(db: DbOrTx, order: Pick<OrderState['order'], 'id' | 'customerId' | 'createdBy' | 'createdByLabel'>): Promise<PageHeader> {
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const [customer] = await findCustomerSummaries({ db, ids: [order.customerId] });
  const people = await findUsers({ db, ids: creatorIds([order]) });
  const carrier = await readOrderCarrierState(db, order.id);
  return { customer, createdBy: creatorName(people, order), carrier };
}

export type OrderPageParts = PageHeader & {
  products: Map<string, TOrderLineProduct[]>;
  /** The items reserved for (or active on) the order, each with all its identifiers. */
  items: ItemWithIdentifiers[];
  /** Make and model by `describableKey` of each identifier on the lines. */
  models: Map<string, DeviceModel>;
};

/** The order page built from what is already read: no query. */
export function orderPageOf(state: OrderState, parts: OrderPageParts): TOrderDetail {
  const { order } = state;
  const { customer } = parts;
  const lines = state.lines.map((line) => toOrderLine(state, line, parts.products.get(line.id) ?? [], parts.items, parts.models));
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    orderType: order.orderType,
    status: order.status,
    carrierCode: order.carrierCode,
    carrierName: order.carrierName,
    customer: { id: order.customerId, accountNumber: customer?.accountNumber ?? '', displayName: customer?.displayName ?? 'Unknown customer' },
    createdBy: parts.createdBy ?? 'Unknown user',
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    requestedDueDate: order.requestedDueDate,
    fulfillment: order.fulfillment,
    sendAutomatically: order.sendAutomatically,
    notes: order.notes,
    monthlyCents: order.monthlyCents,
    oneTimeCents: order.oneTimeCents,
    depositCents: order.depositCents,
    send: sendAvailability(state),
    cancel: availability(cancelRefusal(order.status)),
    carrier: parts.carrier,
    awaitingCarrier: order.status === 'SENT' || order.status === 'IN_PROGRESS',
    lines,
  };
}

type Describable = Parameters<typeof resolveDeviceModels>[1][number];

/** The item on this line holding this identifier, if it is stock (a customer's own device is not). */
function itemOf(items: ItemWithIdentifiers[], line: LineRow, identifier: TLineIdentifier): ItemWithIdentifiers | undefined {
  return items.find((i) => i.lineId === line.id && i.identifiers.some((own) => own.value === identifier.value));
}

/** The key a line identifier's make and model go by: its item, or the value alone for a device not in stock. */
export function describableKey(item: Pick<ItemWithIdentifiers, 'id'> | undefined, identifier: Pick<TLineIdentifier, 'kind' | 'value'>): string {
  return item ? `item:${item.id}` : `value:${identifier.kind}:${identifier.value}`;
}

/**
 * What describes every identifier on the lines, by `describableKey`: the stock item's own make and
 * model, else the TAC table's for an IMEI (which also names a customer's own device).
 */
export function lineDescribables(state: Pick<OrderState, 'lines'>, items: ItemWithIdentifiers[]): Map<string, Describable> {
  const describables = new Map<string, Describable>();
  for (const line of state.lines) {
    for (const identifier of line.identifiers) {
      const item = itemOf(items, line, identifier);
      describables.set(describableKey(item, identifier), {
        kind: item?.kind ?? itemKindOf(identifier.kind),
        make: item?.make ?? null,
        model: item?.model ?? null,
        identifiers: item?.identifiers ?? [{ kind: identifier.kind, slot: 1, value: identifier.value }],
      });
    }
  }
  return describables;
}

function toOrderLine(state: OrderState, line: LineRow, products: TOrderLine['products'], items: ItemWithIdentifiers[], models: Map<string, DeviceModel>): TOrderLine {
  const userName = line.properties.userName;
  return {
    id: line.id,
    position: line.position,
    status: line.status,
    orderType: line.portIn ? 'CONVERSION' : 'NEW',
    lineTypeCode: line.lineTypeCode,
    lineTypeName: line.lineTypeName,
    packageCode: line.packageCode,
    packageName: line.packageName,
    userName: typeof userName === 'string' && userName !== '' ? userName : null,
    number: line.mdn ?? line.portIn?.number ?? null,
    isPortIn: line.portIn !== null,
    portIn: line.portIn
      ? {
          number: line.portIn.number,
          currentCarrier: line.portIn.currentCarrier,
          accountNumber: line.portIn.accountNumber,
          authorizedSigner: line.portIn.authorizedSigner,
          accountName: line.portIn.accountName,
          // Write-only: whether one is on file, never the PIN (nor a hint of it).
          pin: { isSet: line.portIn.pinSealed !== null, hint: null },
        }
      : null,
    deviceSource: line.deviceSource,
    monthlyCents: line.monthlyCents,
    oneTimeCents: line.oneTimeCents,
    products,
    items: line.identifiers.map((identifier): TOrderLineItem => {
      const item = itemOf(items, line, identifier);
      const model = models.get(describableKey(item, identifier));
      return {
        itemId: item?.id ?? null,
        itemKind: item?.kind ?? itemKindOf(identifier.kind),
        identifierKind: identifier.kind,
        value: identifier.value,
        display: identifier.display,
        make: model?.make ?? null,
        model: model?.model ?? null,
      };
    }),
    missing: missingOf(state, line, line.identifiers),
    activatedAt: line.activatedAt?.toISOString() ?? null,
    carrierRejection: line.carrierRejection ?? null,
  };
}

/**
 * Send waits for the order to be Ready (every line has what its line type needs), or for an order the
 * carrier refused (Error) to be fixed; its carrier must be connected. The same rule as Send itself.
 */
function sendAvailability(state: OrderState): TActionAvailability {
  return availability(sendRefusal(state)?.reason ?? null);
}

function availability(reason: string | null): TActionAvailability {
  return { allowed: reason === null, reason };
}
