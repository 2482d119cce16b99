import { WIZARD_ORDER_TYPES, type TWizardCarrier, type WizardOrderType } from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { billProfiles, carriers } from '../catalog.schema.js';

/** The wizard's Carrier choices: active carriers that sell New or Conversion orders, in display order. */
export async function listOfferedCarriers(options: { db: DbOrTx }): Promise<TWizardCarrier[]> {
  const rows = await options.db
    .select({ carrier: carriers, billProfileCode: billProfiles.code })
    .from(carriers)
    .leftJoin(billProfiles, eq(billProfiles.id, carriers.defaultBillProfileId))
    .where(eq(carriers.isActive, true))
    .orderBy(asc(carriers.displayOrder), asc(carriers.name));
  return rows
    .map(({ carrier, billProfileCode }) => ({
      code: carrier.code,
      name: carrier.name,
      orderTypes: carrier.orderTypes.filter((t): t is WizardOrderType => (WIZARD_ORDER_TYPES as readonly string[]).includes(t)),
      populatesProducts: carrier.populatesProducts,
      numberAssignment: carrier.numberAssignment,
      identifierRequirements: carrier.identifierRequirements,
      defaultBillProfileCode: billProfileCode,
      flowThrough: carrier.flowThrough,
    }))
    .filter((carrier) => carrier.orderTypes.length > 0);
}
