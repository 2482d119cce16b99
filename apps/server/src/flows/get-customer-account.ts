import type { TCustomerAccount } from '@linedesk/domain';
import { readTogether, type DbOrTx } from '../db/client.js';
import type { SecretBox } from '../security/secret-box.js';
import { listProfileChoices } from '../modules/catalog/use-cases/list-profile-choices.js';
import { getCustomer } from '../modules/customers/use-cases/get-customer.js';
import { listCustomerLines } from '../modules/orders/use-cases/list-customer-lines.js';
import { listCustomerOrders } from '../modules/orders/use-cases/list-customer-orders.js';
import { listPaymentMethods } from '../modules/payments/use-cases/list-payment-methods.js';

/** The account page: the customer with its payment methods and its Services and Workflow (lines and orders). */
export async function getCustomerAccount(options: { db: DbOrTx; id: string; secrets: SecretBox }): Promise<TCustomerAccount> {
  const { db, id, secrets } = options;
  const { billProfileCode, carrierCode: _carrier, ...customer } = await getCustomer({ db, id, secrets });
  const [paymentMethods, lines, orders, choices] = await readTogether(db, [
    () => listPaymentMethods({ db, customerId: id }),
    () => listCustomerLines({ db, customerId: id }),
    () => listCustomerOrders({ db, customerId: id }),
    () => listProfileChoices({ db, secrets }),
  ]);
  const billProfile = choices.billProfiles.find((p) => p.code === billProfileCode);
  return { ...customer, billProfile: { code: billProfileCode, name: billProfile?.name ?? billProfileCode }, paymentMethods, lines, orders };
}
