import { MILLICENTS_PER_CENT, parseDollarsToCents, parseDollarsToMillicents, type Cents, type Millicents } from '@linedesk/domain';

// People type dollars; the API takes integer cents (prices) and integer millicents (per-minute rates).
// These turn stored amounts into what an input shows, and typed text back into integers.

const MILLICENTS_PER_DOLLAR = 100 * MILLICENTS_PER_CENT;

/** 1250 -> "12.50", for prefilling a dollar input (no "$" or thousands separators: the input adds "$"). */
export function centsToDollarText(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1250 millicents -> "0.0125": at least two decimals, at most five, no trailing zeros beyond two. */
export function millicentsToDollarText(millicents: Millicents): string {
  const whole = Math.floor(millicents / MILLICENTS_PER_DOLLAR);
  const fraction = String(millicents % MILLICENTS_PER_DOLLAR).padStart(5, '0').replace(/0{1,3}$/, '');
  return `${whole}.${fraction}`;
}

export const MONEY_MESSAGE = 'Enter an amount in dollars, such as 12.50';
export const RATE_MESSAGE = 'Enter a rate in dollars with up to 5 decimals, such as 0.0125';

/**
 * Reads a dollar input for a form: blank gives `blank` (a default, or null for "not set"),
 * anything unreadable gives an error message for the field.
 */
export function readCents(text: string, blank: Cents | null): { value: Cents | null; error?: string } {
  if (text.trim() === '') return { value: blank };
  const cents = parseDollarsToCents(text);
  return cents === null ? { value: null, error: MONEY_MESSAGE } : { value: cents };
}

export function readMillicents(text: string): { value: Millicents | null; error?: string } {
  if (text.trim() === '') return { value: null, error: RATE_MESSAGE };
  const millicents = parseDollarsToMillicents(text);
  return millicents === null ? { value: null, error: RATE_MESSAGE } : { value: millicents };
}
