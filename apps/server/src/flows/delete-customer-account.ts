import type { Db } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import type { AuditContext } from '../modules/audit/record-audit.js';
import { deleteCustomer } from '../modules/customers/use-cases/delete-customer.js';
import { lockCustomer } from '../modules/customers/use-cases/lock-customer.js';
import { countCustomerOrders } from '../modules/orders/use-cases/count-customer-orders.js';
import { listPaymentMethods } from '../modules/payments/use-cases/list-payment-methods.js';

/**
 * Deletes an account nothing has happened on yet: no order (not even a cancelled one) and no payment
 * method, typically a prospect made through the API. Its contacts, addresses and lookup keys go with
 * it, audited as one `delete`. Anything else is refused with 422 and the reason; the account is
 * locked while it is checked, so no order can slip in between.
 */
export async function deleteCustomerAccount(options: { db: Db; audit: AuditContext; customerId: string }): Promise<void> {
  const { db, audit, customerId } = options;
  await db.transaction(async (tx) => {
    const account = await lockCustomer(tx, customerId);
    const orderCount = await countCustomerOrders({ db: tx, customerId });
    if (orderCount > 0) {
      const orders = orderCount === 1 ? 'an order' : `${orderCount} orders`;
      throw new AppError('RULE_VIOLATED', `${account.displayName} (${account.accountNumber}) has ${orders}, so it cannot be deleted: only an account without orders can be`);
    }
    const payments = await listPaymentMethods({ db: tx, customerId });
    if (payments.length > 0) {
      throw new AppError('RULE_VIOLATED', `${account.displayName} (${account.accountNumber}) has payment methods on file, so it cannot be deleted`);
    }
    await deleteCustomer(tx, audit, customerId);
  });
}
