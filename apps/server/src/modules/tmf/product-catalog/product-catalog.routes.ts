import {
  TMF_CATALOG_LIFECYCLE_STATUSES,
  TMF_PRICE_TYPES,
  ZTmfCatalog,
  ZTmfCategory,
  ZTmfProductOffering,
  ZTmfProductOfferingPrice,
  ZTmfProductSpecification,
} from '@linedesk/domain';
import type { z } from 'zod';
import { ANY_ROLE } from '../../../http/access.js';
import type { DbOrTx } from '../../../db/client.js';
import type { App, AppContext } from '../../../http/app-context.js';
import { catalogReadCacheOf } from '../../catalog/catalog-read-cache.js';
import { listCatalogRecords } from '../../catalog/use-cases/list-catalog-records.js';
import type { TmfRenderContext } from '../kernel/tmf-context.js';
import { tmfEnum, tmfFilterValue, tmfText, type TmfFilterParser } from '../kernel/tmf-list.js';
import { registerTmfReadRoutes } from '../kernel/tmf-read-routes.js';
import { buildTmfCatalog, TMF620_PATHS, type TmfCatalogView } from './catalog-mapping.js';
import {
  renderCatalogs,
  renderCategories,
  renderProductOfferingPrices,
  renderProductOfferings,
  renderProductSpecifications,
} from './render-catalog.js';

/** One attribute equality filter of a list: how its value is read and whether a resource matches it. */
type Filter<T> = { parse: TmfFilterParser<string>; matches: (resource: T, value: string) => boolean };

const flag = tmfEnum(['true', 'false']);
const lifecycle = tmfEnum(TMF_CATALOG_LIFECYCLE_STATUSES);
const same = (actual: unknown, value: string) => String(actual) === value;
const common = <T extends { id: string; name: string; lifecycleStatus: string }>(): Record<string, Filter<T>> => ({
  id: { parse: tmfText, matches: (r, v) => r.id === v },
  name: { parse: tmfText, matches: (r, v) => r.name === v },
  lifecycleStatus: { parse: lifecycle, matches: (r, v) => r.lifecycleStatus === v },
});

type Resource<K extends keyof TmfCatalogView> = TmfCatalogView[K][number];

/**
 * TMF620 Product Catalog Management v4, read-only: product offerings (packages as bundles, products),
 * their prices, product specifications (line types, products), catalogs (one per carrier) and
 * categories. Lists are built from the catalog read cache (another process's change shows within a
 * second); a single resource is read as it is now.
 */
export function registerProductCatalogRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  const cache = catalogReadCacheOf(db);
  const viewOf = async (baseUrl: string): Promise<TmfCatalogView> => buildTmfCatalog(await cache.read('tmf620:records', () => listCatalogRecords({ db })), baseUrl);

  register(app, db, {
    path: TMF620_PATHS.productOffering,
    label: 'product offering',
    schema: ZTmfProductOffering,
    list: (view) => view.productOfferings,
    viewOf,
    render: renderProductOfferings,
    summary: 'Product offerings: packages (bundles of their products) and the products they are made of',
    filters: {
      ...common<Resource<'productOfferings'>>(),
      isBundle: { parse: flag, matches: (r, v) => same(r.isBundle, v) },
      isSellable: { parse: flag, matches: (r, v) => same(r.isSellable, v) },
      'category.id': { parse: tmfText, matches: (r, v) => r.category.some((c) => c.id === v) },
      'productSpecification.id': { parse: tmfText, matches: (r, v) => r.productSpecification?.id === v || r.prodSpecCharValueUse.some((u) => u.productSpecification?.id === v) },
      'bundledProductOffering.id': { parse: tmfText, matches: (r, v) => r.bundledProductOffering.some((b) => b.id === v) },
    },
  });
  register(app, db, {
    path: TMF620_PATHS.productOfferingPrice,
    label: 'product offering price',
    schema: ZTmfProductOfferingPrice,
    list: (view) => view.productOfferingPrices,
    viewOf,
    render: renderProductOfferingPrices,
    summary: 'Prices: packages (monthly, activation fee), products (monthly, one-time), package prices of products, long-distance rates (usage, per minute)',
    filters: {
      ...common<Resource<'productOfferingPrices'>>(),
      priceType: { parse: tmfEnum(TMF_PRICE_TYPES), matches: (r, v) => r.priceType === v },
      recurringChargePeriodType: { parse: tmfText, matches: (r, v) => r.recurringChargePeriodType === v },
    },
  });
  register(app, db, {
    path: TMF620_PATHS.productSpecification,
    label: 'product specification',
    schema: ZTmfProductSpecification,
    list: (view) => view.productSpecifications,
    viewOf,
    render: renderProductSpecifications,
    summary: "Product specifications: each line type's (the characteristics a productOrder item gives) and each product's",
    filters: {
      ...common<Resource<'productSpecifications'>>(),
      productNumber: { parse: tmfText, matches: (r, v) => r.productNumber === v },
      brand: { parse: tmfText, matches: (r, v) => r.brand === v },
    },
  });
  register(app, db, {
    path: TMF620_PATHS.catalog,
    label: 'catalog',
    schema: ZTmfCatalog,
    list: (view) => view.catalogs,
    viewOf,
    render: renderCatalogs,
    summary: "Catalogs: one per carrier, holding the carrier's category",
    filters: common<Resource<'catalogs'>>(),
  });
  register(app, db, {
    path: TMF620_PATHS.category,
    label: 'category',
    schema: ZTmfCategory,
    list: (view) => view.categories,
    viewOf,
    render: renderCategories,
    summary: "Categories: one per carrier, with sub-categories for its packages and for each kind of product it sells",
    filters: {
      ...common<Resource<'categories'>>(),
      isRoot: { parse: flag, matches: (r, v) => same(r.isRoot, v) },
      parentId: { parse: tmfText, matches: (r, v) => r.parentId === v },
    },
  });
}

function register<T extends { id: string }>(
  app: App,
  db: DbOrTx,
  options: {
    path: string;
    label: string;
    summary: string;
    schema: z.ZodObject;
    list: (view: TmfCatalogView) => readonly T[];
    viewOf: (baseUrl: string) => Promise<TmfCatalogView>;
    render: (ctx: TmfRenderContext, ids: string[]) => Promise<T[]>;
    filters: Record<string, Filter<T>>;
  },
): void {
  registerTmfReadRoutes(app, {
    db,
    path: options.path,
    tags: ['TMF620 Product Catalog'],
    access: ANY_ROLE,
    resourceSchema: options.schema.partial(),
    summaries: { list: options.summary, one: `One ${options.label}` },
    filterable: Object.keys(options.filters),
    list: async (query, ctx) => {
      const wanted = Object.entries(options.filters).flatMap(([name, filter]) => {
        const value = tmfFilterValue(query.filters, name, filter.parse);
        return value === undefined ? [] : [{ filter, value }];
      });
      const matching = options.list(await options.viewOf(ctx.baseUrl)).filter((resource) => wanted.every(({ filter, value }) => filter.matches(resource, value)));
      return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
    },
    render: options.render,
    notFound: options.label,
  });
}
