import type { TWizardPackage, TWizardPackagesQuery } from '@linedesk/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carriers, lineTypes, packageLineTypes, packages } from '../catalog.schema.js';
import { offeredPackageConditions } from './offered-packages-query.js';

/** The wizard's Package choices: only those sold for this carrier, line type and order type. */
export async function listOfferedPackages(options: { db: DbOrTx; query: TWizardPackagesQuery }): Promise<TWizardPackage[]> {
  const { db, query } = options;
  const onLineType = query.lineTypeCode
    ? inArray(
        packages.id,
        db
          .select({ id: packageLineTypes.packageId })
          .from(packageLineTypes)
          .innerJoin(lineTypes, eq(lineTypes.id, packageLineTypes.lineTypeId))
          .where(and(eq(lineTypes.code, query.lineTypeCode), eq(lineTypes.isActive, true))),
      )
    : undefined;
  const rows = await db
    .select({ pkg: packages })
    .from(packages)
    .innerJoin(carriers, eq(carriers.id, packages.carrierId))
    .where(and(offeredPackageConditions(query.carrierCode, query.orderType), onLineType))
    .orderBy(asc(packages.displayOrder), asc(packages.name));
  if (rows.length === 0) return [];
  const links = await db
    .select({ packageId: packageLineTypes.packageId, code: lineTypes.code })
    .from(packageLineTypes)
    .innerJoin(lineTypes, eq(lineTypes.id, packageLineTypes.lineTypeId))
    .where(and(inArray(packageLineTypes.packageId, rows.map((r) => r.pkg.id)), eq(lineTypes.isActive, true)))
    .orderBy(asc(lineTypes.displayOrder));
  return rows.map(({ pkg }) => ({
    code: pkg.code,
    name: pkg.name,
    description: pkg.description,
    lineTypeCodes: links.filter((l) => l.packageId === pkg.id).map((l) => l.code),
    monthlyCents: pkg.monthlyCents,
    activationFeeCents: pkg.activationFeeCents,
  }));
}
