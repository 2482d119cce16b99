import { normalizeStreetLine, parseNanp } from '@linedesk/domain';

/** The kinds of value duplicate checks and search look up (see `customer_match_keys`). */
export type MatchKind = 'PHONE' | 'EMAIL' | 'ADDRESS' | 'ZIP' | 'TAXID4' | 'MDN';
export type MatchKey = { kind: MatchKind; value: string };

/** A phone as stored for matching: its ten NANP digits, or nothing when it is not a NANP number. */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parseNanp(phone);
  return parsed.ok ? parsed.digits : null;
}

export function emailKey(email: string | null | undefined): string | null {
  return email ? email.trim().toLowerCase() : null;
}

/** One household's service address: USPS-normalised street lines and the 5-digit ZIP. */
export function addressKey(address: { line1: string; line2?: string | null; zip: string }): string {
  return [normalizeStreetLine(address.line1), normalizeStreetLine(address.line2 ?? ''), address.zip].join('|');
}

/** The distinct keys of a customer, dropping empty ones. */
export function uniqueKeys(keys: (MatchKey | null)[]): MatchKey[] {
  const seen = new Map<string, MatchKey>();
  for (const key of keys) if (key && key.value) seen.set(`${key.kind}:${key.value}`, key);
  return [...seen.values()];
}

export const key = (kind: MatchKind, value: string | null | undefined): MatchKey | null => (value ? { kind, value } : null);
