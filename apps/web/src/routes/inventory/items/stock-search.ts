import { INVENTORY_KINDS, INVENTORY_STATUSES } from '@linedesk/domain';
import { NO_STOCK_FILTERS } from '../../../hooks/api/inventory';
import { addressFilters, isCarrierParam, oneOfParam, pageParam } from '../../../lib/search-params';

// The router reads `?q=352099` as a number: searches and names are always text.
const text = (max: number) => (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim().slice(0, max) : '');

/** The Items list's filters in the address: short names, and only the ones set. */
const STOCK_PARAMS = addressFilters(NO_STOCK_FILTERS, {
  q: { param: 'q', read: text(120) },
  kind: { param: 'kind', read: oneOfParam(INVENTORY_KINDS) },
  status: { param: 'status', read: oneOfParam(INVENTORY_STATUSES) },
  carrierCode: { param: 'carrier', read: (value) => (isCarrierParam(value) ? value.toUpperCase() : undefined) },
  location: { param: 'location', read: text(80) },
  model: { param: 'model', read: text(120) },
  page: { param: 'page', read: pageParam },
});

export type StockSearch = ReturnType<typeof STOCK_PARAMS.parse>;
export const { parse: parseStockSearch, toFilters: toStockFilters, toSearch: toStockSearch } = STOCK_PARAMS;
