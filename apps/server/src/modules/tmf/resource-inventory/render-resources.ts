import {
  formatNanp,
  identifierLabel,
  mdnOfResourceId,
  mdnResourceId,
  numberResourceStatesOf,
  resourceStatesOf,
  TMF_RESOURCE_CATEGORIES,
  TMF_RESOURCE_PATH,
  type IdentifierKind,
  type TStockIdentifier,
  type TStockItem,
  type TTmfCharacteristic,
  type TTmfLogicalResource,
  type TTmfPhysicalResource,
  type TTmfRelatedParty,
  type TTmfResource,
} from '@linedesk/domain';
import { findCustomerSummaries, type CustomerSummary } from '../../customers/use-cases/find-customer-summaries.js';
import { getStockItems } from '../../inventory/use-cases/get-stock-items.js';
import { findLineNumbers } from '../../orders/use-cases/find-line-numbers.js';
import type { LineNumber } from '../../orders/use-cases/list-line-numbers-page.js';
import { findLines } from '../../orders/use-cases/find-lines.js';
import { tmfHref, type TmfRenderContext } from '../kernel/tmf-context.js';

const CUSTOMER_PATH = 'customerManagement/v4/customer';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Which identifier names an item: a device's IMEI (else MEID, else ESN), a SIM's ICCID, an eSIM profile's EID. */
const MAIN_KINDS: readonly IdentifierKind[] = ['IMEI', 'MEID', 'ESN', 'ICCID', 'EID'];

/** The identifier an item is known by (its serial number): the first slot of the first kind in MAIN_KINDS it has. */
export function mainIdentifier(identifiers: readonly TStockIdentifier[]): TStockIdentifier | undefined {
  const rank = (identifier: TStockIdentifier) => MAIN_KINDS.indexOf(identifier.kind) * 10 + identifier.slot;
  return [...identifiers].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * TMF639 Resources by id, in the order asked (ids of nothing are left out): a stock item's id gives
 * its PhysicalResource, `mdn-<ten digits>` the LogicalResource of a number a line holds. Read through
 * the inventory, orders and customers use cases; the API's GETs and the events both answer with this.
 */
export async function renderResources(ctx: TmfRenderContext, ids: string[]): Promise<TTmfResource[]> {
  const { db, baseUrl } = ctx;
  const itemIds = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  const mdns = [...new Set(ids.map(mdnOfResourceId).filter((mdn): mdn is string => mdn !== null))];
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const items = await getStockItems({ db, ids: itemIds });
  const numbers = await findLineNumbers({ db, mdns });
  // The lines items are on: whose customer they serve, and since when.
  const lines = await findLines({ db, ids: [...new Set(items.flatMap((item) => (item.lineId && (item.status === 'RESERVED' || item.status === 'ACTIVE') ? [item.lineId] : [])))] });
  const lineOf = new Map(lines.map(({ line }) => [line.id, line]));
  const customerIds = [...new Set([...lines.map(({ line }) => line.customerId), ...numbers.map((number) => number.customerId)])];
  const customers = await findCustomerSummaries({ db, ids: customerIds });
  const customerOf = new Map(customers.map((customer) => [customer.id, customer]));
  const party = (customerId: string): TTmfRelatedParty => customerParty(baseUrl, customerId, customerOf.get(customerId));

  const byId = new Map<string, TTmfResource>();
  for (const item of items) {
    const line = item.lineId && (item.status === 'RESERVED' || item.status === 'ACTIVE') ? lineOf.get(item.lineId) : undefined;
    byId.set(item.id, physicalResource(baseUrl, item, line ? { party: party(line.customerId), activatedAt: line.activatedAt } : null));
  }
  for (const number of numbers) byId.set(mdnResourceId(number.mdn), logicalResource(baseUrl, number, party(number.customerId)));
  return ids.map((id) => byId.get(UUID.test(id) ? id.toLowerCase() : id)).filter((resource): resource is TTmfResource => resource !== undefined);
}

function customerParty(baseUrl: string, customerId: string, customer: CustomerSummary | undefined): TTmfRelatedParty {
  return {
    id: customerId,
    href: tmfHref(baseUrl, CUSTOMER_PATH, customerId),
    ...(customer ? { name: customer.displayName } : {}),
    role: 'Customer',
    '@referredType': 'Customer',
  };
}

function physicalResource(baseUrl: string, item: TStockItem, onLine: { party: TTmfRelatedParty; activatedAt: Date | null } | null): TTmfPhysicalResource {
  const main = mainIdentifier(item.identifiers);
  const model = item.model && item.make && !item.model.toLowerCase().startsWith(item.make.toLowerCase()) ? `${item.make} ${item.model}` : (item.model ?? item.make);
  const category = TMF_RESOURCE_CATEGORIES[item.kind];
  const characteristic: TTmfCharacteristic[] = [];
  if (main) characteristic.push({ name: 'identifierKind', valueType: 'string', value: main.kind });
  for (const identifier of item.identifiers) characteristic.push({ name: identifierLabel(identifier.kind, identifier.slot), valueType: 'string', value: identifier.value });
  if (item.make) characteristic.push({ name: 'manufacturer', valueType: 'string', value: item.make });
  if (item.model) characteristic.push({ name: 'model', valueType: 'string', value: item.model });
  if (item.location) characteristic.push({ name: 'location', valueType: 'string', value: item.location });
  characteristic.push({ name: 'carrier', valueType: 'string', value: item.carrierCode });
  if (item.agentCode) characteristic.push({ name: 'agent', valueType: 'string', value: item.agentCode });
  return {
    id: item.id,
    href: tmfHref(baseUrl, TMF_RESOURCE_PATH, item.id),
    '@type': 'PhysicalResource',
    '@baseType': 'Resource',
    name: main?.display ?? item.id,
    description: model ? `${model} (${category})` : category,
    category,
    serialNumber: main?.value ?? item.id,
    ...resourceStatesOf(item.status),
    ...(item.status === 'ACTIVE' && onLine?.activatedAt ? { startOperatingDate: onLine.activatedAt.toISOString() } : {}),
    resourceCharacteristic: characteristic,
    ...(item.location ? { place: { role: 'stockLocation', name: item.location } } : {}),
    relatedParty: onLine ? [onLine.party] : [],
  };
}

function logicalResource(baseUrl: string, number: LineNumber, party: TTmfRelatedParty): TTmfLogicalResource {
  const id = mdnResourceId(number.mdn);
  return {
    id,
    href: tmfHref(baseUrl, TMF_RESOURCE_PATH, id),
    '@type': 'LogicalResource',
    '@baseType': 'Resource',
    name: formatNanp(number.mdn),
    category: TMF_RESOURCE_CATEGORIES.MDN,
    value: number.mdn,
    ...numberResourceStatesOf(number.lineStatus),
    ...(number.activatedAt ? { startOperatingDate: number.activatedAt.toISOString() } : {}),
    resourceCharacteristic: [{ name: 'numberType', valueType: 'string', value: 'MDN' }],
    relatedParty: [party],
  };
}
