import type {
  NumberAssignment,
  OrderType,
  PackageProductOrderType,
  ProductInclusion,
  ProductKind,
  TCountryRate,
  TIdentifierRequirement,
  TPropertyDefinition,
} from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { carriers, ldRatePlans, lineTypes, packageLineTypes, packageProducts, packages, products } from '../catalog.schema.js';

type Lifecycle = { isActive: boolean; createdAt: string; updatedAt: string };

export type CatalogCarrierRecord = Lifecycle & {
  id: string;
  code: string;
  name: string;
  displayOrder: number;
  orderTypes: OrderType[];
  populatesProducts: boolean;
  numberAssignment: NumberAssignment;
  identifierRequirements: TIdentifierRequirement[];
};
export type CatalogLineTypeRecord = Lifecycle & {
  id: string;
  code: string;
  name: string;
  description: string;
  properties: TPropertyDefinition[];
  displayOrder: number;
};
export type CatalogLdRatePlanRecord = Lifecycle & {
  id: string;
  code: string;
  name: string;
  domesticPerMinuteMillicents: number;
  internationalRates: TCountryRate[];
};
export type CatalogProductRecord = Lifecycle & {
  id: string;
  carrierId: string;
  code: string;
  name: string;
  description: string;
  kind: ProductKind;
  monthlyCents: number;
  oneTimeCents: number;
  isTaxable: boolean;
};
export type CatalogPackageProductRecord = {
  productId: string;
  quantity: number;
  monthlyOverrideCents: number | null;
  inclusion: ProductInclusion;
  orderType: PackageProductOrderType;
};
export type CatalogPackageRecord = Lifecycle & {
  id: string;
  carrierId: string;
  code: string;
  name: string;
  description: string;
  orderTypes: OrderType[];
  monthlyCents: number;
  activationFeeCents: number;
  ldRatePlanId: string | null;
  displayOrder: number;
  /** Its line types, in their display order. */
  lineTypeIds: string[];
  /** Its products, in the package's order. */
  products: CatalogPackageProductRecord[];
};

/**
 * Every catalog record an outside catalog view (the TM Forum product catalog) is built from, by
 * id, inactive ones included, each kind in display order. No secrets: a carrier's connection
 * stays out. Small by nature (what admins type in), so it is read whole and may be kept in the
 * catalog read cache; treat it as read-only.
 */
export type CatalogRecords = {
  carriers: CatalogCarrierRecord[];
  lineTypes: CatalogLineTypeRecord[];
  ldRatePlans: CatalogLdRatePlanRecord[];
  products: CatalogProductRecord[];
  packages: CatalogPackageRecord[];
};

const lifecycle = (row: { isActive: boolean; createdAt: Date; updatedAt: Date }): Lifecycle => ({
  isActive: row.isActive,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The whole catalog's sellable records (carriers, line types, long-distance plans, products, packages), in 7 statements. */
export async function listCatalogRecords(options: { db: DbOrTx }): Promise<CatalogRecords> {
  const { db } = options;
  const [carrierRows, lineTypeRows, planRows, productRows, packageRows, typeLinks, productLinks] = await readTogether(db, [
    () => db.select().from(carriers).orderBy(asc(carriers.displayOrder), asc(carriers.name), asc(carriers.id)),
    () => db.select().from(lineTypes).orderBy(asc(lineTypes.displayOrder), asc(lineTypes.name), asc(lineTypes.id)),
    () => db.select().from(ldRatePlans).orderBy(asc(ldRatePlans.name), asc(ldRatePlans.id)),
    () => db.select().from(products).orderBy(asc(products.name), asc(products.id)),
    () => db.select().from(packages).orderBy(asc(packages.displayOrder), asc(packages.name), asc(packages.id)),
    () =>
      db
        .select({ packageId: packageLineTypes.packageId, lineTypeId: packageLineTypes.lineTypeId })
        .from(packageLineTypes)
        .innerJoin(lineTypes, eq(lineTypes.id, packageLineTypes.lineTypeId))
        .orderBy(asc(lineTypes.displayOrder), asc(lineTypes.code)),
    () => db.select().from(packageProducts).orderBy(asc(packageProducts.packageId), asc(packageProducts.position)),
  ]);
  const lineTypeIdsOf = groupBy(typeLinks, (link) => link.packageId);
  const productsOf = groupBy(productLinks, (link) => link.packageId);
  return {
    carriers: carrierRows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      displayOrder: row.displayOrder,
      orderTypes: row.orderTypes,
      populatesProducts: row.populatesProducts,
      numberAssignment: row.numberAssignment,
      identifierRequirements: row.identifierRequirements,
      ...lifecycle(row),
    })),
    lineTypes: lineTypeRows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
      properties: row.properties,
      displayOrder: row.displayOrder,
      ...lifecycle(row),
    })),
    ldRatePlans: planRows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      domesticPerMinuteMillicents: row.domesticPerMinuteMillicents,
      internationalRates: row.internationalRates,
      ...lifecycle(row),
    })),
    products: productRows.map((row) => ({
      id: row.id,
      carrierId: row.carrierId,
      code: row.code,
      name: row.name,
      description: row.description,
      kind: row.kind,
      monthlyCents: row.monthlyCents,
      oneTimeCents: row.oneTimeCents,
      isTaxable: row.isTaxable,
      ...lifecycle(row),
    })),
    packages: packageRows.map((row) => ({
      id: row.id,
      carrierId: row.carrierId,
      code: row.code,
      name: row.name,
      description: row.description,
      orderTypes: row.orderTypes,
      monthlyCents: row.monthlyCents,
      activationFeeCents: row.activationFeeCents,
      ldRatePlanId: row.ldRatePlanId,
      displayOrder: row.displayOrder,
      lineTypeIds: (lineTypeIdsOf.get(row.id) ?? []).map((link) => link.lineTypeId),
      products: (productsOf.get(row.id) ?? []).map((link) => ({
        productId: link.productId,
        quantity: link.quantity,
        monthlyOverrideCents: link.monthlyOverrideCents,
        inclusion: link.inclusion,
        orderType: link.orderType,
      })),
      ...lifecycle(row),
    })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
