import { WIZARD_ORDER_TYPES, type WizardOrderType } from '@linedesk/domain';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carriers, packages } from '../catalog.schema.js';

/**
 * What a carrier sells today: each active package's code with the order types it is sold on (those
 * both the package and the active carrier sell). Create Order's last check that every line's
 * package may still be sold, kept in the catalog read cache.
 */
export async function listSoldPackages(options: { db: DbOrTx; carrierCode: string }): Promise<Map<string, WizardOrderType[]>> {
  const rows = await options.db
    .select({ code: packages.code, orderTypes: packages.orderTypes, carrierOrderTypes: carriers.orderTypes })
    .from(packages)
    .innerJoin(carriers, eq(carriers.id, packages.carrierId))
    .where(and(eq(carriers.code, options.carrierCode), eq(carriers.isActive, true), eq(packages.isActive, true)));
  return new Map(
    rows.map((row) => [
      row.code,
      WIZARD_ORDER_TYPES.filter((type) => row.orderTypes.includes(type) && row.carrierOrderTypes.includes(type)),
    ]),
  );
}
