import { z } from 'zod';
import type { LineStatus, OrderStatus } from '../orders/state-machines.js';
import { ZTmfCharacteristic, ZTmfMoney, ZTmfRef, ZTmfRelatedParty } from './tmf-common.js';

/*
 * TMF637 Product Inventory v4 (`/tmf-api/productInventory/v4/product`), read-only: a product is a
 * LineDesk line (its id is the line's id), a bundle of the products it was sold with.
 */

/** Where the products live, under /tmf-api (for `tmfHref`). */
export const TMF_PRODUCT_PATH = 'productInventory/v4/product';

/** `ProductStatusType` of the spec, as it is written there (`aborted ` does end in a space, in v4 and v5). */
export const TMF_PRODUCT_STATUSES = ['created', 'pendingActive', 'cancelled', 'active', 'pendingTerminate', 'terminated', 'suspended', 'aborted '] as const;
export type TmfProductStatus = (typeof TMF_PRODUCT_STATUSES)[number];

/** The order statuses in which the carrier has a pending line: its product is pendingActive. */
const AT_CARRIER: readonly OrderStatus[] = ['SENT', 'IN_PROGRESS'];

/**
 * A line's product status (decided for issue 7): Pending → created, or pendingActive once its order
 * is Sent or In progress at the carrier; Active → active; Suspended → suspended; Disconnected →
 * terminated; Cancelled → cancelled. Without the order's status a Pending line is created.
 */
export function productStatusOf(lineStatus: LineStatus, orderStatus?: OrderStatus | null): TmfProductStatus {
  switch (lineStatus) {
    case 'PENDING':
      return orderStatus && AT_CARRIER.includes(orderStatus) ? 'pendingActive' : 'created';
    case 'ACTIVE':
      return 'active';
    case 'SUSPENDED':
      return 'suspended';
    case 'DISCONNECTED':
      return 'terminated';
    case 'CANCELLED':
      return 'cancelled';
  }
}

/** What a line and its order are in when its product has a status (the inverse of `productStatusOf`); null: no line ever has it. */
export type ProductStatusCondition = { line: LineStatus; orderIn?: readonly OrderStatus[]; orderNotIn?: readonly OrderStatus[] };

export function productStatusCondition(status: TmfProductStatus): ProductStatusCondition | null {
  switch (status) {
    case 'created':
      return { line: 'PENDING', orderNotIn: AT_CARRIER };
    case 'pendingActive':
      return { line: 'PENDING', orderIn: AT_CARRIER };
    case 'active':
      return { line: 'ACTIVE' };
    case 'suspended':
      return { line: 'SUSPENDED' };
    case 'terminated':
      return { line: 'DISCONNECTED' };
    case 'cancelled':
      return { line: 'CANCELLED' };
    case 'pendingTerminate':
    case 'aborted ':
      return null;
  }
}

export const ZTmfProductStatus = z.enum(TMF_PRODUCT_STATUSES);

/** `ProductPrice`: what the customer pays for the product, before tax (`dutyFreeAmount`). */
export const ZTmfProductPrice = z.object({
  name: z.string(),
  description: z.string().optional(),
  /** `recurring` (monthly) or `oneTime`. */
  priceType: z.string(),
  recurringChargePeriod: z.string().optional(),
  price: z.object({ dutyFreeAmount: ZTmfMoney }),
});
export type TTmfProductPrice = z.output<typeof ZTmfProductPrice>;

/** `ResourceRef`: a TMF639 resource realizing the product (a stock item, the line's number). */
export const ZTmfResourceRef = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string().optional(),
  '@referredType': z.enum(['PhysicalResource', 'LogicalResource']),
});
export type TTmfResourceRef = z.output<typeof ZTmfResourceRef>;

/** `RelatedProductOrderItem`: the TMF622 order item that created the product (a line is an item of its order). */
export const ZTmfRelatedProductOrderItem = z.object({
  productOrderId: z.string(),
  productOrderHref: z.string(),
  orderItemId: z.string(),
  orderItemAction: z.string(),
  role: z.string().optional(),
  '@referredType': z.string().optional(),
});

/**
 * `RelatedPlaceRefOrValue` by value: the US postal address where the line is used (`role:
 * serviceAddress`), with the same fields as a productOrder item's place (TMF622).
 */
export const ZTmfAddressPlace = z.object({
  role: z.string(),
  /** The address on one line: "742 Evergreen Terrace, Springfield, IL 62704". */
  name: z.string(),
  '@type': z.literal('GeographicAddress'),
  street1: z.string(),
  street2: z.string().optional(),
  city: z.string(),
  stateOrProvince: z.string(),
  postCode: z.string(),
  country: z.string(),
});
export type TTmfAddressPlace = z.output<typeof ZTmfAddressPlace>;

/** A product the line was sold with (`ProductRefOrValue` by value: it has no resource of its own). */
export const ZTmfProductValue = z.object({
  '@type': z.literal('Product'),
  name: z.string(),
  isBundle: z.literal(false),
  status: ZTmfProductStatus,
  productOffering: ZTmfRef.optional(),
  productCharacteristic: z.array(ZTmfCharacteristic),
  productPrice: z.array(ZTmfProductPrice),
});
export type TTmfProductValue = z.output<typeof ZTmfProductValue>;

/** A TMF637 Product: one LineDesk line and the products it was sold with. */
export const ZTmfProduct = z.object({
  id: z.uuid(),
  href: z.string(),
  '@type': z.literal('Product'),
  /** The package's name, and the line's number once the carrier gave it: "Unlimited Essentials (312) 555-0147". */
  name: z.string(),
  description: z.string().optional(),
  isBundle: z.literal(true),
  isCustomerVisible: z.boolean(),
  status: ZTmfProductStatus,
  /** When its order was created. */
  orderDate: z.string(),
  /** When the carrier activated it. */
  startDate: z.string().optional(),
  /** When it was disconnected or cancelled. */
  terminationDate: z.string().optional(),
  /** The package, a TMF620 ProductOffering (absent if the package left the catalog). */
  productOffering: ZTmfRef.optional(),
  productCharacteristic: z.array(ZTmfCharacteristic),
  productPrice: z.array(ZTmfProductPrice),
  product: z.array(ZTmfProductValue),
  realizingResource: z.array(ZTmfResourceRef),
  relatedParty: z.array(ZTmfRelatedParty),
  place: z.array(ZTmfAddressPlace),
  productOrderItem: z.array(ZTmfRelatedProductOrderItem),
});
export type TTmfProduct = z.output<typeof ZTmfProduct>;

/** The line's product name: the package's, then its number when it has one. */
export function tmfProductName(packageName: string, mdnDisplay: string | null): string {
  return mdnDisplay ? `${packageName} ${mdnDisplay}` : packageName;
}

/**
 * The lines a product name can belong to (the inverse of `tmfProductName`): a package's name alone
 * (a line without a number), or, when it ends with a number as "(312) 555-0147", that package and number.
 */
export function tmfProductNameCandidates(name: string): { packageName: string; mdn: string | null }[] {
  const candidates: { packageName: string; mdn: string | null }[] = [{ packageName: name, mdn: null }];
  const numbered = /^(.+) \((\d{3})\) (\d{3})-(\d{4})$/.exec(name);
  if (numbered) candidates.push({ packageName: numbered[1]!, mdn: `${numbered[2]}${numbered[3]}${numbered[4]}` });
  return candidates;
}
