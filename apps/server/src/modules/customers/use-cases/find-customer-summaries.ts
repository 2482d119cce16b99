import { inArray, ilike, asc, eq, sql } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like-pattern.js';
import { customers } from '../customers.schema.js';

export type CustomerSummary = { id: string; accountNumber: string; displayName: string };

const SUMMARY = { id: customers.id, accountNumber: customers.accountNumber, displayName: customers.displayName };
// One customer by id (every order page): built once, sent by name.
const findOne = namedQuery('find_customer_summary', (db) => db.select(SUMMARY).from(customers).where(eq(customers.id, sql.placeholder('id'))));

/** Account numbers and names, by customer id or by a fragment of the account number (at most `limit`). */
export async function findCustomerSummaries(options: { db: DbOrTx; ids?: string[]; accountNumberContains?: string; limit?: number }): Promise<CustomerSummary[]> {
  const { db, ids = [], accountNumberContains } = options;
  if (ids.length === 0 && !accountNumberContains) return [];
  if (ids.length === 1 && (options.limit ?? 1) >= 1) return findOne(db, { id: ids[0] });
  const where = ids.length ? inArray(customers.id, ids) : ilike(customers.accountNumber, containsPattern(accountNumberContains!));
  return db
    .select(SUMMARY)
    .from(customers)
    .where(where)
    .orderBy(asc(customers.accountNumber))
    .limit(options.limit ?? Math.max(ids.length, 1));
}
