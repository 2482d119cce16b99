import type { TTac } from '@linedesk/domain';
import { asc, ilike, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like-pattern.js';
import { inventoryTacs } from '../inventory.schema.js';
import { toTac } from '../tac.mapper.js';

/** The TAC table by TAC, optionally only entries whose TAC, make or model contains `q`. */
export async function listTacs(options: { db: DbOrTx; q?: string }): Promise<TTac[]> {
  const { db, q } = options;
  const pattern = q ? containsPattern(q) : null;
  const rows = await db
    .select()
    .from(inventoryTacs)
    .where(pattern ? or(ilike(inventoryTacs.tac, pattern), ilike(inventoryTacs.make, pattern), ilike(inventoryTacs.model, pattern)) : undefined)
    .orderBy(asc(inventoryTacs.tac));
  return rows.map(toTac);
}
