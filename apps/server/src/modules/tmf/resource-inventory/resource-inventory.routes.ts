import {
  INVENTORY_KINDS,
  inventoryStatusesWithResourceStatus,
  lineStatusesWithResourceStatus,
  mdnOfResourceId,
  mdnResourceId,
  parseIdentifier,
  parseNanp,
  TMF_RESOURCE_CATEGORIES,
  TMF_RESOURCE_PATH,
  TMF_RESOURCE_STATUSES,
  TMF_RESOURCE_TYPES,
  ZTmfLogicalResource,
  ZTmfPhysicalResource,
  type InventoryKind,
  type InventoryStatus,
  type LineStatus,
} from '@linedesk/domain';
import { z } from 'zod';
import { ANY_ROLE } from '../../../http/access.js';
import type { App, AppContext } from '../../../http/app-context.js';
import { listStockItemIds, type StockItemIdsFilter } from '../../inventory/use-cases/list-stock-item-ids.js';
import { listLineNumbersPage } from '../../orders/use-cases/list-line-numbers-page.js';
import { tmfEnum, tmfFilterValue, tmfText } from '../kernel/tmf-list.js';
import { registerTmfReadRoutes } from '../kernel/tmf-read-routes.js';
import { renderResources } from './render-resources.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTERABLE = ['id', '@type', 'resourceStatus', 'name', 'serialNumber', 'value', 'category'] as const;

/** What the list reads of stock items and of numbers; null: none of that kind can match. */
type ResourceQuery = {
  physical: StockItemIdsFilter | null;
  logical: { mdns?: string[]; lineStatuses?: LineStatus[] } | null;
};

/** A resource's response schema: either kind, projected by `fields=` (so every attribute but the identifying ones may be absent). */
const ZResourceOut = z.union([ZTmfPhysicalResource.partial(), ZTmfLogicalResource.partial()]);

/**
 * TMF639 Resource Inventory v4, read-only: stock items (devices, SIM cards, eSIM profiles) as
 * PhysicalResources, newest first, then the numbers lines hold (MDNs) as LogicalResources, most recently
 * activated first: one list, paged across both. Customers' own devices are not stock and are not
 * resources (their line's TMF637 product names them). Read through the inventory and orders use cases;
 * the representation is `renderResources`, which the events use too.
 */
export function registerResourceInventoryRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  registerTmfReadRoutes(app, {
    db,
    path: TMF_RESOURCE_PATH,
    tags: ['TMF639 Resource Inventory'],
    access: ANY_ROLE,
    resourceSchema: ZResourceOut,
    summaries: {
      list: 'Resources: stock items (PhysicalResource), then the numbers lines hold (LogicalResource)',
      one: 'One resource: a stock item (by its id) or a number (mdn-<ten digits>)',
    },
    filterable: FILTERABLE,
    listDescription: `Paged with offset and limit (X-Total-Count, X-Result-Count) across both kinds, projected with fields=, filtered by ${FILTERABLE.join(', ')}.`,
    list: async (query) => {
      const wanted = resourceQuery(query.filters);
      const { offset, limit } = query;
      // Stock items first, then numbers: the numbers' part of the page starts where the items end.
      const items = wanted.physical ? await listStockItemIds({ db, offset, limit, filter: wanted.physical }) : { ids: [], total: 0 };
      const numbers = wanted.logical
        ? await listLineNumbersPage({ db, offset: Math.max(0, offset - items.total), limit: limit - items.ids.length, ...wanted.logical })
        : { items: [], total: 0 };
      return { ids: [...items.ids, ...numbers.items.map((number) => mdnResourceId(number.mdn))], total: items.total + numbers.total };
    },
    render: renderResources,
    notFound: 'resource',
  });
}

/**
 * The list's attribute equality filters (400 naming the filter on a value that cannot be one):
 * `id` a stock item's id or `mdn-<digits>`; `@type`; `resourceStatus` (through the decided mapping);
 * `name` and `serialNumber` an identifier in any written form (the item holding it), `name` and `value`
 * also a number; `category` Device, SIM, eSIM or MDN (any case).
 */
