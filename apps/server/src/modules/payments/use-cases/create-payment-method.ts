import type { CardBrand } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { jsonRecords } from '../../../db/json-records.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { paymentMethods } from '../payments.schema.js';

export type NewPaymentMethod =
  | { method: 'CARD'; brand: CardBrand; last4: string; expMonth: number; expYear: number; nameOnCard: string; billingZip: string; gateway: string; token: string }
  | { method: 'BANK'; nameOnAccount: string; routingNumber: string; accountType: 'CHECKING' | 'SAVINGS'; accountSealed: string; accountLast4: string }
  | { method: 'INVOICE' };

/** An account's payment method: a gateway token for a card, a sealed number for a bank account, or invoicing. */
export async function createPaymentMethod(tx: Tx, audit: AuditContext, customerId: string, input: NewPaymentMethod): Promise<string> {
  const values =
    input.method === 'CARD'
      ? {
          holderName: input.nameOnCard,
          cardBrand: input.brand,
          cardLast4: input.last4,
          cardExpMonth: input.expMonth,
          cardExpYear: input.expYear,
          billingZip: input.billingZip,
          gateway: input.gateway,
          gatewayToken: input.token,
        }
      : input.method === 'BANK'
        ? {
            holderName: input.nameOnAccount,
            bankRoutingNumber: input.routingNumber,
            bankAccountType: input.accountType,
            bankAccountSealed: input.accountSealed,
            bankAccountLast4: input.accountLast4,
          }
        : {};
  const [row] = await insertPaymentMethod(tx, [PAYMENT_METHOD.encode([{ customerId, method: input.method, isDefault: true, ...values }])]);
  await recordAudit(tx, audit, {
    entityType: 'payment_method',
    entityId: row!.id,
    action: 'create',
    after: { customerId, method: input.method, last4: input.method === 'CARD' ? input.last4 : input.method === 'BANK' ? input.accountLast4 : null },
  });
  return row!.id;
}

const PAYMENT_METHOD = jsonRecords(paymentMethods, [
  'customerId', 'method', 'isDefault', 'holderName', 'cardBrand', 'cardLast4', 'cardExpMonth', 'cardExpYear', 'billingZip', 'gateway', 'gatewayToken',
  'bankRoutingNumber', 'bankAccountType', 'bankAccountSealed', 'bankAccountLast4',
]);
// One text for cards, bank accounts and invoicing (the columns a method does not use are null).
const insertPaymentMethod = namedStatement<{ id: string }>(
  'create_payment_method',
  `insert into payment_methods (${PAYMENT_METHOD.columns}) select ${PAYMENT_METHOD.columnsOf('r')} from ${PAYMENT_METHOD.from('$1')} r returning id`,
);
