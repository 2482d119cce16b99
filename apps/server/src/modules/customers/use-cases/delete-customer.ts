import { count, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { customerAddresses, customerContacts, customerMatchKeys, customers } from '../customers.schema.js';
import { lockCustomer } from './lock-customer.js';

/**
 * Deletes an account with its contacts, addresses and lookup keys, audited as `delete`. The caller
 * has checked, in the same transaction, that nothing else holds it (orders, payment methods); an
 * account that is the parent of others is refused here.
 */
export async function deleteCustomer(tx: Tx, audit: AuditContext, id: string): Promise<void> {
  const account = await lockCustomer(tx, id);
  const [children] = await tx.select({ value: count() }).from(customers).where(eq(customers.parentCustomerId, id));
  if ((children?.value ?? 0) > 0) throw new AppError('RULE_VIOLATED', `${account.displayName} is the parent account of other accounts, so it cannot be deleted`);
  await tx.delete(customerMatchKeys).where(eq(customerMatchKeys.customerId, id));
  await tx.delete(customerAddresses).where(eq(customerAddresses.customerId, id));
  await tx.delete(customerContacts).where(eq(customerContacts.customerId, id));
  await tx.delete(customers).where(eq(customers.id, id));
  await recordAudit(tx, audit, {
    entityType: 'customer',
    entityId: id,
    action: 'delete',
    before: { accountNumber: account.accountNumber, displayName: account.displayName, status: account.status },
    after: null,
  });
}
