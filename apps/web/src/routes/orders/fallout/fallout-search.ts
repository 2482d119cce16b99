import { NO_FALLOUT_FILTERS } from '../../../hooks/api/provisioning';
import { addressFilters, carrierParam, pageParam } from '../../../lib/search-params';

/** The longest stuck age the server takes: 30 days, in minutes. */
export const MAX_STUCK_MINUTES = 60 * 24 * 30;

/** A stuck age in minutes as the address or the box may hold it: a whole number from 1 to 30 days, else none. */
export function stuckMinutesParam(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,6}$/.test(text)) return undefined;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= MAX_STUCK_MINUTES ? minutes : undefined;
}

/** Fallout's filters in the address (`?carrier=NWM&stuck=45&page=2`): short names, and only the ones set. */
const FALLOUT_PARAMS = addressFilters(NO_FALLOUT_FILTERS, {
  carrierCode: { param: 'carrier', read: carrierParam },
  stuckMinutes: { param: 'stuck', read: stuckMinutesParam },
  page: { param: 'page', read: pageParam },
});

export type FalloutSearch = ReturnType<typeof FALLOUT_PARAMS.parse>;
export const { parse: parseFalloutSearch, toFilters: toFalloutFilters, toSearch: toFalloutSearch } = FALLOUT_PARAMS;
