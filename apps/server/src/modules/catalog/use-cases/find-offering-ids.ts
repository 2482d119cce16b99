import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carriers, packages, products } from '../catalog.schema.js';

/** A package or product as a line names it: its carrier's code and its own code. */
export type OfferingCode = { carrierCode: string; code: string };
/** A catalog record's id and name, found by code. */
export type OfferingId = OfferingCode & { id: string; name: string };

const key = (code: OfferingCode) => `${code.carrierCode}\u0000${code.code}`;

async function findByCodes(db: DbOrTx, table: typeof packages | typeof products, codes: readonly OfferingCode[]): Promise<Map<string, OfferingId>> {
  const unique = [...new Map(codes.map((code) => [key(code), code])).values()];
  if (unique.length === 0) return new Map();
  const byCarrier = new Map<string, string[]>();
  for (const code of unique) byCarrier.set(code.carrierCode, [...(byCarrier.get(code.carrierCode) ?? []), code.code]);
  const conditions: SQL[] = [...byCarrier].map(([carrierCode, list]) => and(eq(carriers.code, carrierCode), inArray(table.code, list))!);
  const rows = await db
    .select({ id: table.id, code: table.code, name: table.name, carrierCode: carriers.code })
    .from(table)
    .innerJoin(carriers, eq(carriers.id, table.carrierId))
    .where(or(...conditions));
  return new Map(rows.map((row) => [key(row), row]));
}

/**
 * The catalog ids of packages and products named by carrier and code (as lines keep them), keyed by
 * `offeringKey`; codes no longer in the catalog are left out.
 */
export async function findOfferingIds(options: {
  db: DbOrTx;
  packages: readonly OfferingCode[];
  products: readonly OfferingCode[];
}): Promise<{ packages: Map<string, OfferingId>; products: Map<string, OfferingId> }> {
  // One after the other: `db` may be a transaction (the API order flow passes one), whose one connection runs one query at a time.
  const packageIds = await findByCodes(options.db, packages, options.packages);
  const productIds = await findByCodes(options.db, products, options.products);
  return { packages: packageIds, products: productIds };
}

/** The key of `findOfferingIds`' maps. */
export const offeringKey = key;
