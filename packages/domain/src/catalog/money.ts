/**
 * Money is integer cents. Per-minute usage rates need finer steps ($0.0125/min), so they are
 * integer millicents: 1/1000 of a cent, 1/100 000 of a dollar.
 */
export type Cents = number;
export type Millicents = number;

export const MILLICENTS_PER_CENT = 1000;

export function formatCents(cents: Cents, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** A per-minute rate as dollars with up to five decimals: 1250 millicents -> "$0.0125". */
export function formatMillicents(millicents: Millicents): string {
  const dollars = millicents / 100_000;
  return `$${dollars.toFixed(5).replace(/0{1,3}$/, '')}`;
}

/** "12.34", "12" or ".50" (dollars) -> 1234, 1200, 50 cents; null when it is not a money amount with at most two decimals. */
export function parseDollarsToCents(text: string): Cents | null {
  const match = text.trim().replace(/^\$/, '').match(/^(-)?(\d*)(?:\.(\d{1,2}))?$/);
  // Digits before the point, after it, or both: "." alone or "" is not an amount.
  if (!match || (match[2] === '' && match[3] === undefined)) return null;
  const cents = Number(match[2] || '0') * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

/** "0.0125", ".0125" or "$0.0125" -> 1250 millicents; null when it is not a non-negative amount with at most five decimals. */
export function parseDollarsToMillicents(text: string): Millicents | null {
  const match = text.trim().replace(/^\$/, '').match(/^(\d*)(?:\.(\d{1,5}))?$/);
  // Digits before the point, after it, or both: "." alone or "" is not a rate.
  if (!match || (match[1] === '' && match[2] === undefined)) return null;
  return Number(match[1] || '0') * 100 * MILLICENTS_PER_CENT + Number((match[2] ?? '').padEnd(5, '0'));
}
