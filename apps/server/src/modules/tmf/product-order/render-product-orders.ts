import {
  displayOfStoredIdentifier,
  formatNanp,
  identifierLabel,
  mdnResourceId,
  productOrderItemStateOf,
  productOrderStateOf,
  productStatusOf,
  TMF_LINE_CHARACTERISTICS,
  TMF_PRODUCT_ORDER_PATH,
  TMF_PRODUCT_PATH,
  TMF_RESOURCE_PATH,
  tmfMoney,
  type TAddress,
  type TStockItem,
  type TTmfCharacteristic,
  type TTmfProductOrder,
  type TTmfProductOrderItem,
} from '@linedesk/domain';
import { findOfferingIds, offeringKey } from '../../catalog/use-cases/find-offering-ids.js';
import { findCustomerSummaries } from '../../customers/use-cases/find-customer-summaries.js';
import { findServiceAddresses } from '../../customers/use-cases/find-service-addresses.js';
import { findLineStockItems } from '../../inventory/use-cases/find-line-stock-items.js';
import { findOrdersWithLines, type OrderWithLines } from '../../orders/use-cases/find-orders-with-lines.js';
import { tmfHref, type TmfRenderContext } from '../kernel/tmf-context.js';
import { tmfServicePlace } from '../kernel/tmf-place.js';
import { findRejectedProductOrders, type RejectedProductOrderRow } from './use-cases/find-rejected-product-orders.js';

const C = TMF_LINE_CHARACTERISTICS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CUSTOMER_PATH = 'customerManagement/v4/customer';
const OFFERING_PATH = 'productCatalogManagement/v4/productOffering';

/**
 * productOrders by id, in the order asked (ids of nothing are left out): LineDesk orders, whose items are
 * their lines, and the requests that could not become one (state `rejected`, the reasons as notes). Used by
 * the API's answers and by the events, so both say the same thing. A port-in PIN is never rendered.
 */
export async function renderProductOrders(ctx: TmfRenderContext, ids: string[]): Promise<TTmfProductOrder[]> {
  const { db } = ctx;
  ids = ids.filter((id) => UUID.test(id));
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const orders = await findOrdersWithLines({ db, ids });
  const rejected = orders.length === ids.length ? [] : await findRejectedProductOrders({ db, ids: ids.filter((id) => !orders.some((o) => o.order.id === id)) });
  const customerIds = [...new Set(orders.map((o) => o.order.customerId))];
  const customers = await findCustomerSummaries({ db, ids: customerIds, limit: customerIds.length });
  const addresses = await findServiceAddresses({ db, customerIds });
  const lines = orders.flatMap((o) => o.lines);
  const items = await findLineStockItems({ db, lineIds: lines.map((line) => line.id) });
  const offerings = await findOfferingIds({
    db,
    packages: orders.flatMap((o) => o.lines.map((line) => ({ carrierCode: o.order.carrierCode, code: line.packageCode }))),
    products: [],
  });
  const parts: Parts = { ctx, customers: new Map(customers.map((c) => [c.id, c])), addresses, items, packageIds: new Map([...offerings.packages].map(([key, found]) => [key, found.id])) };
  const rendered = new Map<string, TTmfProductOrder>([
    ...orders.map((o): [string, TTmfProductOrder] => [o.order.id, renderOrder(o, parts)]),
    ...rejected.map((row): [string, TTmfProductOrder] => [row.id, renderRejected(ctx, row)]),
  ]);
  return ids.flatMap((id) => rendered.get(id) ?? []);
}

type Parts = {
  ctx: TmfRenderContext;
  customers: Map<string, { id: string; accountNumber: string; displayName: string }>;
  addresses: Map<string, TAddress>;
  items: TStockItem[];
  packageIds: Map<string, string>;
};