function resourceQuery(filters: Record<string, string>): ResourceQuery {
  const id = tmfFilterValue(filters, 'id', tmfText);
  const type = tmfFilterValue(filters, '@type', tmfEnum(TMF_RESOURCE_TYPES));
  const status = tmfFilterValue(filters, 'resourceStatus', tmfEnum(TMF_RESOURCE_STATUSES));
  const name = tmfFilterValue(filters, 'name', tmfText);
  const serialNumber = tmfFilterValue(filters, 'serialNumber', tmfText);
  const value = tmfFilterValue(filters, 'value', tmfText);
  const category = tmfFilterValue(filters, 'category', tmfText);

  let physical: StockItemIdsFilter | null = {};
  let logical: { mdns?: string[]; lineStatuses?: LineStatus[] } | null = {};
  // Each condition narrows what the others left: two different values of one attribute match nothing.
  const narrowPhysical = (more: StockItemIdsFilter) => {
    if (!physical) return;
    const next: StockItemIdsFilter = { ...physical };
    if (more.ids) next.ids = physical.ids ? physical.ids.filter((one) => more.ids!.includes(one)) : more.ids;
    if (more.kinds) next.kinds = physical.kinds ? physical.kinds.filter((one) => more.kinds!.includes(one)) : more.kinds;
    if (more.statuses) next.statuses = physical.statuses ? physical.statuses.filter((one) => more.statuses!.includes(one)) : more.statuses;
    if (more.identifierValue !== undefined) {
      if (physical.identifierValue !== undefined && physical.identifierValue !== more.identifierValue) {
        physical = null;
        return;
      }
      next.identifierValue = more.identifierValue;
    }
    physical = next;
  };
  const narrowNumbers = (mdn: string | null) => {
    if (!logical) return;
    if (mdn === null || (logical.mdns && !logical.mdns.includes(mdn))) logical = null;
    else logical = { ...logical, mdns: [mdn] };
  };

  if (id !== undefined) {
    if (UUID.test(id)) {
      narrowPhysical({ ids: [id.toLowerCase()] });
      logical = null;
    } else {
      physical = null;
      narrowNumbers(mdnOfResourceId(id));
    }
  }
  if (type === 'PhysicalResource') logical = null;
  if (type === 'LogicalResource') physical = null;
  if (status !== undefined) {
    const itemStatuses: InventoryStatus[] = inventoryStatusesWithResourceStatus(status);
    const lineStatuses = lineStatusesWithResourceStatus(status);
    narrowPhysical({ statuses: itemStatuses });
    if (logical) logical = { ...logical, lineStatuses };
  }
  if (serialNumber !== undefined) {
    logical = null;
    const parsed = parseIdentifier(serialNumber);
    if (parsed.ok) narrowPhysical({ identifierValue: parsed.value });
    else physical = null;
  }
  if (name !== undefined) {
    const parsed = parseIdentifier(name);
    if (parsed.ok) narrowPhysical({ identifierValue: parsed.value });
    else physical = null;
    const number = parseNanp(name);
    narrowNumbers(number.ok ? number.digits : null);
  }
  if (value !== undefined) {
    physical = null;
    const number = parseNanp(value);
    narrowNumbers(number.ok ? number.digits : null);
  }
  if (category !== undefined) {
    const kind = (Object.keys(TMF_RESOURCE_CATEGORIES) as (InventoryKind | 'MDN')[]).find((key) => TMF_RESOURCE_CATEGORIES[key].toLowerCase() === category.toLowerCase());
    if (kind === 'MDN') physical = null;
    else {
      logical = null;
      if (kind && (INVENTORY_KINDS as readonly string[]).includes(kind)) narrowPhysical({ kinds: [kind] });
      else physical = null;
    }
  }
  return { physical, logical };
}
