import {
  appliesToOrderType,
  isIncludedByDefault,
  lineTotals,
  priceProduct,
  type Cents,
  type OrderType,
  type PackageProductOrderType,
  type ProductInclusion,
  type TProduct,
} from '@linedesk/domain';
import { readCents } from '../../../lib/money-input';
import { readNumber } from '../common/fields';

/** One product row as the editor holds it: quantity and override as typed. */
export type PackageProductDraft = {
  uid: string;
  productCode: string;
  quantity: number | string;
  /** Dollars as typed; blank means the product's catalog price. */
  override: string;
  inclusion: ProductInclusion;
  orderType: PackageProductOrderType;
};

/** A row's prices for its quantity, with what is typed so far (unreadable amounts count as blank). */
export function priceRow(row: PackageProductDraft, product: TProduct | undefined) {
  if (!product) return null;
  return priceProduct({
    catalogMonthlyCents: product.monthlyCents,
    catalogOneTimeCents: product.oneTimeCents,
    monthlyOverrideCents: readCents(row.override, null).value,
    quantity: readNumber(row.quantity, 1) ?? 1,
  });
}

/**
 * What a line costs when the package is picked for an order of this type: the package's own price
 * and activation fee, plus required and included-by-default products that apply to the order type.
 * `null` (no order type) counts only products that apply to every order type.
 */
export function packageTotals(
  pkg: { monthlyCents: Cents; activationFeeCents: Cents },
  rows: PackageProductDraft[],
  productsByCode: Map<string, TProduct>,
  orderType: OrderType | null,
): { monthlyCents: Cents; oneTimeCents: Cents } {
  const priced = rows
    .filter((row) => isIncludedByDefault(row.inclusion))
    .filter((row) => (orderType === null ? row.orderType === 'ALL' : appliesToOrderType(row.orderType, orderType)))
    .map((row) => priceRow(row, productsByCode.get(row.productCode)))
    .filter((price) => price !== null);
  return lineTotals(pkg, priced);
}
