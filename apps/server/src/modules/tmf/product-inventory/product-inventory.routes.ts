import { productStatusCondition, TMF_PRODUCT_PATH, TMF_PRODUCT_STATUSES, tmfProductNameCandidates, ZTmfProduct } from '@linedesk/domain';
import { ANY_ROLE } from '../../../http/access.js';
import type { App, AppContext } from '../../../http/app-context.js';
import { findPackageCode } from '../../catalog/use-cases/find-package-code.js';
import { listLinesPage, type LinesPageFilter } from '../../orders/use-cases/list-lines-page.js';
import { tmfEnum, tmfFilterValue, tmfText } from '../kernel/tmf-list.js';
import { registerTmfReadRoutes } from '../kernel/tmf-read-routes.js';
import { renderProducts } from './render-products.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTERABLE = ['id', 'status', 'name', 'relatedParty.id', 'productOffering.id'] as const;
/** A filter no line can match: the list is empty (an id that is not one is simply not found). */
const NOTHING = { ids: [] } satisfies LinesPageFilter;

/**
 * TMF637 Product Inventory v4, read-only: every LineDesk line as a product (a bundle of the products it
 * was sold with), newest order first. Lines are read through the orders use cases; the representation
 * is `renderProducts`, which the events use too.
 */
export function registerProductInventoryRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  registerTmfReadRoutes(app, {
    db,
    path: TMF_PRODUCT_PATH,
    tags: ['TMF637 Product Inventory'],
    access: ANY_ROLE,
    resourceSchema: ZTmfProduct.partial(),
    summaries: { list: 'Products: each line of every customer, with its products, prices, devices, SIM and number', one: 'One product (a line)' },
    filterable: FILTERABLE,
    list: async (query) => listLinesPage({ db, offset: query.offset, limit: query.limit, filter: await linesFilter(query.filters) }),
    render: renderProducts,
    notFound: 'product',
  });

  /** The list's attribute equality filters as a lines filter (400 naming the filter on a value that cannot be one). */
  async function linesFilter(filters: Record<string, string>): Promise<LinesPageFilter> {
    const id = tmfFilterValue(filters, 'id', tmfText);
    const status = tmfFilterValue(filters, 'status', tmfEnum(TMF_PRODUCT_STATUSES));
    const name = tmfFilterValue(filters, 'name', tmfText);
    const customerId = tmfFilterValue(filters, 'relatedParty.id', tmfText);
    const offeringId = tmfFilterValue(filters, 'productOffering.id', tmfText);
    // Ids are uuids: any other value is the id of nothing.
    if ([id, customerId, offeringId].some((value) => value !== undefined && !UUID.test(value))) return NOTHING;
    const filter: LinesPageFilter = {};
    if (id !== undefined) filter.ids = [id.toLowerCase()];
    if (customerId !== undefined) filter.customerId = customerId.toLowerCase();
    if (name !== undefined) filter.named = tmfProductNameCandidates(name);
    if (status !== undefined) {
      const condition = productStatusCondition(status);
      if (!condition) return NOTHING;
      filter.status = condition;
    }
    if (offeringId !== undefined) {
      const pkg = await findPackageCode({ db, id: offeringId.toLowerCase() });
      if (!pkg) return NOTHING;
      filter.package = pkg;
    }
    return filter;
  }
}
