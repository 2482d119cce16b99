import { ORDER_AGES, ORDER_STATUSES } from '@linedesk/domain';
import { NO_ORDER_FILTERS } from '../../../hooks/api/orders';
import { addressFilters, carrierParam, oneOfParam, pageParam } from '../../../lib/search-params';

/** The queue's filters in the address: short names, and only the ones set. */
const ORDER_QUEUE_PARAMS = addressFilters(NO_ORDER_FILTERS, {
  status: { param: 'status', read: oneOfParam(ORDER_STATUSES) },
  carrierCode: { param: 'carrier', read: carrierParam },
  olderThan: { param: 'age', read: oneOfParam(ORDER_AGES) },
  q: { param: 'q', read: searchText },
  page: { param: 'page', read: pageParam },
});

export type OrderQueueSearch = ReturnType<typeof ORDER_QUEUE_PARAMS.parse>;
export const { parse: parseOrderQueueSearch, toFilters: toOrderQueueFilters, toSearch: toOrderQueueSearch } = ORDER_QUEUE_PARAMS;

/**
 * The router reads `?q=3125550101` as a number, and a typed-in `?q=8901260000077001010` (an ICCID, past
 * what a number holds exactly) as a rounded one: a search is always text, so the address's own
 * characters are taken then. The app's own links quote such values and come back as text.
 */
function searchText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value !== 'number') return '';
  if (Number.isSafeInteger(value) || typeof window === 'undefined') return String(value);
  const raw = new URLSearchParams(window.location.search).get('q')?.trim();
  return raw && /^\d+$/.test(raw) ? raw : String(value);
}