function renderOrder({ order, lines }: OrderWithLines, parts: Parts): TTmfProductOrder {
  const { baseUrl } = parts.ctx;
  const customer = parts.customers.get(order.customerId);
  const activated = lines.map((line) => line.activatedAt?.getTime() ?? 0).filter((time) => time > 0);
  return {
    id: order.id,
    href: tmfHref(baseUrl, TMF_PRODUCT_ORDER_PATH, order.id),
    '@type': 'ProductOrder',
    orderDate: order.createdAt.toISOString(),
    state: productOrderStateOf(order.status),
    category: order.orderType,
    ...(order.notes ? { description: order.notes } : {}),
    ...(order.externalId ? { externalId: order.externalId } : {}),
    ...(order.requestedDueDate ? { requestedCompletionDate: `${order.requestedDueDate}T00:00:00.000Z` } : {}),
    ...((order.status === 'COMPLETE' || order.status === 'PARTIAL') && activated.length ? { completionDate: new Date(Math.max(...activated)).toISOString() } : {}),
    ...(order.status === 'CANCELLED' ? { cancellationDate: order.updatedAt.toISOString() } : {}),
    relatedParty: [
      {
        id: order.customerId,
        href: tmfHref(baseUrl, CUSTOMER_PATH, order.customerId),
        name: customer?.displayName ?? '',
        role: 'Customer',
        '@referredType': 'Customer',
      },
    ],
    productOrderItem: lines.map((line) => renderItem(order, line, parts)),
    orderTotalPrice: prices(order.monthlyCents, order.oneTimeCents, 'Order total'),
    note: [],
  };
}

function renderItem(order: OrderWithLines['order'], line: OrderWithLines['lines'][number], parts: Parts): TTmfProductOrderItem {
  const { baseUrl } = parts.ctx;
  const packageId = parts.packageIds.get(offeringKey({ carrierCode: order.carrierCode, code: line.packageCode }));
  const offering = {
    id: packageId ?? line.packageCode,
    ...(packageId ? { href: tmfHref(baseUrl, OFFERING_PATH, packageId) } : {}),
    name: line.packageName,
    '@referredType': 'ProductOffering',
  };
  const address = line.serviceAddress ?? parts.addresses.get(order.customerId) ?? null;
  return {
    id: line.externalItemId ?? String(line.position + 1),
    action: 'add',
    quantity: 1,
    state: productOrderItemStateOf(line.status, order.status),
    productOffering: offering,
    product: {
      id: line.id,
      href: tmfHref(baseUrl, TMF_PRODUCT_PATH, line.id),
      name: line.mdn ? `${line.packageName} ${formatNanp(line.mdn)}` : line.packageName,
      ...(line.description ? { description: line.description } : {}),
      isBundle: true,
      status: productStatusOf(line.status, order.status),
      productCharacteristic: characteristicsOf(line),
      place: address ? [tmfServicePlace(address)] : [],
      realizingResource: resourcesOf(line, parts),
      productOffering: offering,
      '@type': 'Product',
    },
    itemPrice: prices(line.monthlyCents, line.oneTimeCents, line.packageName),
    '@type': 'ProductOrderItem',
  };
}

function characteristicsOf(line: OrderWithLines['lines'][number]): TTmfCharacteristic[] {
  const list: TTmfCharacteristic[] = [];
  const add = (name: string, value: string | number | boolean | null | undefined) => {
    if (value === null || value === undefined) return;
    list.push({ name, value, valueType: typeof value === 'string' ? 'string' : typeof value });
  };
  add(C.lineType, line.lineTypeCode);
  for (const [key, value] of Object.entries(line.properties)) add(key, value);
  add(C.areaCode, line.areaCode);
  add(C.numberZip, line.numberZip);
  add(C.deviceSource, line.deviceSource);
  add(C.mdn, line.mdn);
  if (line.portIn) {
    // The PIN is write-only: sealed at rest, never rendered.
    add(C.portInNumber, line.portIn.number);
    add(C.portInCurrentCarrier, line.portIn.currentCarrier);
    add(C.portInAccountNumber, line.portIn.accountNumber);
    add(C.portInAuthorizedSigner, line.portIn.authorizedSigner);
    add(C.portInAccountName, line.portIn.accountName);
  }
  return list;
}

