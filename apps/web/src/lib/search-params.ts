/** Reading a list's filters from the address: anything unknown or malformed is left out rather than refused. */

/**
 * One value of the address as the router reads it: JSON where it writes back as typed (`page=2`, `"…"`,
 * `true`); a number that would not (an ICCID past 15 digits, which would lose its last digits, or a ZIP
 * with a leading zero) stays the text it was. Throws on what is not JSON (the router keeps it as text).
 */
export function parseSearchValue(value: string): unknown {
  const parsed: unknown = JSON.parse(value);
  return typeof parsed === 'number' && String(parsed) !== value ? value : parsed;
}

/** Whether `value` is one of `values` (a status, a kind, an age…). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** A select's value as one of `values`, or '' (all). */
export function oneOfOrAll<T extends string>(values: readonly T[], value: string): T | '' {
  return isOneOf(values, value) ? value : '';
}

/** A carrier code as the address may hold it. */
export function isCarrierParam(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(value);
}

/** `?page=`: a whole number past the first page, else none (page 1). */
export function pageParam(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

/** How one filter is written in the address: its short name there, and how a value found there is read (`undefined` or '': left out). */
export type AddressParam<V> = { param: string; read: (value: unknown) => V | undefined };

/** A list's filters as the address writes them: each under its short name, and only the ones set. */
export type AddressSearch<S extends Record<string, AddressParam<unknown>>> = {
  [K in keyof S as S[K]['param']]?: S[K] extends AddressParam<infer V> ? Exclude<V, ''> : never;
};

/** A value `read` takes from the address: one of `values`. */
export const oneOfParam =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): T | undefined =>
    isOneOf(values, value) ? value : undefined;

/** A value `read` takes from the address: a carrier code. */
export const carrierParam = (value: unknown): string | undefined => (isCarrierParam(value) ? value : undefined);

/**
 * Reading and writing a list's filters in the address (`?status=READY&carrier=NWM&page=2`), from the
 * filters with nothing set (`defaults`) and how each is written (`params`, in the address's order).
 */
export function addressFilters<F extends Record<string, unknown>, const S extends { [K in keyof F]: AddressParam<unknown> }>(defaults: F, params: S) {
  type Search = AddressSearch<S>;
  const keys = Object.keys(params) as (keyof F & string)[];
  const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';
  return {
    /** Reads the address; anything unknown or malformed is left out rather than refused. */
    parse(search: Record<string, unknown>): Search {
      const result: Record<string, unknown> = {};
      for (const key of keys) {
        const value = params[key].read(search[params[key].param]);
        if (isSet(value)) result[params[key].param] = value;
      }
      return result as Search;
    },
    /** The filters the address holds; the others as `defaults`. */
    toFilters(search: Search): F {
      const filters: Record<string, unknown> = { ...defaults };
      for (const key of keys) {
        const value = (search as Record<string, unknown>)[params[key].param];
        if (value !== undefined) filters[key] = value;
      }
      return filters as F;
    },
    /** The address of these filters: only those set (texts trimmed, a page past the first). */
    toSearch(filters: F): Search {
      const search: Record<string, unknown> = {};
      for (const key of keys) {
        const raw = filters[key];
        const value = typeof raw === 'string' ? raw.trim() : raw;
        if (isSet(value) && value !== defaults[key]) search[params[key].param] = value;
      }
      return search as Search;
    },
  };
}
