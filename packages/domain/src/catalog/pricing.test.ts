import { describe, expect, it } from 'vitest';
import { formatCents, formatMillicents, parseDollarsToCents, parseDollarsToMillicents } from './money.js';
import { appliesToOrderType, isOnOfferedLine, lineTotals, offerTotals, priceProduct, type OfferProduct } from './pricing.js';

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
    expect(parseDollarsToCents('.50')).toBe(50);
    expect(parseDollarsToCents('$.5')).toBe(50);
    expect(parseDollarsToCents('-.25')).toBe(-25);
    expect(parseDollarsToCents('.')).toBeNull();
    expect(parseDollarsToCents('-')).toBeNull();
    expect(parseDollarsToCents('')).toBeNull();
  });

  it('should read per-minute rates in dollars with up to five decimals as millicents', () => {
    expect(parseDollarsToMillicents('0.0125')).toBe(1250);
    expect(parseDollarsToMillicents('.0125')).toBe(1250);
    expect(parseDollarsToMillicents('$.05')).toBe(5000);
    expect(parseDollarsToMillicents('1')).toBe(100_000);
    expect(parseDollarsToMillicents('0.000001')).toBeNull();
    expect(parseDollarsToMillicents('-0.01')).toBeNull();
    expect(parseDollarsToMillicents('.')).toBeNull();
    expect(parseDollarsToMillicents('')).toBeNull();
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

describe('offer totals: what the wizard charges for a line on a package', () => {
  const pkg = { monthlyCents: 4000, activationFeeCents: 2500 };
  const product = (overrides: Partial<OfferProduct>): OfferProduct => ({
    monthlyCents: 3000,
    oneTimeCents: 999,
    monthlyOverrideCents: null,
    quantity: 1,
    inclusion: 'required',
    orderType: 'ALL',
    isActive: true,
    ...overrides,
  });

  it('should be the package price and activation fee when it has no products', () => {
    expect(offerTotals({ pkg, products: [], orderType: 'NEW', populatesProducts: true })).toEqual({ monthlyCents: 4000, oneTimeCents: 2500 });
  });

  it('should add required and default products, with overrides and quantities, but not optional ones', () => {
    const products = [
      product({ monthlyOverrideCents: 2000 }),
      product({ inclusion: 'default', monthlyCents: 500, oneTimeCents: 0, quantity: 2 }),
      product({ inclusion: 'optional', monthlyCents: 10_000, oneTimeCents: 10_000 }),
    ];
    expect(offerTotals({ pkg, products, orderType: 'NEW', populatesProducts: true })).toEqual({
      monthlyCents: 4000 + 2000 + 2 * 500,
      oneTimeCents: 2500 + 999,
    });
  });

  it('should leave out inactive products', () => {
    const products = [product({}), product({ isActive: false, monthlyCents: 700 })];
    expect(offerTotals({ pkg, products, orderType: 'NEW', populatesProducts: true })).toEqual({ monthlyCents: 7000, oneTimeCents: 3499 });
  });

  it('should count a product restricted to one order type only on orders of that type', () => {
    const products = [product({ orderType: 'NEW', monthlyCents: 100, oneTimeCents: 0 }), product({ orderType: 'CONVERSION', monthlyCents: 200, oneTimeCents: 0 })];
    expect(offerTotals({ pkg, products, orderType: 'NEW', populatesProducts: true }).monthlyCents).toBe(4100);
    expect(offerTotals({ pkg, products, orderType: 'CONVERSION', populatesProducts: true }).monthlyCents).toBe(4200);
  });

  it('should charge only the package price and activation fee when the carrier does not populate products', () => {
    const products = [product({}), product({ inclusion: 'default' })];
    expect(offerTotals({ pkg, products, orderType: 'NEW', populatesProducts: false })).toEqual({ monthlyCents: 4000, oneTimeCents: 2500 });
    expect(isOnOfferedLine(product({}), 'NEW', false)).toBe(false);
    expect(isOnOfferedLine(product({}), 'NEW', true)).toBe(true);
  });

  it('should count discounts as negative amounts', () => {
    const products = [product({ monthlyCents: -500, oneTimeCents: 0 })];
    expect(offerTotals({ pkg, products, orderType: 'CONVERSION', populatesProducts: true })).toEqual({ monthlyCents: 3500, oneTimeCents: 2500 });
  });
});
