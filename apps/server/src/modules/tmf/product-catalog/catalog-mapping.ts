import {
  catalogLifecycleStatusOf,
  IDENTIFIER_KIND_LABELS,
  PRODUCT_KIND_LABELS,
  PRODUCT_KINDS,
  TMF_LINE_CHARACTERISTICS,
  WIZARD_ORDER_TYPES,
  type PackageProductOrderType,
  type ProductKind,
  type TPropertyDefinition,
  type TTmfCatalog,
  type TTmfCategory,
  type TTmfProductOffering,
  type TTmfProductOfferingPrice,
  type TTmfProductSpecCharacteristic,
  type TTmfProductSpecification,
  type TTmfRef,
} from '@linedesk/domain';
import type {
  CatalogCarrierRecord,
  CatalogLdRatePlanRecord,
  CatalogLineTypeRecord,
  CatalogPackageRecord,
  CatalogProductRecord,
  CatalogRecords,
} from '../../catalog/use-cases/list-catalog-records.js';
import { tmfHref } from '../kernel/tmf-context.js';

/** The TMF620 resource paths, under `/tmf-api/`. */
export const TMF620_PATHS = {
  productOffering: 'productCatalogManagement/v4/productOffering',
  productOfferingPrice: 'productCatalogManagement/v4/productOfferingPrice',
  productSpecification: 'productCatalogManagement/v4/productSpecification',
  catalog: 'productCatalogManagement/v4/catalog',
  category: 'productCatalogManagement/v4/category',
} as const;

/** The whole catalog as TMF620 resources, each list in the order the API lists it. */
export type TmfCatalogView = {
  productOfferings: TTmfProductOffering[];
  productOfferingPrices: TTmfProductOfferingPrice[];
  productSpecifications: TTmfProductSpecification[];
  catalogs: TTmfCatalog[];
  categories: TTmfCategory[];
};

/*
 * Ids of the resources that are not one record each (see packages/domain/src/tmf/tmf620-product-catalog.ts):
 * a record's prices are its id plus a suffix, a carrier's sub-categories its id plus `packages` or a product kind.
 */
export const priceIds = {
  packageMonthly: (packageId: string) => `${packageId}-monthly`,
  packageActivation: (packageId: string) => `${packageId}-activation`,
  productMonthly: (productId: string) => `${productId}-monthly`,
  productOneTime: (productId: string) => `${productId}-onetime`,
  packageProductMonthly: (packageId: string, productId: string, orderType: PackageProductOrderType) =>
    `${packageId}-${productId}-${orderType.toLowerCase()}-monthly`,
  ldDomestic: (planId: string) => `${planId}-domestic`,
  ldInternational: (planId: string, countryCode: string) => `${planId}-intl-${countryCode.toLowerCase()}`,
};
export const categoryIds = {
  carrier: (carrierId: string) => carrierId,
  packages: (carrierId: string) => `${carrierId}-packages`,
  productKind: (carrierId: string, kind: ProductKind) => `${carrierId}-${kind}`,
};

const dollars = (cents: number) => ({ unit: 'USD', value: cents / 100 });
/** Long-distance rates are kept in millicents (1/1000 of a cent) per minute. */
const dollarsOfMillicents = (millicents: number) => ({ unit: 'USD', value: millicents / 100_000 });
/** How many of one product a line may carry (the wizard's and the order's limit). */
const MAX_LINE_QUANTITY = 99;
const PER_MINUTE = { amount: 1, units: 'minute' };
const MONTHLY = { recurringChargePeriodType: 'month', recurringChargePeriodLength: 1 };

const lifecycleOf = (record: { isActive: boolean; createdAt: string; updatedAt: string }) => ({
  lastUpdate: record.updatedAt,
  lifecycleStatus: catalogLifecycleStatusOf(record.isActive),
  validFor: { startDateTime: record.createdAt },
});

const latest = (dates: readonly string[]) => dates.reduce((max, date) => (date > max ? date : max));

/**
 * Builds every TMF620 resource from the catalog's records. Pure: the API and the events call it on
 * the same records and say the same thing.
 */