/** The line's devices and SIMs (stock items: refs to TMF639 resources; the customer's own device by its identifier) and its number. */
function resourcesOf(line: OrderWithLines['lines'][number], parts: Parts) {
  const { baseUrl } = parts.ctx;
  const onLine = parts.items.filter((item) => item.lineId === line.id);
  const refs = onLine.map((item) => {
    const held = item.identifiers.find((i) => line.identifiers.some((l) => l.value === i.value)) ?? item.identifiers[0];
    return {
      id: item.id,
      href: tmfHref(baseUrl, TMF_RESOURCE_PATH, item.id),
      name: held ? `${held.label} ${held.display}` : item.kind,
      ...(held ? { value: held.value } : {}),
      '@referredType': 'PhysicalResource',
    };
  });
  const own = line.identifiers
    .filter((identifier) => !onLine.some((item) => item.identifiers.some((i) => i.value === identifier.value)))
    .map((identifier) => ({
      id: identifier.value,
      name: `${identifierLabel(identifier.kind, 1)} ${identifier.display || displayOfStoredIdentifier(identifier.kind, identifier.value)}`,
      value: identifier.value,
      '@referredType': 'PhysicalResource',
    }));
  const number = line.mdn
    ? [{ id: mdnResourceId(line.mdn), href: tmfHref(baseUrl, TMF_RESOURCE_PATH, mdnResourceId(line.mdn)), name: `MDN ${formatNanp(line.mdn)}`, value: line.mdn, '@referredType': 'LogicalResource' }]
    : [];
  return [...refs, ...own, ...number];
}

function prices(monthlyCents: number, oneTimeCents: number, name: string) {
  return [
    { name: `${name}: monthly`, priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: tmfMoney(monthlyCents) } },
    { name: `${name}: one-time`, priceType: 'oneTime', price: { dutyFreeAmount: tmfMoney(oneTimeCents) } },
  ];
}

type Payload = {
  productOrderItem?: { id?: unknown; action?: unknown; productOffering?: { id?: unknown; name?: unknown }; product?: Record<string, unknown> }[];
  relatedParty?: { id?: unknown; name?: unknown; role?: unknown; '@referredType'?: unknown }[];
  description?: unknown;
  category?: unknown;
  requestedCompletionDate?: unknown;
};

/** A rejected request, as it came (without secrets), its reasons as notes. */
function renderRejected(ctx: TmfRenderContext, row: RejectedProductOrderRow): TTmfProductOrder {
  const payload = row.payload as Payload;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const date = row.createdAt.toISOString();
  return {
    id: row.id,
    href: tmfHref(ctx.baseUrl, TMF_PRODUCT_ORDER_PATH, row.id),
    '@type': 'ProductOrder',
    orderDate: date,
    state: 'rejected',
    ...(text(payload.category) ? { category: text(payload.category) } : {}),
    ...(text(payload.description) ? { description: text(payload.description) } : {}),
    ...(row.externalId ? { externalId: row.externalId } : {}),
    ...(text(payload.requestedCompletionDate) ? { requestedCompletionDate: text(payload.requestedCompletionDate) } : {}),
    relatedParty: (payload.relatedParty ?? []).map((party) => ({
      id: String(party.id ?? ''),
      ...(text(party.name) ? { name: text(party.name) } : {}),
      ...(text(party.role) ? { role: text(party.role) } : {}),
      ...(text(party['@referredType']) ? { '@referredType': text(party['@referredType']) } : {}),
    })),
    productOrderItem: (payload.productOrderItem ?? []).map((item) => {
      const product = item.product ?? {};
      const characteristics = Array.isArray(product.productCharacteristic) ? (product.productCharacteristic as { name?: unknown; value?: unknown; valueType?: unknown }[]) : [];
      const resources = Array.isArray(product.realizingResource) ? (product.realizingResource as { id?: unknown; value?: unknown; name?: unknown }[]) : [];
      return {
        id: String(item.id ?? ''),
        action: item.action === 'modify' || item.action === 'delete' || item.action === 'noChange' ? item.action : 'add',
        quantity: 1,
        state: 'rejected' as const,
        ...(item.productOffering?.id ? { productOffering: { id: String(item.productOffering.id), ...(text(item.productOffering.name) ? { name: text(item.productOffering.name) } : {}) } } : {}),
        product: {
          productCharacteristic: characteristics
            .filter((c) => typeof c.name === 'string' && c.name.toLowerCase() !== C.portInPin.toLowerCase())
            .map((c) => ({ name: String(c.name), value: c.value ?? null, ...(text(c.valueType) ? { valueType: text(c.valueType) } : {}) })),
          place: [],
          realizingResource: resources.map((r) => ({ id: String(r.id ?? ''), ...(text(r.value) ? { value: text(r.value) } : {}), ...(text(r.name) ? { name: text(r.name) } : {}) })),
        },
        itemPrice: [],
        '@type': 'ProductOrderItem',
      };
    }),
    orderTotalPrice: [],
    note: row.reasons.map((reason, index) => ({ id: String(index + 1), author: 'LineDesk', date, text: `${reason.field}: ${reason.message} (${reason.rule})` })),
  };
}
