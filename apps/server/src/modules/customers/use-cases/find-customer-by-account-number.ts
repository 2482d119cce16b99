import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { customers } from '../customers.schema.js';

/** An account by its number (case-insensitive, as people type it), for uniqueness and parent lookups. */
export async function findCustomerByAccountNumber(options: {
  db: DbOrTx;
  accountNumber: string;
}): Promise<{ id: string; accountNumber: string; displayName: string; accountType: 'STANDARD' | 'PARENT' | 'CHILD' } | null> {
  const [row] = await options.db
    .select({ id: customers.id, accountNumber: customers.accountNumber, displayName: customers.displayName, accountType: customers.accountType })
    .from(customers)
    .where(eq(customers.accountNumber, options.accountNumber.toUpperCase()));
  return row ?? null;
}