export function buildTmfCatalog(records: CatalogRecords, baseUrl: string): TmfCatalogView {
  const href = (path: keyof typeof TMF620_PATHS, id: string) => tmfHref(baseUrl, TMF620_PATHS[path], id);
  const ref = (path: keyof typeof TMF620_PATHS, id: string, name: string, referredType: string): TTmfRef => ({
    id,
    href: href(path, id),
    name,
    '@referredType': referredType,
  });
  const carrierById = new Map(records.carriers.map((c) => [c.id, c]));
  const productById = new Map(records.products.map((p) => [p.id, p]));
  const lineTypeById = new Map(records.lineTypes.map((t) => [t.id, t]));
  const planById = new Map(records.ldRatePlans.map((p) => [p.id, p]));
  const carrierOf = (record: { carrierId: string }) => carrierById.get(record.carrierId) as CatalogCarrierRecord;
  const kindRank = (kind: ProductKind) => PRODUCT_KINDS.indexOf(kind);

  /* ----- Prices ----- */
  const price = (
    id: string,
    name: string,
    description: string,
    owner: { isActive: boolean; createdAt: string; updatedAt: string },
    terms: Pick<TTmfProductOfferingPrice, 'priceType' | 'price'> & Partial<TTmfProductOfferingPrice>,
  ): TTmfProductOfferingPrice => ({
    id,
    href: href('productOfferingPrice', id),
    name,
    description,
    isBundle: false,
    ...lifecycleOf(owner),
    ...terms,
    '@type': 'ProductOfferingPrice',
  });
  const productPrices = (product: CatalogProductRecord) => [
    price(priceIds.productMonthly(product.id), `${product.name} monthly`, `Monthly price of ${product.name} (${product.code}), per unit`, product, {
      priceType: 'recurring',
      ...MONTHLY,
      price: dollars(product.monthlyCents),
    }),
    price(priceIds.productOneTime(product.id), `${product.name} one-time`, `One-time charge of ${product.name} (${product.code}), per unit`, product, {
      priceType: 'oneTime',
      price: dollars(product.oneTimeCents),
    }),
  ];
  const ldPrices = (plan: CatalogLdRatePlanRecord) => [
    price(priceIds.ldDomestic(plan.id), `${plan.name}: domestic long distance`, `Per minute of domestic long distance on ${plan.name} (${plan.code})`, plan, {
      priceType: 'usage',
      price: dollarsOfMillicents(plan.domesticPerMinuteMillicents),
      unitOfMeasure: PER_MINUTE,
    }),
    ...plan.internationalRates.map((rate) =>
      price(
        priceIds.ldInternational(plan.id, rate.countryCode),
        `${plan.name}: ${rate.countryName}`,
        `Per minute of calls to ${rate.countryName} (${rate.countryCode}) on ${plan.name} (${plan.code})`,
        plan,
        { priceType: 'usage', price: dollarsOfMillicents(rate.perMinuteMillicents), unitOfMeasure: PER_MINUTE },
      ),
    ),
  ];
  const packagePrices = (pkg: CatalogPackageRecord) => [
    price(priceIds.packageMonthly(pkg.id), `${pkg.name} monthly`, `Monthly price of the ${pkg.name} package (${pkg.code})`, pkg, {
      priceType: 'recurring',
      ...MONTHLY,
      price: dollars(pkg.monthlyCents),
    }),
    price(priceIds.packageActivation(pkg.id), `${pkg.name} activation fee`, `One-time activation fee of the ${pkg.name} package (${pkg.code})`, pkg, {
      priceType: 'oneTime',
      price: dollars(pkg.activationFeeCents),
    }),
    ...pkg.products.flatMap((link) => {
      const product = productById.get(link.productId);
      if (!product || link.monthlyOverrideCents === null) return [];
      const catalogPriceId = priceIds.productMonthly(product.id);
      const restriction = link.orderType === 'ALL' ? '' : ` on ${link.orderType === 'NEW' ? 'new-number' : 'port-in'} lines`;
      return [
        price(
          priceIds.packageProductMonthly(pkg.id, product.id, link.orderType),
          `${product.name} monthly in ${pkg.name}`,
          `Monthly price of ${product.name} (${product.code}) per unit in the ${pkg.name} package${restriction}, replacing its catalog price`,
          pkg,
          {
            priceType: 'recurring',
            ...MONTHLY,
            price: dollars(link.monthlyOverrideCents),
            popRelationship: [{ id: catalogPriceId, href: href('productOfferingPrice', catalogPriceId), name: `${product.name} monthly`, relationshipType: 'replaces' }],
          },
        ),
      ];
    }),
  ];

  /* ----- Specifications ----- */
  const lineTypeSpecs = records.lineTypes.map((lineType) => lineTypeSpecification(lineType, href('productSpecification', lineType.id)));
  const productSpecs = records.products.map(
    (product): TTmfProductSpecification => ({
      id: product.id,
      href: href('productSpecification', product.id),
      name: product.name,
      description: product.description || `${PRODUCT_KIND_LABELS[product.kind]} of ${carrierOf(product).name}`,
      productNumber: product.code,
      brand: carrierOf(product).name,
      isBundle: false,
      ...lifecycleOf(product),
      productSpecCharacteristic: [],
      '@type': 'ProductSpecification',
    }),
  );

  /* ----- Per carrier: offerings, categories, catalog ----- */
  const productOfferings: TTmfProductOffering[] = [];
  const productOfferingPrices: TTmfProductOfferingPrice[] = [];
  const categories: TTmfCategory[] = [];
  const catalogs: TTmfCatalog[] = [];
  const pricedPlans = new Set<string>();

  for (const carrier of records.carriers) {
    const carrierPackages = records.packages.filter((p) => p.carrierId === carrier.id);
    const carrierProducts = records.products
      .filter((p) => p.carrierId === carrier.id)
      .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const rootId = categoryIds.carrier(carrier.id);
    const rootRef = ref('category', rootId, carrier.name, 'Category');
    const packagesCategory = ref('category', categoryIds.packages(carrier.id), `${carrier.name}: Packages`, 'Category');
    const kinds = PRODUCT_KINDS.filter((kind) => carrierProducts.some((p) => p.kind === kind));
    const kindCategory = (kind: ProductKind) =>
      ref('category', categoryIds.productKind(carrier.id, kind), `${carrier.name}: ${PRODUCT_KIND_LABELS[kind]}`, 'Category');

    for (const pkg of carrierPackages) {
      const prices = packagePrices(pkg);
      const plan = pkg.ldRatePlanId ? planById.get(pkg.ldRatePlanId) : undefined;
      const planPrices = plan ? ldPrices(plan) : [];
      // A line gets the plan's rates only from a carrier that fills Products and Long Distance Rates.
      const linePlanPrices = carrier.populatesProducts ? planPrices : [];
      productOfferingPrices.push(...prices);
      if (plan && !pricedPlans.has(plan.id)) {
        pricedPlans.add(plan.id);
        productOfferingPrices.push(...planPrices);
      }
      const lineTypes = pkg.lineTypeIds.map((id) => lineTypeById.get(id)).filter((t): t is CatalogLineTypeRecord => t !== undefined);
      const [firstLineType] = lineTypes;
      productOfferings.push({
        id: pkg.id,
        href: href('productOffering', pkg.id),
        name: pkg.name,
        description: pkg.description,
        isBundle: true,
        isSellable: true,
        ...lifecycleOf(pkg),
        productOrderCategory: WIZARD_ORDER_TYPES.filter((type) => pkg.orderTypes.includes(type) && carrier.orderTypes.includes(type)),
        bundledProductOffering: pkg.products.flatMap((link) => {
          const product = productById.get(link.productId);
          if (!product) return [];
          // As the wizard and Create Order apply the package: a carrier that does not fill Products puts
          // none on the line by itself (each may be added), and an inactive product is not offered.
          const putOnLine = carrier.populatesProducts && product.isActive;
          return [
            {
              id: product.id,
              href: href('productOffering', product.id),
              name: product.name,
              lifecycleStatus: catalogLifecycleStatusOf(product.isActive),
              bundledProductOfferingOption: {
                numberRelOfferDefault: putOnLine && link.inclusion !== 'optional' ? link.quantity : 0,
                numberRelOfferLowerLimit: putOnLine && link.inclusion === 'required' ? 1 : 0,
                numberRelOfferUpperLimit: product.isActive ? MAX_LINE_QUANTITY : 0,
              },
              inclusion: link.inclusion,
              orderType: link.orderType,
              '@type': 'BundledProductOffering' as const,
            },
          ];
        }),
        category: [rootRef, packagesCategory],
        productOfferingPrice: [...prices, ...linePlanPrices].map((p) => ref('productOfferingPrice', p.id, p.name, 'ProductOfferingPrice')),
        ...(firstLineType ? { productSpecification: ref('productSpecification', firstLineType.id, firstLineType.name, 'ProductSpecification') } : {}),
        prodSpecCharValueUse: [
          ...lineTypes.map((lineType) => lineTypeUse(lineType, carrier, ref('productSpecification', lineType.id, lineType.name, 'ProductSpecification'))),
          numberUse(carrier),
        ],
        '@type': 'ProductOffering',
      });
    }

    for (const product of carrierProducts) {
      const prices = productPrices(product);
      productOfferingPrices.push(...prices);
      productOfferings.push({
        id: product.id,
        href: href('productOffering', product.id),
        name: product.name,
        description: product.description,
        isBundle: false,
        // Sold on a line only as part of a package (required, default or optional there).
        isSellable: false,
        ...lifecycleOf(product),
        bundledProductOffering: [],
        category: [rootRef, kindCategory(product.kind)],
        productOfferingPrice: prices.map((p) => ref('productOfferingPrice', p.id, p.name, 'ProductOfferingPrice')),
        productSpecification: ref('productSpecification', product.id, product.name, 'ProductSpecification'),
        prodSpecCharValueUse: [],
        '@type': 'ProductOffering',
      });
    }

    const members = [carrier, ...carrierPackages, ...carrierProducts];
    const carrierLastUpdate = latest(members.map((m) => m.updatedAt));
    const subCategory = (
      category: TTmfRef,
      description: string,
      offerings: readonly (CatalogPackageRecord | CatalogProductRecord)[],
    ): TTmfCategory => ({
      id: category.id,
      href: category.href as string,
      name: category.name as string,
      description,
      isRoot: false,
      parentId: rootId,
      lastUpdate: latest([carrier.updatedAt, ...offerings.map((o) => o.updatedAt)]),
      lifecycleStatus: catalogLifecycleStatusOf(carrier.isActive),
      validFor: { startDateTime: carrier.createdAt },
      subCategory: [],
      productOffering: offerings.map((o) => ref('productOffering', o.id, o.name, 'ProductOffering')),
      '@type': 'Category',
    });
    const subCategories = [
      subCategory(packagesCategory, `The packages ${carrier.name} lines are sold on`, carrierPackages),
      ...kinds.map((kind) =>
        subCategory(kindCategory(kind), `${carrier.name} products of kind ${PRODUCT_KIND_LABELS[kind]}`, carrierProducts.filter((p) => p.kind === kind)),
      ),
    ];
    categories.push(
      {
        id: rootId,
        href: rootRef.href as string,
        name: carrier.name,
        description: `Everything sold on ${carrier.name} (carrier ${carrier.code})`,
        isRoot: true,
        lastUpdate: carrierLastUpdate,
        lifecycleStatus: catalogLifecycleStatusOf(carrier.isActive),
        validFor: { startDateTime: carrier.createdAt },
        subCategory: subCategories.map((c) => ref('category', c.id, c.name, 'Category')),
        productOffering: [],
        '@type': 'Category',
      },
      ...subCategories,
    );
    catalogs.push({
      id: carrier.id,
      href: href('catalog', carrier.id),
      name: carrier.name,
      description: `The packages and products sold on ${carrier.name} (carrier ${carrier.code})`,
      catalogType: 'ProductCatalog',
      lastUpdate: carrierLastUpdate,
      lifecycleStatus: catalogLifecycleStatusOf(carrier.isActive),
      validFor: { startDateTime: carrier.createdAt },
      category: [rootRef],
      '@type': 'Catalog',
    });
  }

  // Plans no package uses still have their prices.
  for (const plan of records.ldRatePlans) if (!pricedPlans.has(plan.id)) productOfferingPrices.push(...ldPrices(plan));

  return { productOfferings, productOfferingPrices, productSpecifications: [...lineTypeSpecs, ...productSpecs], catalogs, categories };
}

