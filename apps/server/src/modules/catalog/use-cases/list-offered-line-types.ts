import type { TWizardLineType, WizardOrderType } from '@linedesk/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carriers, lineTypes, packageLineTypes, packages } from '../catalog.schema.js';
import { offeredPackageConditions } from './offered-packages-query.js';

/** The wizard's Line Type choices: active line types with at least one package offered for this carrier and order type. */
export async function listOfferedLineTypes(options: {
  db: DbOrTx;
  carrierCode: string;
  orderType: WizardOrderType;
}): Promise<TWizardLineType[]> {
  const rows = await options.db
    .selectDistinct({
      code: lineTypes.code,
      name: lineTypes.name,
      description: lineTypes.description,
      properties: lineTypes.properties,
      displayOrder: lineTypes.displayOrder,
    })
    .from(lineTypes)
    .innerJoin(packageLineTypes, eq(packageLineTypes.lineTypeId, lineTypes.id))
    .innerJoin(packages, eq(packages.id, packageLineTypes.packageId))
    .innerJoin(carriers, eq(carriers.id, packages.carrierId))
    .where(and(eq(lineTypes.isActive, true), offeredPackageConditions(options.carrierCode, options.orderType)))
    .orderBy(asc(lineTypes.displayOrder), asc(lineTypes.name));
  return rows.map(({ displayOrder: _order, ...lineType }) => lineType);
}
