/** Reading a list's filters from the address: anything unknown or malformed is left out rather than refused. */

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
