import { ZPackage, ZPackageInput, type TPackage, type TPackageData } from '@linedesk/domain';
import { asc } from 'drizzle-orm';
import { readTogether, type DbOrTx, type Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { and, eq, inArray, iso, listConditions, lockRowOf, resolveCodes, type CatalogEntity } from '../catalog-entity.js';
import { carriers, ldRatePlans, lineTypes, packageLineTypes, packageProducts, packages, products } from '../catalog.schema.js';

async function load(db: DbOrTx, where: Parameters<typeof and>): Promise<TPackage[]> {
  const rows = await db
    .select({ pkg: packages, carrierCode: carriers.code, ldRatePlanCode: ldRatePlans.code })
    .from(packages)
    .innerJoin(carriers, eq(carriers.id, packages.carrierId))
    .leftJoin(ldRatePlans, eq(ldRatePlans.id, packages.ldRatePlanId))
    .where(and(...where))
    .orderBy(asc(carriers.code), asc(packages.displayOrder), asc(packages.name));
  const ids = rows.map((row) => row.pkg.id);
  if (ids.length === 0) return [];
  const [typeLinks, productLinks] = await readTogether(db, [
    () =>
      db
        .select({ packageId: packageLineTypes.packageId, code: lineTypes.code })
        .from(packageLineTypes)
        .innerJoin(lineTypes, eq(lineTypes.id, packageLineTypes.lineTypeId))
        .where(inArray(packageLineTypes.packageId, ids))
        .orderBy(asc(lineTypes.displayOrder), asc(lineTypes.code)),
    () =>
      db
        .select({ link: packageProducts, productCode: products.code })
        .from(packageProducts)
        .innerJoin(products, eq(products.id, packageProducts.productId))
        .where(inArray(packageProducts.packageId, ids))
        .orderBy(asc(packageProducts.position)),
  ]);
  return rows.map(({ pkg, carrierCode, ldRatePlanCode }) => ({
    id: pkg.id,
    carrierCode,
    code: pkg.code,
    name: pkg.name,
    description: pkg.description,
    lineTypeCodes: typeLinks.filter((t) => t.packageId === pkg.id).map((t) => t.code),
    orderTypes: pkg.orderTypes,
    monthlyCents: pkg.monthlyCents,
    activationFeeCents: pkg.activationFeeCents,
    ldRatePlanCode,
    products: productLinks
      .filter((p) => p.link.packageId === pkg.id)
      .map(({ link, productCode }) => ({
        productCode,
        quantity: link.quantity,
        monthlyOverrideCents: link.monthlyOverrideCents,
        inclusion: link.inclusion,
        orderType: link.orderType,
      })),
    displayOrder: pkg.displayOrder,
    isActive: pkg.isActive,
    createdAt: iso(pkg.createdAt),
    updatedAt: iso(pkg.updatedAt),
  }));
}

/** Every code the package names must exist; its products must be its own carrier's. */
async function resolveReferences(tx: Tx, input: TPackageData, prefix: string) {
  const carrierId = (await resolveCodes(tx, carriers, [{ code: input.carrierCode, field: `${prefix}.carrierCode` }], 'carrier')).get(
    input.carrierCode,
  ) as string;
  const lineTypeIds = await resolveCodes(
    tx,
    lineTypes,
    input.lineTypeCodes.map((code, index) => ({ code, field: `${prefix}.lineTypeCodes.${index}` })),
    'line type',
  );
  const productIds = await resolveCodes(
    tx,
    products,
    input.products.map((p, index) => ({ code: p.productCode, field: `${prefix}.products.${index}.productCode` })),
    `product of carrier ${input.carrierCode}`,
    eq(products.carrierId, carrierId),
  );
  const ldRatePlanId = input.ldRatePlanCode
    ? ((await resolveCodes(tx, ldRatePlans, [{ code: input.ldRatePlanCode, field: `${prefix}.ldRatePlanCode` }], 'long-distance rate plan')).get(
        input.ldRatePlanCode,
      ) ?? null)
    : null;
  return { carrierId, lineTypeIds, productIds, ldRatePlanId };
}

export const packageEntity: CatalogEntity<typeof ZPackageInput, TPackage> = {
  type: 'package',
  path: 'packages',
  label: 'package',
  input: ZPackageInput,
  view: ZPackage,
  keyOf: (input) => `${input.carrierCode}/${input.code}`,
  lock: lockRowOf(packages),
  list: (db, query) => load(db, [...listConditions(packages, query), query.carrierCode ? eq(carriers.code, query.carrierCode) : undefined]),
  get: (db, ids) => load(db, [inArray(packages.id, ids)]),
  findId: async (db, input) =>
    (
      await db
        .select({ id: packages.id })
        .from(packages)
        .innerJoin(carriers, eq(carriers.id, packages.carrierId))
        .where(and(eq(carriers.code, input.carrierCode), eq(packages.code, input.code)))
    )[0]?.id ?? null,
  write: async (tx, id, input, { fieldPrefix }) => {
    const refs = await resolveReferences(tx, input, fieldPrefix);
    if (new Set(input.lineTypeCodes).size !== input.lineTypeCodes.length) {
      throw AppError.field('VALIDATION_FAILED', `${fieldPrefix}.lineTypeCodes`, 'unique', 'Each line type may appear once');
    }
    const values = {
      carrierId: refs.carrierId,
      code: input.code,
      name: input.name,
      description: input.description,
      orderTypes: [...new Set(input.orderTypes)],
      monthlyCents: input.monthlyCents,
      activationFeeCents: input.activationFeeCents,
      ldRatePlanId: refs.ldRatePlanId,
      displayOrder: input.displayOrder,
      isActive: input.isActive,
      updatedAt: new Date(),
    };
    let packageId = id;
    if (packageId) await tx.update(packages).set(values).where(eq(packages.id, packageId));
    else packageId = (await tx.insert(packages).values(values).returning({ id: packages.id }))[0]?.id ?? null;
    if (!packageId) throw new Error('insert returned no row');
    const owner = packageId;
    // Children are replaced whole: a package is edited as one form.
    await tx.delete(packageLineTypes).where(eq(packageLineTypes.packageId, owner));
    await tx.delete(packageProducts).where(eq(packageProducts.packageId, owner));
    await tx.insert(packageLineTypes).values(input.lineTypeCodes.map((code) => ({ packageId: owner, lineTypeId: refs.lineTypeIds.get(code) as string })));
    if (input.products.length) {
      await tx.insert(packageProducts).values(
        input.products.map((p, position) => ({
          packageId: owner,
          productId: refs.productIds.get(p.productCode) as string,
          position,
          quantity: p.quantity,
          monthlyOverrideCents: p.monthlyOverrideCents,
          inclusion: p.inclusion,
          orderType: p.orderType,
        })),
      );
    }
    return owner;
  },
  toInput: ({ id: _id, createdAt: _c, updatedAt: _u, ...input }) => input,
  // Line types come back in their display order and order types once each.
  canonical: (input) => ({ ...input, lineTypeCodes: [...input.lineTypeCodes].sort(), orderTypes: [...new Set(input.orderTypes)].sort() }),
};
