/**
 * North American Numbering Plan numbers (MDNs, phone numbers): NPA-NXX-XXXX. A leading 1 or +1
 * and punctuation are stripped; the result is the ten digits, or the rule that was broken.
 */
export type NanpResult = { ok: true; digits: string; e164: string; display: string } | { ok: false; rule: NanpRule; message: string };

export type NanpRule = 'ten_digits' | 'npa_first_digit' | 'npa_n9x' | 'npa_n11' | 'nxx_first_digit' | 'nxx_n11';

const MESSAGES: Record<NanpRule, string> = {
  ten_digits: 'Enter a 10-digit number (area code and number)',
  npa_first_digit: 'The area code cannot start with 0 or 1',
  npa_n9x: 'Area codes with 9 as the middle digit are not in service',
  npa_n11: 'An N11 code (211–911) is not an area code',
  nxx_first_digit: 'The exchange (digits 4–6) cannot start with 0 or 1',
  nxx_n11: 'The exchange (digits 4–6) cannot be an N11 code such as 911',
};

export function parseNanp(input: string): NanpResult {
  let digits = input.replace(/[\s().+\-–.]/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  const fail = (rule: NanpRule): NanpResult => ({ ok: false, rule, message: MESSAGES[rule] });
  if (!/^\d{10}$/.test(digits)) return fail('ten_digits');
  const npa = digits.slice(0, 3);
  const nxx = digits.slice(3, 6);
  if (!/^[2-9]/.test(npa)) return fail('npa_first_digit');
  if (npa[1] === '9') return fail('npa_n9x');
  if (npa.endsWith('11')) return fail('npa_n11');
  if (!/^[2-9]/.test(nxx)) return fail('nxx_first_digit');
  if (nxx.endsWith('11')) return fail('nxx_n11');
  return { ok: true, digits, e164: `+1${digits}`, display: `(${npa}) ${nxx}-${digits.slice(6)}` };
}

/** A North American number as people read it, "(512) 836-4628"; anything else as it was given. */
export function formatNanp(text: string): string {
  const parsed = parseNanp(text);
  return parsed.ok ? parsed.display : text;
}
