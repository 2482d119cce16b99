import type { OrderType, PackageProductOrderType, ProductInclusion } from './catalog.constants.js';
import type { Cents } from './money.js';

/** Whether a package product applies to an order of this type (Rev.io's `ALL | NEW | CONVERSION`). */
export function appliesToOrderType(restriction: PackageProductOrderType, orderType: OrderType): boolean {
  return restriction === 'ALL' || restriction === orderType;
}

export type PricedProduct = { unitMonthlyCents: Cents; unitOneTimeCents: Cents; quantity: number };

/** A product's prices on a line: the package's override (if any) replaces the catalog's monthly price, times the quantity. */
export function priceProduct(options: {
  catalogMonthlyCents: Cents;
  catalogOneTimeCents: Cents;
  monthlyOverrideCents: Cents | null;
  quantity: number;
}): PricedProduct & { monthlyCents: Cents; oneTimeCents: Cents } {
  const unitMonthlyCents = options.monthlyOverrideCents ?? options.catalogMonthlyCents;
  const unitOneTimeCents = options.catalogOneTimeCents;
  return {
    unitMonthlyCents,
    unitOneTimeCents,
    quantity: options.quantity,
    monthlyCents: unitMonthlyCents * options.quantity,
    oneTimeCents: unitOneTimeCents * options.quantity,
  };
}

/** A line's charges: the package's own monthly price and activation fee plus its products. */
export function lineTotals(
  pkg: { monthlyCents: Cents; activationFeeCents: Cents },
  products: readonly { monthlyCents: Cents; oneTimeCents: Cents }[],
): { monthlyCents: Cents; oneTimeCents: Cents } {
  return products.reduce(
    (sum, product) => ({
      monthlyCents: sum.monthlyCents + product.monthlyCents,
      oneTimeCents: sum.oneTimeCents + product.oneTimeCents,
    }),
    { monthlyCents: pkg.monthlyCents, oneTimeCents: pkg.activationFeeCents },
  );
}

/** Products on the line when the package is picked: required and default ones. */
export function isIncludedByDefault(inclusion: ProductInclusion): boolean {
  return inclusion !== 'optional';
}
