import type { DbOrTx } from '../../../db/client.js';
import { carriers } from '../catalog.schema.js';
import { CARRIER_RULES_COLUMNS, type CarrierRules } from './find-carrier-rules.js';

/** Every carrier's rules for its orders, active or not, by carrier code: a handful of rows, kept by the catalog read cache. */
export async function listCarrierRules(options: { db: DbOrTx }): Promise<Map<string, CarrierRules>> {
  const rows = await options.db.select(CARRIER_RULES_COLUMNS).from(carriers);
  return new Map(rows.map((row) => [row.code, row]));
}
