/**
 * Checks a clerk can run on payment details before anything is sent to a processor: ABA routing
 * numbers, card numbers, expiry dates and CVVs, plus the masks used to show them back.
 * A pass here means "well formed", never "the account exists".
 */
import { isLuhnValid } from '../identifiers/luhn.js';

export type RoutingRule = 'digits' | 'all_zeros' | 'prefix' | 'checksum';

const ROUTING_MESSAGES: Record<RoutingRule, string> = {
  digits: 'A routing number is 9 digits',
  all_zeros: 'A routing number cannot be all zeros',
  prefix: 'This is not a US bank routing number; check the first two digits',
  checksum: 'This routing number is not valid; check each digit',
};

/**
 * An ABA routing transit number: 9 digits, a Federal Reserve prefix, and the 3-7-1 check sum.
 * Prefixes: 00–12 banks (00 the US government), 21–32 thrifts, 61–72 electronic transactions,
 * 80 traveller's cheques. 000000000 passes the sum, so it is refused by name.
 */
export function isAbaRoutingNumberValid(routing: string): { ok: true } | { ok: false; rule: RoutingRule; message: string } {
  const fail = (rule: RoutingRule) => ({ ok: false as const, rule, message: ROUTING_MESSAGES[rule] });
  const digits = routing.trim();
  if (!/^\d{9}$/.test(digits)) return fail('digits');
  if (/^0+$/.test(digits)) return fail('all_zeros');
  const prefix = Number(digits.slice(0, 2));
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) {
    return fail('prefix');
  }
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (weights[i] as number), 0);
  return sum % 10 === 0 ? { ok: true } : fail('checksum');
}

export type CardBrand = 'VISA' | 'MASTERCARD' | 'AMEX' | 'DISCOVER' | 'UNKNOWN';

const CARD_BRAND_NAMES: Record<Exclude<CardBrand, 'UNKNOWN'>, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  DISCOVER: 'Discover',
};

/** Lengths each network issues; an unknown brand may be any length from 12 to 19. */
const CARD_LENGTHS: Record<Exclude<CardBrand, 'UNKNOWN'>, readonly number[]> = {
  VISA: [13, 16, 19],
  MASTERCARD: [16],
  AMEX: [15],
  DISCOVER: [16, 17, 18, 19],
};

const stripCardNumber = (number: string) => number.replace(/[\s-]/g, '');

/** Between two numeric prefixes of the same width, inclusive. */
const inRange = (digits: string, low: number, high: number) => {
  const prefix = Number(digits.slice(0, String(low).length));
  return digits.length >= String(low).length && prefix >= low && prefix <= high;
};

/**
 * The network by issuer identification number (IIN) prefix. Works on a partial number, so the
 * form can show the brand as the clerk types.
 */
export function cardBrand(number: string): CardBrand {
  const digits = stripCardNumber(number);
  if (!/^\d+$/.test(digits)) return 'UNKNOWN';
  if (digits.startsWith('4')) return 'VISA';
  if (inRange(digits, 51, 55) || inRange(digits, 2221, 2720)) return 'MASTERCARD';
  if (digits.startsWith('34') || digits.startsWith('37')) return 'AMEX';
  if (digits.startsWith('6011') || inRange(digits, 644, 649) || digits.startsWith('65')) return 'DISCOVER';
  return 'UNKNOWN';
}

export type CardNumberRule = 'digits' | 'length' | 'brand_length' | 'luhn';

export type CardNumberResult =
  | { ok: true; digits: string; brand: CardBrand; last4: string }
  | { ok: false; rule: CardNumberRule; message: string };

/** A card number as typed, with or without spaces and dashes. */
export function checkCardNumber(number: string): CardNumberResult {
  const digits = stripCardNumber(number);
  if (!/^\d+$/.test(digits)) return { ok: false, rule: 'digits', message: 'Use digits only' };
  if (digits.length < 12 || digits.length > 19) {
    return { ok: false, rule: 'length', message: 'A card number has 12 to 19 digits' };
  }
  const brand = cardBrand(digits);
  if (brand !== 'UNKNOWN' && !CARD_LENGTHS[brand].includes(digits.length)) {
    const lengths = CARD_LENGTHS[brand];
    const expected = lengths.length === 1 ? `${lengths[0]}` : `${lengths.slice(0, -1).join(', ')} or ${lengths.at(-1)}`;
    return { ok: false, rule: 'brand_length', message: `${CARD_BRAND_NAMES[brand]} card numbers have ${expected} digits` };
  }
  // The check digit catches a single mistyped digit and most swapped neighbours.
  if (!isLuhnValid(digits)) {
    return { ok: false, rule: 'luhn', message: 'This card number is not valid; check each digit' };
  }
  return { ok: true, digits, brand, last4: digits.slice(-4) };
}

export type CardExpiryRule = 'month' | 'year' | 'expired';

export type CardExpiryResult =
  | { ok: true; month: number; year: number }
  | { ok: false; rule: CardExpiryRule; message: string };

/**
 * A card is good through the last day of its expiry month. The year may be 2 digits (27 → 2027)
 * or 4. Months are compared in `now`'s local calendar, which is the clerk's.
 */
export function checkCardExpiry(month: string | number, year: string | number, now: Date): CardExpiryResult {
  const monthText = String(month).trim();
  const yearText = String(year).trim();
  if (!/^\d{1,2}$/.test(monthText) || Number(monthText) < 1 || Number(monthText) > 12) {
    return { ok: false, rule: 'month', message: 'Enter the month as 1 to 12' };
  }
  if (!/^(?:\d{2}|\d{4})$/.test(yearText)) {
    return { ok: false, rule: 'year', message: 'Enter the year as 2 or 4 digits' };
  }
  const expiryMonth = Number(monthText);
  const expiryYear = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const nowMonths = now.getFullYear() * 12 + now.getMonth();
  if (expiryYear * 12 + (expiryMonth - 1) < nowMonths) {
    return { ok: false, rule: 'expired', message: 'This card has expired' };
  }
  return { ok: true, month: expiryMonth, year: expiryYear };
}

export type CvvRule = 'digits' | 'length';

/** The security code: 4 digits on the front of an American Express card, 3 on the back otherwise. */
export function checkCvv(cvv: string, brand: CardBrand): { ok: true } | { ok: false; rule: CvvRule; message: string } {
  const code = cvv.trim();
  if (!/^\d+$/.test(code)) return { ok: false, rule: 'digits', message: 'Use digits only' };
  const length = brand === 'AMEX' ? 4 : 3;
  if (code.length !== length) {
    return { ok: false, rule: 'length', message: `The security code on this card is ${length} digits` };
  }
  return { ok: true };
}

/** The last four characters, ignoring spaces and dashes; a full number may be passed safely. */
const lastFour = (value: string) => value.replace(/[\s-]/g, '').slice(-4);

/** '•••• 4242' */
export function maskCardLast4(last4: string): string {
  return `•••• ${lastFour(last4)}`;
}

/** '••••6789'. A value of 4 characters or fewer is masked entirely rather than shown whole. */
export function maskAccountNumber(value: string): string {
  const compact = value.replace(/[\s-]/g, '');
  return compact.length > 4 ? `••••${compact.slice(-4)}` : '••••';
}

/** '•••-••-1234' */
export function maskSsn(last4: string): string {
  return `•••-••-${lastFour(last4)}`;
}
