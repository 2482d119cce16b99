import type { CustomerStatus } from '@linedesk/domain';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { customers } from '../customers.schema.js';

export type CustomerForOrder = { id: string; accountNumber: string; displayName: string; status: CustomerStatus; carrierCode: string };

/** What ordering for an account needs of it (its carrier, whether it is open), by its id or its account number; null when there is none. */
export async function findCustomerForOrder(options: { db: DbOrTx; id?: string; accountNumber?: string }): Promise<CustomerForOrder | null> {
  const { db, id, accountNumber } = options;
  if (!id && !accountNumber) return null;
  const [row] = await db
    .select({ id: customers.id, accountNumber: customers.accountNumber, displayName: customers.displayName, status: customers.status, carrierCode: customers.carrierCode })
    .from(customers)
    .where(id ? eq(customers.id, id) : eq(customers.accountNumber, sql`upper(${accountNumber})`));
  return row ?? null;
}
