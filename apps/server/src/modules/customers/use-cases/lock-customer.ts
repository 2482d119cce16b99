import type { CustomerStatus } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { customers } from '../customers.schema.js';

/** Locks an account's row for the rest of the transaction (no other change or delete of it meanwhile); 404 when unknown. */
export async function lockCustomer(tx: Tx, id: string): Promise<{ id: string; accountNumber: string; displayName: string; status: CustomerStatus }> {
  const [row] = await tx
    .select({ id: customers.id, accountNumber: customers.accountNumber, displayName: customers.displayName, status: customers.status })
    .from(customers)
    .where(eq(customers.id, id))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', 'No such customer');
  return row;
}
