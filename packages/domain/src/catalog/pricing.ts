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

/** One product of a package as `offerTotals` weighs it: the catalog's prices and the package's terms for it. */
export type OfferProduct = {
  /** The product's catalog prices, per unit. */
  monthlyCents: Cents;
  oneTimeCents: Cents;
  /** The package's monthly price for it, replacing the catalog's; null keeps the catalog's. */
  monthlyOverrideCents: Cents | null;
  quantity: number;
  inclusion: ProductInclusion;
  orderType: PackageProductOrderType;
  /** An inactive product is never offered. */
  isActive: boolean;
};

/**
 * Whether choosing the package puts this product on a line of this order type (and so charges
 * for it): it is active, applies to the order type, and is required or included by default; and
 * the carrier fills products from the package at all (one that does not leaves Products empty for
 * the agent to add by hand).
 */
export function isOnOfferedLine(product: Pick<OfferProduct, 'inclusion' | 'orderType' | 'isActive'>, orderType: OrderType, populatesProducts: boolean): boolean {
  return populatesProducts && product.isActive && appliesToOrderType(product.orderType, orderType) && isIncludedByDefault(product.inclusion);
}

/**
 * What the order wizard charges for a line when the package is picked for an order of this type:
 * the package's monthly price and activation fee, plus the products `isOnOfferedLine` puts on the
 * line, priced with the package's overrides and quantities. The package offer and the package
 * editor's "Line totals" both come from here, so they cannot disagree.
 */
export function offerTotals(options: {
  pkg: { monthlyCents: Cents; activationFeeCents: Cents };
  products: readonly OfferProduct[];
  orderType: OrderType;
  populatesProducts: boolean;
}): { monthlyCents: Cents; oneTimeCents: Cents } {
  const { pkg, products, orderType, populatesProducts } = options;
  const onLine = products
    .filter((product) => isOnOfferedLine(product, orderType, populatesProducts))
    .map((product) =>
      priceProduct({
        catalogMonthlyCents: product.monthlyCents,
        catalogOneTimeCents: product.oneTimeCents,
        monthlyOverrideCents: product.monthlyOverrideCents,
        quantity: product.quantity,
      }),
    );
  return lineTotals(pkg, onLine);
}
