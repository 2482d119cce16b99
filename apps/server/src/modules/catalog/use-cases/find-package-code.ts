import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carriers, packages } from '../catalog.schema.js';
import type { OfferingCode } from './find-offering-ids.js';

/** A package's carrier and code, by its id; null when there is no such package. */
export async function findPackageCode(options: { db: DbOrTx; id: string }): Promise<OfferingCode | null> {
  const [row] = await options.db
    .select({ carrierCode: carriers.code, code: packages.code })
    .from(packages)
    .innerJoin(carriers, eq(carriers.id, packages.carrierId))
    .where(eq(packages.id, options.id));
  return row ?? null;
}
