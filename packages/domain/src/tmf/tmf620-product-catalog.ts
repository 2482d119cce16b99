import { z } from 'zod';
import { WIZARD_ORDER_TYPES } from '../catalog/catalog.constants.js';
import { ZTmfMoney, ZTmfRef, ZTmfTimePeriod } from './tmf-common.js';

/*
 * TMF620 Product Catalog Management v4 (read-only in LineDesk): what an integrator reads to know
 * what can be ordered through TMF622 and what it costs.
 *
 * - ProductOffering: a package is a bundled offering (`isBundle: true`) whose
 *   `bundledProductOffering` are the offerings of its products; a carrier's product is a simple
 *   offering, sold only inside packages (`isSellable: false`). id = the record's id.
 * - ProductOfferingPrice: every price of a record is one resource, id = the record's id plus a
 *   suffix: `<package id>-monthly` (recurring, month) and `<package id>-activation` (oneTime);
 *   `<product id>-monthly` and `<product id>-onetime`; a package's monthly price for one of its
 *   products `<package id>-<product id>-<all|new|conversion>-monthly` (present only where the
 *   package replaces the product's price); long-distance rates per minute (usage)
 *   `<plan id>-domestic` and `<plan id>-intl-<country code>` (a package's offering refers to its plan's
 *   rates when its carrier fills Products and Long Distance Rates, as a line gets them).
 * - ProductSpecification: what an offering is an instance of. A line type's specification (id =
 *   the line type's id) lists, as `productSpecCharacteristic`, exactly the characteristics a
 *   productOrder item's product carries for a line of that type; a product's specification (id =
 *   the product's id) names the carrier's SOC code (`productNumber`) and the carrier (`brand`).
 * - Catalog: one per carrier (id = the carrier's id). Category: one root per carrier (id = the
 *   carrier's id) with a sub-category for its packages (`<carrier id>-packages`) and one per
 *   product kind it sells (`<carrier id>-<kind>`, e.g. `-plan`, `-add_on`).
 * - lifecycleStatus: `Active`, or `Retired` for a deactivated record (records are never deleted).
 */

/** A record's lifecycle status: what is sold today, or what is kept for lines already on it. */
export const TMF_CATALOG_LIFECYCLE_STATUSES = ['Active', 'Retired'] as const;
export type TmfCatalogLifecycleStatus = (typeof TMF_CATALOG_LIFECYCLE_STATUSES)[number];

export function catalogLifecycleStatusOf(isActive: boolean): TmfCatalogLifecycleStatus {
  return isActive ? 'Active' : 'Retired';
}

export const TMF_PRICE_TYPES = ['recurring', 'oneTime', 'usage'] as const;
export type TmfPriceType = (typeof TMF_PRICE_TYPES)[number];

const ZLifecycle = {
  lastUpdate: z.string(),
  lifecycleStatus: z.enum(TMF_CATALOG_LIFECYCLE_STATUSES),
  validFor: ZTmfTimePeriod,
};

/* ---------- ProductOfferingPrice ---------- */
export const ZTmfQuantity = z.object({ amount: z.number(), units: z.string() });

export const ZTmfProductOfferingPrice = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string(),
  description: z.string().optional(),
  isBundle: z.boolean(),
  ...ZLifecycle,
  priceType: z.enum(TMF_PRICE_TYPES),
  /** `month` for recurring prices. */
  recurringChargePeriodType: z.string().optional(),
  recurringChargePeriodLength: z.number().int().optional(),
  price: ZTmfMoney,
  /** Per unit of: `{ amount: 1, units: 'minute' }` for usage prices. */
  unitOfMeasure: ZTmfQuantity.optional(),
  /** The catalog price this one replaces (a package's price for one of its products). */
  popRelationship: z.array(z.object({ id: z.string(), href: z.string(), name: z.string(), relationshipType: z.string() })).optional(),
  '@type': z.literal('ProductOfferingPrice'),
});
export type TTmfProductOfferingPrice = z.output<typeof ZTmfProductOfferingPrice>;

/* ---------- ProductSpecification ---------- */
export const ZTmfCharacteristicValueSpecification = z.object({
  valueType: z.string(),
  value: z.unknown().optional(),
  isDefault: z.boolean().optional(),
  valueFrom: z.number().int().optional(),
  valueTo: z.number().int().optional(),
  unitOfMeasure: z.string().optional(),
  regex: z.string().optional(),
  '@type': z.literal('CharacteristicValueSpecification'),
});

