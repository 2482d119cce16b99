import { ORDER_AGES, ORDER_STATUSES } from '@linedesk/domain';
import { NO_ORDER_FILTERS, type OrderAge, type OrderQueueFilters } from '../../../hooks/api/orders';
import type { OrderStatus } from '@linedesk/domain';
import { isCarrierParam, isOneOf, pageParam } from '../../../lib/search-params';

/** The queue's filters as the address writes them: short names, and only the ones set. */
export type OrderQueueSearch = { status?: OrderStatus; carrier?: string; age?: OrderAge; q?: string; page?: number };

/** Reads the address; anything unknown or malformed is left out rather than refused. */
export function parseOrderQueueSearch(search: Record<string, unknown>): OrderQueueSearch {
  const result: OrderQueueSearch = {};
  if (isOneOf(ORDER_STATUSES, search.status)) result.status = search.status;
  if (isCarrierParam(search.carrier)) result.carrier = search.carrier;
  if (isOneOf(ORDER_AGES, search.age)) result.age = search.age;
  const q = searchText(search.q);
  if (q) result.q = q;
  const page = pageParam(search.page);
  if (page) result.page = page;
  return result;
}

export function toOrderQueueFilters(search: OrderQueueSearch): OrderQueueFilters {
  return {
    status: search.status ?? NO_ORDER_FILTERS.status,
    carrierCode: search.carrier ?? NO_ORDER_FILTERS.carrierCode,
    olderThan: search.age ?? NO_ORDER_FILTERS.olderThan,
    q: search.q ?? NO_ORDER_FILTERS.q,
    page: search.page ?? NO_ORDER_FILTERS.page,
  };
}

export function toOrderQueueSearch(filters: OrderQueueFilters): OrderQueueSearch {
  const search: OrderQueueSearch = {};
  if (filters.status) search.status = filters.status;
  if (filters.carrierCode) search.carrier = filters.carrierCode;
  if (filters.olderThan) search.age = filters.olderThan;
  if (filters.q.trim()) search.q = filters.q.trim();
  if (filters.page > 1) search.page = filters.page;
  return search;
}

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
