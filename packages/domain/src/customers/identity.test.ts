import { describe, expect, it } from 'vitest';
import { parseNanp } from './nanp.js';
import { checkSecurityPin } from './security-pin.js';

describe('NANP numbers', () => {
  it.each([
    ['234-235-5678', '2342355678'],
    ['+1 301 555 0100', '3015550100'],
    ['250 555 0199', '2505550199'],
    ['(212) 555-0123', '2125550123'],
    ['12125550123', '2125550123'],
  ])('should accept %s', (input, digits) => {
    const result = parseNanp(input);
    expect(result).toMatchObject({ ok: true, digits, e164: `+1${digits}` });
  });

  it.each([
    ['234-911-5678', 'nxx_n11'],
    ['123-234-5678', 'npa_first_digit'],
    ['291-234-5678', 'npa_n9x'],
    ['212-123-4567', 'nxx_first_digit'],
    ['411-555-0100', 'npa_n11'],
    ['555-0100', 'ten_digits'],
    ['2125550123x', 'ten_digits'],
  ])('should refuse %s with the rule %s', (input, rule) => {
    expect(parseNanp(input)).toMatchObject({ ok: false, rule });
  });

  it('should format for display', () => {
    expect(parseNanp('2125550123')).toMatchObject({ display: '(212) 555-0123' });
  });
});

describe('Security PIN', () => {
  it.each(['1357', '2024', '84736251', '1243', '0009'])('should accept %s', (pin) => {
    expect(checkSecurityPin(pin)).toEqual({ ok: true });
  });

  it.each([
    ['123', 'length'],
    ['123456789', 'length'],
    ['12a4', 'digits'],
    ['1111', 'repeated'],
    ['00000000', 'repeated'],
    ['1234', 'sequence'],
    ['98765', 'sequence'],
    ['3456789', 'sequence'],
  ])('should refuse %s (%s)', (pin, rule) => {
    expect(checkSecurityPin(pin)).toMatchObject({ ok: false, rule });
  });
});
