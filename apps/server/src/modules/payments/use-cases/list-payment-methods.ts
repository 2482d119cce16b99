import { type TCustomerAccount } from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { paymentMethods } from '../payments.schema.js';

const BRAND_NAMES = { VISA: 'Visa', MASTERCARD: 'Mastercard', AMEX: 'American Express', DISCOVER: 'Discover', UNKNOWN: 'Card' } as const;

/** An account's payment methods, described for people with every number masked. */
export async function listPaymentMethods(options: { db: DbOrTx; customerId: string }): Promise<TCustomerAccount['paymentMethods']> {
  const rows = await options.db.select().from(paymentMethods).where(eq(paymentMethods.customerId, options.customerId)).orderBy(asc(paymentMethods.createdAt));
  return rows.map((row) => ({ id: row.id, method: row.method, isDefault: row.isDefault, description: describe(row) }));
}

function describe(row: typeof paymentMethods.$inferSelect): string {
  if (row.method === 'CARD') {
    const month = String(row.cardExpMonth ?? 0).padStart(2, '0');
    return `${BRAND_NAMES[row.cardBrand ?? 'UNKNOWN']} •••• ${row.cardLast4}, expires ${month}/${row.cardExpYear}`;
  }
  if (row.method === 'BANK') {
    const type = row.bankAccountType === 'SAVINGS' ? 'Savings' : 'Checking';
    return `${type} ••••${row.bankAccountLast4} (routing ${row.bankRoutingNumber}), ${row.holderName}`;
  }
  return 'Invoice';
}
