import type { ProvisioningAdapter, TIdentifierRequirement } from '@linedesk/domain';
import { eq, sql } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { carriers } from '../catalog.schema.js';

export type CarrierRules = {
  code: string;
  name: string;
  isActive: boolean;
  identifierRequirements: TIdentifierRequirement[];
  provisioningAdapter: ProvisioningAdapter;
  /** Orders are sent to the carrier by themselves as soon as they are Ready. */
  flowThrough: boolean;
};

/** The columns a carrier's rules are read from. */
export const CARRIER_RULES_COLUMNS = {
  code: carriers.code,
  name: carriers.name,
  isActive: carriers.isActive,
  identifierRequirements: carriers.identifierRequirements,
  provisioningAdapter: carriers.provisioningAdapter,
  flowThrough: carriers.flowThrough,
};

// Read by every order page: built once, sent by name.
const findRules = namedQuery('find_carrier_rules', (db) => db.select(CARRIER_RULES_COLUMNS).from(carriers).where(eq(carriers.code, sql.placeholder('code'))));

/** A carrier's rules for its orders (which identifiers each line type needs, how orders reach it), active or not. */
export async function findCarrierRules(options: { db: DbOrTx; code: string }): Promise<CarrierRules | null> {
  const [row] = await findRules(options.db, { code: options.code });
  return row ?? null;
}