export const ZTmfProductSpecCharacteristic = z.object({
  name: z.string(),
  description: z.string(),
  valueType: z.string(),
  /** Whether an order sets it (false: fixed by the specification). */
  configurable: z.boolean(),
  /** 1 when an order of this kind must give it, 0 when it may. */
  minCardinality: z.number().int(),
  maxCardinality: z.number().int(),
  regex: z.string().optional(),
  productSpecCharacteristicValue: z.array(ZTmfCharacteristicValueSpecification).optional(),
  '@type': z.literal('ProductSpecificationCharacteristic'),
});
export type TTmfProductSpecCharacteristic = z.output<typeof ZTmfProductSpecCharacteristic>;

export const ZTmfProductSpecification = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string(),
  description: z.string(),
  /** The line type's code, or the product's SOC code. */
  productNumber: z.string(),
  /** The carrier, for a product's specification. */
  brand: z.string().optional(),
  isBundle: z.boolean(),
  ...ZLifecycle,
  productSpecCharacteristic: z.array(ZTmfProductSpecCharacteristic),
  '@type': z.literal('ProductSpecification'),
});
export type TTmfProductSpecification = z.output<typeof ZTmfProductSpecification>;

/* ---------- ProductOffering ---------- */
export const ZTmfBundledProductOffering = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string(),
  lifecycleStatus: z.enum(TMF_CATALOG_LIFECYCLE_STATUSES),
  bundledProductOfferingOption: z.object({
    /**
     * How many a line gets when the package is picked: the package's quantity for a required or default
     * product, else 0 (always 0 on a carrier that does not fill Products: the agent adds them).
     */
    numberRelOfferDefault: z.number().int(),
    /** 1 for a required product (it cannot be removed), else 0. */
    numberRelOfferLowerLimit: z.number().int(),
    /** How many a line may carry: 99, or 0 for a retired product (no longer offered). */
    numberRelOfferUpperLimit: z.number().int(),
  }),
  /** LineDesk extension: `required`, `default` (on the line until removed) or `optional` (may be added). */
  inclusion: z.enum(['required', 'default', 'optional']),
  /** LineDesk extension: the order types it applies to (`ALL`, or only `NEW` or `CONVERSION`). */
  orderType: z.enum(['ALL', 'NEW', 'CONVERSION']),
  '@type': z.literal('BundledProductOffering'),
});

/** A use of a specification's characteristic by an offering: which line types a package is sold on, and what its carrier needs. */
export const ZTmfProdSpecCharValueUse = z.object({
  name: z.string(),
  description: z.string(),
  valueType: z.string(),
  minCardinality: z.number().int(),
  maxCardinality: z.number().int(),
  productSpecCharacteristicValue: z.array(ZTmfCharacteristicValueSpecification).optional(),
  productSpecification: ZTmfRef.optional(),
  '@type': z.literal('ProductSpecificationCharacteristicValueUse'),
});

export const ZTmfProductOffering = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string(),
  description: z.string(),
  isBundle: z.boolean(),
  isSellable: z.boolean(),
  ...ZLifecycle,
  /**
   * LineDesk extension, packages only: the productOrder `category` values (order types) it may be
   * ordered with: `NEW` (new numbers) and/or `CONVERSION` (numbers ported in), as the package and its carrier sell them.
   */
  productOrderCategory: z.array(z.enum(WIZARD_ORDER_TYPES)).optional(),
  bundledProductOffering: z.array(ZTmfBundledProductOffering),
  category: z.array(ZTmfRef),
  productOfferingPrice: z.array(ZTmfRef),
  productSpecification: ZTmfRef.optional(),
  prodSpecCharValueUse: z.array(ZTmfProdSpecCharValueUse),
  '@type': z.literal('ProductOffering'),
});
export type TTmfProductOffering = z.output<typeof ZTmfProductOffering>;

/* ---------- Catalog and Category ---------- */
export const ZTmfCatalog = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string(),
  description: z.string(),
  catalogType: z.literal('ProductCatalog'),
  ...ZLifecycle,
  category: z.array(ZTmfRef),
  '@type': z.literal('Catalog'),
});
export type TTmfCatalog = z.output<typeof ZTmfCatalog>;

export const ZTmfCategory = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string(),
  description: z.string(),
  isRoot: z.boolean(),
  parentId: z.string().optional(),
  ...ZLifecycle,
  subCategory: z.array(ZTmfRef),
  productOffering: z.array(ZTmfRef),
  '@type': z.literal('Category'),
});
export type TTmfCategory = z.output<typeof ZTmfCategory>;