/* ---------- Line type specifications: what a productOrder item's product carries ---------- */

const characteristic = (
  name: string,
  description: string,
  valueType: string,
  options: Partial<Omit<TTmfProductSpecCharacteristic, 'name' | 'description' | 'valueType' | '@type'>> = {},
): TTmfProductSpecCharacteristic => ({
  name,
  description,
  valueType,
  configurable: true,
  minCardinality: 0,
  maxCardinality: 1,
  ...options,
  '@type': 'ProductSpecificationCharacteristic',
});
const value = (valueType: string, given: Record<string, unknown>) => ({ valueType, ...given, '@type': 'CharacteristicValueSpecification' as const });

const PROPERTY_VALUE_TYPES: Record<TPropertyDefinition['kind'], string> = {
  text: 'string',
  number: 'number',
  select: 'string',
  boolean: 'boolean',
  phone: 'string',
  zip: 'string',
  date: 'date',
};

function propertyCharacteristic(property: TPropertyDefinition): TTmfProductSpecCharacteristic {
  const notes = [property.label];
  if (property.kind === 'phone') notes.push('a 10-digit US phone number');
  if (property.kind === 'zip') notes.push('a 5-digit ZIP code');
  if (property.kind === 'date') notes.push('a date as YYYY-MM-DD');
  if (property.kind === 'boolean') notes.push('true or false');
  if (property.minLength !== null) notes.push(`at least ${property.minLength} characters`);
  if (property.maxLength !== null) notes.push(`at most ${property.maxLength} characters`);
  if (property.patternMessage) notes.push(property.patternMessage);
  if (property.helpText) notes.push(property.helpText);
  const isWhole = (n: number | null): n is number => n !== null && Number.isInteger(n);
  const values =
    property.kind === 'select'
      ? property.options.map((option) => value('string', { value: option.value }))
      : property.kind === 'number' && (isWhole(property.min) || isWhole(property.max))
        ? [value('number', { ...(isWhole(property.min) ? { valueFrom: property.min } : {}), ...(isWhole(property.max) ? { valueTo: property.max } : {}) })]
        : [];
  if (property.kind === 'number' && (property.min !== null || property.max !== null)) {
    notes.push([property.min !== null ? `from ${property.min}` : '', property.max !== null ? `to ${property.max}` : ''].filter(Boolean).join(' '));
  }
  if (property.kind === 'select') notes.push(`one of: ${property.options.map((o) => `${o.value} (${o.label})`).join(', ')}`);
  const regex = property.pattern ?? (property.kind === 'zip' ? '^\\d{5}$' : property.kind === 'date' ? '^\\d{4}-\\d{2}-\\d{2}$' : undefined);
  return characteristic(property.key, notes.join('; '), PROPERTY_VALUE_TYPES[property.kind], {
    // A yes/no left out is "no"; every other required property must be given.
    minCardinality: property.required && property.kind !== 'boolean' ? 1 : 0,
    ...(regex ? { regex } : {}),
    ...(values.length > 0 ? { productSpecCharacteristicValue: values } : {}),
  });
}

