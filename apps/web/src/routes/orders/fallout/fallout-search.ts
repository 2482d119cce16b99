import { NO_FALLOUT_FILTERS, type FalloutFilters } from '../../../hooks/api/provisioning';
import { isCarrierParam, pageParam } from '../../../lib/search-params';

/** Fallout's filters as the address writes them (`?carrier=NWM&stuck=45&page=2`): short names, and only the ones set. */
export type FalloutSearch = { carrier?: string; stuck?: number; page?: number };

/** The longest stuck age the server takes: 30 days, in minutes. */
export const MAX_STUCK_MINUTES = 60 * 24 * 30;

/** A stuck age in minutes as the address or the box may hold it: a whole number from 1 to 30 days, else none. */
export function stuckMinutesParam(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,6}$/.test(text)) return undefined;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= MAX_STUCK_MINUTES ? minutes : undefined;
}

/** Reads the address; anything unknown or malformed is left out rather than refused. */
export function parseFalloutSearch(search: Record<string, unknown>): FalloutSearch {
  const result: FalloutSearch = {};
  if (isCarrierParam(search.carrier)) result.carrier = search.carrier;
  const stuck = stuckMinutesParam(search.stuck);
  if (stuck) result.stuck = stuck;
  const page = pageParam(search.page);
  if (page) result.page = page;
  return result;
}

export function toFalloutFilters(search: FalloutSearch): FalloutFilters {
  return {
    carrierCode: search.carrier ?? NO_FALLOUT_FILTERS.carrierCode,
    stuckMinutes: search.stuck ?? NO_FALLOUT_FILTERS.stuckMinutes,
    page: search.page ?? NO_FALLOUT_FILTERS.page,
  };
}

export function toFalloutSearch(filters: FalloutFilters): FalloutSearch {
  const search: FalloutSearch = {};
  if (filters.carrierCode) search.carrier = filters.carrierCode;
  if (filters.stuckMinutes) search.stuck = filters.stuckMinutes;
  if (filters.page > 1) search.page = filters.page;
  return search;
}
