import { describe, expect, it } from 'vitest';
import { formatCents, formatMillicents, parseDollarsToCents } from './money.js';
import { appliesToOrderType, lineTotals, priceProduct } from './pricing.js';

describe('pricing in integer cents', () => {
  it('should apply a package override to the monthly price only, times the quantity', () => {
    expect(priceProduct({ catalogMonthlyCents: 1999, catalogOneTimeCents: 500, monthlyOverrideCents: 1499, quantity: 3 })).toEqual({
      unitMonthlyCents: 1499,
      unitOneTimeCents: 500,
      quantity: 3,
      monthlyCents: 4497,
      oneTimeCents: 1500,
    });
    expect(priceProduct({ catalogMonthlyCents: 1999, catalogOneTimeCents: 0, monthlyOverrideCents: null, quantity: 1 }).monthlyCents).toBe(1999);
    expect(priceProduct({ catalogMonthlyCents: 1999, catalogOneTimeCents: 0, monthlyOverrideCents: 0, quantity: 2 }).monthlyCents).toBe(0);
  });

  it('should add the package price and activation fee to its products, discounts included', () => {
    expect(
      lineTotals({ monthlyCents: 3000, activationFeeCents: 2500 }, [
        { monthlyCents: 1, oneTimeCents: 0 },
        { monthlyCents: -500, oneTimeCents: 1000 },
        { monthlyCents: 349, oneTimeCents: 0 },
      ]),
    ).toEqual({ monthlyCents: 2850, oneTimeCents: 3500 });
  });

  it('should keep money exact where floating point would not', () => {
    // 0.1 + 0.2 dollars: exact in cents.
    expect(lineTotals({ monthlyCents: 10, activationFeeCents: 0 }, [{ monthlyCents: 20, oneTimeCents: 0 }]).monthlyCents).toBe(30);
    expect(parseDollarsToCents('19.99')).toBe(1999);
    expect(parseDollarsToCents('$5')).toBe(500);
    expect(parseDollarsToCents('-5.5')).toBe(-550);
    expect(parseDollarsToCents('1.999')).toBeNull();
    expect(parseDollarsToCents('abc')).toBeNull();
  });

  it('should restrict package products by order type', () => {
    expect(appliesToOrderType('ALL', 'CONVERSION')).toBe(true);
    expect(appliesToOrderType('NEW', 'NEW')).toBe(true);
    expect(appliesToOrderType('NEW', 'CONVERSION')).toBe(false);
    expect(appliesToOrderType('CONVERSION', 'NEW')).toBe(false);
  });

  it('should format cents and millicents for people', () => {
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(-500)).toBe('-$5.00');
    expect(formatMillicents(1250)).toBe('$0.0125');
    expect(formatMillicents(0)).toBe('$0.00');
    expect(formatMillicents(2900)).toBe('$0.029');
  });
});