const C = TMF_LINE_CHARACTERISTICS;

/**
 * A line of one line type, as a productOrder item's `product.productCharacteristic` describes it:
 * the line type (fixed), its own properties by key, the new number's area code or ZIP (which one
 * the package's carrier needs is in the offering's prodSpecCharValueUse), whether the device comes
 * from stock, the port-in of a Conversion line, and the number the carrier assigns (read-only).
 */
function lineTypeSpecification(lineType: CatalogLineTypeRecord, href: string): TTmfProductSpecification {
  const portIn = (name: string, label: string, extra: Partial<TTmfProductSpecCharacteristic> = {}) =>
    characteristic(name, `Port-in (Conversion) lines only, and required there: ${label}`, 'string', extra);
  return {
    id: lineType.id,
    href,
    name: lineType.name,
    description: lineType.description || `A ${lineType.name} line`,
    productNumber: lineType.code,
    isBundle: false,
    ...lifecycleOf(lineType),
    productSpecCharacteristic: [
      characteristic(C.lineType, `The line type: ${lineType.code} for ${lineType.name}`, 'string', {
        minCardinality: 1,
        productSpecCharacteristicValue: [value('string', { value: lineType.code, isDefault: true })],
      }),
      ...lineType.properties.map(propertyCharacteristic),
      characteristic(C.areaCode, 'New-number lines on a carrier that assigns numbers by area code: the 3-digit area code wanted, such as 312', 'string', {
        regex: '^[2-9][0-8]\\d$',
      }),
      characteristic(C.numberZip, 'New-number lines on a carrier that assigns numbers by ZIP code: the 5-digit ZIP code the number should come from', 'string', {
        regex: '^\\d{5}$',
      }),
      characteristic(C.deviceSource, 'Where the device comes from: STOCK (a device from this store\'s inventory, the default) or BYOD (the customer\'s own)', 'string', {
        productSpecCharacteristicValue: [value('string', { value: 'STOCK', isDefault: true }), value('string', { value: 'BYOD' })],
      }),
      portIn(C.portInNumber, 'the 10-digit number to port in'),
      portIn(C.portInCurrentCarrier, 'the carrier the number is with today'),
      portIn(C.portInAccountNumber, 'the account number at the current carrier'),
      portIn(C.portInPin, 'the port-out PIN or password at the current carrier; write-only, never returned'),
      portIn(C.portInAuthorizedSigner, 'who authorises the port'),
      portIn(C.portInAccountName, 'the name on the account at the current carrier'),
      characteristic(C.mdn, 'The line\'s phone number, once the carrier has assigned or ported it; set by LineDesk, not by an order', 'string', {
        configurable: false,
      }),
    ],
    '@type': 'ProductSpecification',
  };
}

