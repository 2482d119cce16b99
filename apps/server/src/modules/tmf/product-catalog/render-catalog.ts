import type { TTmfCatalog, TTmfCategory, TTmfProductOffering, TTmfProductOfferingPrice, TTmfProductSpecification } from '@linedesk/domain';
import { listCatalogRecords } from '../../catalog/use-cases/list-catalog-records.js';
import type { TmfRenderContext } from '../kernel/tmf-context.js';
import { buildTmfCatalog, type TmfCatalogView } from './catalog-mapping.js';

/**
 * TMF620 renderers for the API and its events: the resources with these ids, in the order asked,
 * unknown ids left out. They read the catalog as it is now through `ctx.db` (never a cached copy),
 * so an event rendered right after a change shows the change.
 */
async function viewOf(ctx: TmfRenderContext): Promise<TmfCatalogView> {
  return buildTmfCatalog(await listCatalogRecords({ db: ctx.db }), ctx.baseUrl);
}

export function pickByIds<T extends { id: string }>(resources: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
}

/** Product offerings: packages (bundles) and products, by package or product id. */
export async function renderProductOfferings(ctx: TmfRenderContext, ids: string[]): Promise<TTmfProductOffering[]> {
  if (ids.length === 0) return [];
  return pickByIds((await viewOf(ctx)).productOfferings, ids);
}

/** Product specifications: a line type's (by line type id) or a product's (by product id). */
export async function renderProductSpecifications(ctx: TmfRenderContext, ids: string[]): Promise<TTmfProductSpecification[]> {
  if (ids.length === 0) return [];
  return pickByIds((await viewOf(ctx)).productSpecifications, ids);
}

/** Product offering prices, by price id (a record's id plus a suffix). */
export async function renderProductOfferingPrices(ctx: TmfRenderContext, ids: string[]): Promise<TTmfProductOfferingPrice[]> {
  if (ids.length === 0) return [];
  return pickByIds((await viewOf(ctx)).productOfferingPrices, ids);
}

/** Catalogs, by carrier id. */
export async function renderCatalogs(ctx: TmfRenderContext, ids: string[]): Promise<TTmfCatalog[]> {
  if (ids.length === 0) return [];
  return pickByIds((await viewOf(ctx)).catalogs, ids);
}

/** Categories, by category id (a carrier's id, or it plus `-packages` or `-<product kind>`). */
export async function renderCategories(ctx: TmfRenderContext, ids: string[]): Promise<TTmfCategory[]> {
  if (ids.length === 0) return [];
  return pickByIds((await viewOf(ctx)).categories, ids);
}
