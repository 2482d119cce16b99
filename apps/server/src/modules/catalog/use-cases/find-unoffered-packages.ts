import type { WizardOrderType } from '@linedesk/domain';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carriers, packages } from '../catalog.schema.js';
import { offeredPackageConditions } from './offered-packages-query.js';

/**
 * Which of these (package, order type) pairs a carrier no longer sells, in one query: Create Order's
 * last check that every line's package may still be sold.
 */
export async function findUnofferedPackages(options: {
  db: DbOrTx;
  carrierCode: string;
  wanted: { packageCode: string; orderType: WizardOrderType }[];
}): Promise<{ packageCode: string; orderType: WizardOrderType }[]> {
  const { db, carrierCode, wanted } = options;
  if (wanted.length === 0) return [];
  const orderTypes = [...new Set(wanted.map((w) => w.orderType))];
  const rows = await db
    .select({ code: packages.code, orderTypes: packages.orderTypes })
    .from(packages)
    .innerJoin(carriers, eq(carriers.id, packages.carrierId))
    .where(and(inArray(packages.code, [...new Set(wanted.map((w) => w.packageCode))]), or(...orderTypes.map((type) => offeredPackageConditions(carrierCode, type)))));
  return wanted.filter((w) => !rows.some((row) => row.code === w.packageCode && row.orderTypes.includes(w.orderType)));
}
