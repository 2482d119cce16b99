import { offerTotals, priceProduct, type Cents, type OrderType, type PackageProductOrderType, type ProductInclusion, type TProduct } from '@linedesk/domain';
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

/** What is typed so far (unreadable amounts count as blank, a blank quantity as 1). */
const typedOverride = (row: PackageProductDraft) => readCents(row.override, null).value;
const typedQuantity = (row: PackageProductDraft) => readNumber(row.quantity, 1) ?? 1;

/** A row's prices for its quantity, with what is typed so far. */
export function priceRow(row: PackageProductDraft, product: TProduct | undefined) {
  if (!product) return null;
  return priceProduct({
    catalogMonthlyCents: product.monthlyCents,
    catalogOneTimeCents: product.oneTimeCents,
    monthlyOverrideCents: typedOverride(row),
    quantity: typedQuantity(row),
  });
}

/**
 * What the order wizard will charge for a line when the package is picked for an order of this
 * type, computed by the same `offerTotals` as the package offer: the package's own price and
 * activation fee, plus active, required and included-by-default products that apply to the order
 * type; only those two when the carrier does not populate products. Rows naming a product the
 * carrier does not have are left out (the server refuses them on save).
 */
export function packageTotals(
  pkg: { monthlyCents: Cents; activationFeeCents: Cents },
  rows: PackageProductDraft[],
  productsByCode: Map<string, TProduct>,
  orderType: OrderType,
  populatesProducts: boolean,
): { monthlyCents: Cents; oneTimeCents: Cents } {
  const products = rows.flatMap((row) => {
    const product = productsByCode.get(row.productCode);
    if (!product) return [];
    return [
      {
        monthlyCents: product.monthlyCents,
        oneTimeCents: product.oneTimeCents,
        monthlyOverrideCents: typedOverride(row),
        quantity: typedQuantity(row),
        inclusion: row.inclusion,
        orderType: row.orderType,
        isActive: product.isActive,
      },
    ];
  });
  return offerTotals({ pkg, products, orderType, populatesProducts });
}