/** A package sold on a line type: its specification, and the device and SIM its carrier needs there. */
function lineTypeUse(lineType: CatalogLineTypeRecord, carrier: CatalogCarrierRecord, specification: TTmfRef) {
  const requirement = carrier.identifierRequirements.find((r) => r.lineTypeCode === lineType.code);
  const needs = (requirement?.requires ?? []).map((group) => group.map((kind) => IDENTIFIER_KIND_LABELS[kind]).join(' or '));
  const resources = needs.length > 0 ? `; ${carrier.name} needs ${needs.join(' and ')} on it (product.realizingResource)` : '';
  return {
    name: C.lineType,
    description: `Sold on ${lineType.name} lines (${lineType.code}): the line's characteristics are in the specification${resources}`,
    valueType: 'string',
    minCardinality: 1,
    maxCardinality: 1,
    productSpecCharacteristicValue: [value('string', { value: lineType.code })],
    productSpecification: specification,
    '@type': 'ProductSpecificationCharacteristicValueUse' as const,
  };
}

/** How the package's carrier picks a new line's number: the area code or the ZIP code it needs. */
function numberUse(carrier: CatalogCarrierRecord) {
  const byAreaCode = carrier.numberAssignment === 'AREA_CODE';
  return {
    name: byAreaCode ? C.areaCode : C.numberZip,
    description: byAreaCode
      ? `${carrier.name} assigns new numbers by area code: a new-number line needs ${C.areaCode}`
      : `${carrier.name} assigns new numbers by ZIP code: a new-number line needs ${C.numberZip}`,
    valueType: 'string',
    minCardinality: 0,
    maxCardinality: 1,
    '@type': 'ProductSpecificationCharacteristicValueUse' as const,
  };
}
