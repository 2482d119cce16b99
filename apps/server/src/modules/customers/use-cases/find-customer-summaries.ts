import { inArray, ilike, asc } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like-pattern.js';
import { customers } from '../customers.schema.js';

export type CustomerSummary = { id: string; accountNumber: string; displayName: string };

/** Account numbers and names, by customer id or by a fragment of the account number (at most `limit`). */
export async function findCustomerSummaries(options: { db: DbOrTx; ids?: string[]; accountNumberContains?: string; limit?: number }): Promise<CustomerSummary[]> {
  const { db, ids = [], accountNumberContains } = options;
  if (ids.length === 0 && !accountNumberContains) return [];
  const where = ids.length ? inArray(customers.id, ids) : ilike(customers.accountNumber, containsPattern(accountNumberContains!));
  return db
    .select({ id: customers.id, accountNumber: customers.accountNumber, displayName: customers.displayName })
    .from(customers)
    .where(where)
    .orderBy(asc(customers.accountNumber))
    .limit(options.limit ?? Math.max(ids.length, 1));
}
