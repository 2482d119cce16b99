import { describe, expect, it } from 'vitest';
import {
  cardBrand,
  checkCardExpiry,
  checkCardNumber,
  checkCvv,
  isAbaRoutingNumberValid,
  maskAccountNumber,
  maskCardLast4,
  maskSsn,
} from './payment-checks.js';

describe('ABA routing numbers', () => {
  it.each(['011000015', '021000021', '121000358', '322271627', '061000104', ' 021000021 '])('should accept %j', (routing) => {
    expect(isAbaRoutingNumberValid(routing)).toEqual({ ok: true });
  });

  it.each([
    ['02100002', 'digits'],
    ['0210000211', 'digits'],
    ['02100002A', 'digits'],
    ['021-000-021', 'digits'],
    ['000000000', 'all_zeros'],
    ['130000006', 'prefix'], // the check sum holds, but 13 is not a Federal Reserve prefix
    ['500000005', 'prefix'],
    ['021000022', 'checksum'],
    ['121000385', 'checksum'], // two digits swapped
    ['011000016', 'checksum'],
  ])('should refuse %j with the rule %s', (routing, rule) => {
    const result = isAbaRoutingNumberValid(routing);
    expect(result).toMatchObject({ ok: false, rule });
    expect(result.ok ? '' : result.message).not.toBe('');
  });
});

describe('card brands', () => {
  it.each([
    ['4242424242424242', 'VISA'],
    ['4242 4242 4242 4242', 'VISA'],
    ['5555555555554444', 'MASTERCARD'],
    ['5105105105105100', 'MASTERCARD'],
    ['2223003122003222', 'MASTERCARD'],
    ['2720990000000007', 'MASTERCARD'],
    ['378282246310005', 'AMEX'],
    ['371449635398431', 'AMEX'],
    ['6011111111111117', 'DISCOVER'],
    ['6445644564456445', 'DISCOVER'],
    ['6500000000000002', 'DISCOVER'],
    ['2220990000000008', 'UNKNOWN'],
    ['2721000000000004', 'UNKNOWN'],
    ['5610591081018250', 'UNKNOWN'],
    ['3530111333300000', 'UNKNOWN'],
    ['6431000000000000', 'UNKNOWN'],
    ['', 'UNKNOWN'],
  ])('should read %j as %s', (number, brand) => {
    expect(cardBrand(number)).toBe(brand);
  });

  it('should tell the brand from the first digits while the number is typed', () => {
    expect(cardBrand('4')).toBe('VISA');
    expect(cardBrand('37')).toBe('AMEX');
    expect(cardBrand('2221')).toBe('MASTERCARD');
    expect(cardBrand('222')).toBe('UNKNOWN');
  });
});

describe('card numbers', () => {
  it.each([
    ['4242424242424242', 'VISA'],
    ['4242-4242-4242-4242', 'VISA'],
    ['5555 5555 5555 4444', 'MASTERCARD'],
    ['2223003122003222', 'MASTERCARD'],
    ['378282246310005', 'AMEX'],
    ['6011111111111117', 'DISCOVER'],
    ['4222222222222', 'VISA'],
    ['3530111333300000', 'UNKNOWN'],
  ])('should accept %j as %s', (number, brand) => {
    expect(checkCardNumber(number)).toEqual({
      ok: true,
      digits: number.replace(/\D/g, ''),
      brand,
      last4: number.replace(/\D/g, '').slice(-4),
    });
  });

  it.each([
    ['4242 4242 4242 424x', 'digits'],
    ['', 'digits'],
    ['42424242424', 'length'],
    ['42424242424242424242', 'length'],
    ['42424242424242', 'brand_length'],
    ['37828224631000', 'brand_length'],
    ['55555555555544', 'brand_length'],
    ['4242424242424241', 'luhn'],
    ['378282246310006', 'luhn'],
    ['6011111111111171', 'luhn'],
  ])('should refuse %j with the rule %s', (number, rule) => {
    expect(checkCardNumber(number)).toMatchObject({ ok: false, rule });
  });

  it('should name the lengths the brand issues', () => {
    expect(checkCardNumber('37828224631000')).toMatchObject({ message: 'American Express card numbers have 15 digits' });
    expect(checkCardNumber('42424242424242')).toMatchObject({ message: 'Visa card numbers have 13, 16 or 19 digits' });
  });
});

describe('card expiry', () => {
  const now = new Date(2026, 5, 15); // 15 June 2026, local time

  it.each([
    [6, 2026, 6, 2026],
    ['06', '26', 6, 2026],
    [12, 26, 12, 2026],
    ['1', '2027', 1, 2027],
    [7, 2026, 7, 2026],
  ])('should accept %j/%j as %i/%i', (month, year, expMonth, expYear) => {
    expect(checkCardExpiry(month, year, now)).toEqual({ ok: true, month: expMonth, year: expYear });
  });

  it('should accept a card through the last moment of its expiry month', () => {
    expect(checkCardExpiry(6, 2026, new Date(2026, 5, 30, 23, 59, 59))).toMatchObject({ ok: true });
    expect(checkCardExpiry(6, 2026, new Date(2026, 6, 1, 0, 0, 0))).toMatchObject({ ok: false, rule: 'expired' });
  });

  it.each([
    [5, 2026, 'expired'],
    [12, 25, 'expired'],
    [0, 2027, 'month'],
    [13, 2027, 'month'],
    ['ab', 2027, 'month'],
    [6, 7, 'year'],
    [6, '202', 'year'],
    [6, '20261', 'year'],
  ])('should refuse %j/%j with the rule %s', (month, year, rule) => {
    expect(checkCardExpiry(month, year, now)).toMatchObject({ ok: false, rule });
  });
});

describe('CVV', () => {
  it.each([
    ['123', 'VISA'],
    ['000', 'MASTERCARD'],
    ['1234', 'AMEX'],
    ['737', 'DISCOVER'],
    ['321', 'UNKNOWN'],
  ] as const)('should accept %j for %s', (cvv, brand) => {
    expect(checkCvv(cvv, brand)).toEqual({ ok: true });
  });

  it.each([
    ['1234', 'VISA', 'length'],
    ['123', 'AMEX', 'length'],
    ['12', 'MASTERCARD', 'length'],
    ['12a', 'VISA', 'digits'],
    ['', 'VISA', 'digits'],
  ] as const)('should refuse %j for %s with the rule %s', (cvv, brand, rule) => {
    expect(checkCvv(cvv, brand)).toMatchObject({ ok: false, rule });
  });
});

describe('masks', () => {
  it('should mask a card to its last four digits', () => {
    expect(maskCardLast4('4242')).toBe('•••• 4242');
    expect(maskCardLast4('4242 4242 4242 4242')).toBe('•••• 4242');
  });

  it('should mask a bank account number', () => {
    expect(maskAccountNumber('000123456789')).toBe('••••6789');
    expect(maskAccountNumber('1234')).toBe('••••');
  });

  it('should mask a social security number', () => {
    expect(maskSsn('1234')).toBe('•••-••-1234');
    expect(maskSsn('123-45-6789')).toBe('•••-••-6789');
  });
});
