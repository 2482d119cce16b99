import { INVENTORY_KINDS, INVENTORY_STATUSES, type InventoryKind, type InventoryStatus } from '@linedesk/domain';
import { NO_STOCK_FILTERS, type StockFilters } from '../../../hooks/api/inventory';
import { isCarrierParam, isOneOf, pageParam } from '../../../lib/search-params';

/** The Items list's filters as the address writes them: short names, and only the ones set. */
export type StockSearch = { q?: string; kind?: InventoryKind; status?: InventoryStatus; carrier?: string; location?: string; model?: string; page?: number };

// The router reads `?q=352099` as a number: searches and names are always text.
const text = (value: unknown, max: number) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim().slice(0, max) : '');

/** Reads the address; anything unknown or malformed is left out rather than refused. */
export function parseStockSearch(search: Record<string, unknown>): StockSearch {
  const result: StockSearch = {};
  const q = text(search.q, 120);
  if (q) result.q = q;
  if (isOneOf(INVENTORY_KINDS, search.kind)) result.kind = search.kind;
  if (isOneOf(INVENTORY_STATUSES, search.status)) result.status = search.status;
  if (isCarrierParam(search.carrier)) result.carrier = search.carrier.toUpperCase();
  const location = text(search.location, 80);
  if (location) result.location = location;
  const model = text(search.model, 120);
  if (model) result.model = model;
  const page = pageParam(search.page);
  if (page) result.page = page;
  return result;
}

export function toStockFilters(search: StockSearch): StockFilters {
  return {
    q: search.q ?? NO_STOCK_FILTERS.q,
    kind: search.kind ?? NO_STOCK_FILTERS.kind,
    status: search.status ?? NO_STOCK_FILTERS.status,
    carrierCode: search.carrier ?? NO_STOCK_FILTERS.carrierCode,
    location: search.location ?? NO_STOCK_FILTERS.location,
    model: search.model ?? NO_STOCK_FILTERS.model,
    page: search.page ?? NO_STOCK_FILTERS.page,
  };
}

export function toStockSearch(filters: StockFilters): StockSearch {
  const search: StockSearch = {};
  if (filters.q.trim()) search.q = filters.q.trim();
  if (filters.kind) search.kind = filters.kind;
  if (filters.status) search.status = filters.status;
  if (filters.carrierCode) search.carrier = filters.carrierCode;
  if (filters.location) search.location = filters.location;
  if (filters.model.trim()) search.model = filters.model.trim();
  if (filters.page > 1) search.page = filters.page;
  return search;
}
