import { BANK_ACCOUNT_TYPES, CARD_BRANDS, PAYMENT_METHODS } from '@linedesk/domain';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.schema.js';

export const paymentMethodEnum = pgEnum('payment_method', PAYMENT_METHODS);
export const cardBrandEnum = pgEnum('card_brand', CARD_BRANDS);
export const bankAccountTypeEnum = pgEnum('bank_account_type', BANK_ACCOUNT_TYPES);

/** How an account pays. Card numbers and CVVs never reach this table: the gateway's token, brand, last 4 and expiry do. */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    method: paymentMethodEnum('method').notNull(),
    holderName: text('holder_name'),
    cardBrand: cardBrandEnum('card_brand'),
    cardLast4: text('card_last4'),
    cardExpMonth: integer('card_exp_month'),
    cardExpYear: integer('card_exp_year'),
    billingZip: text('billing_zip'),
    gateway: text('gateway'),
    gatewayToken: text('gateway_token'),
    bankRoutingNumber: text('bank_routing_number'),
    bankAccountSealed: text('bank_account_sealed'),
    bankAccountLast4: text('bank_account_last4'),
    bankAccountType: bankAccountTypeEnum('bank_account_type'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payment_methods_customer').on(t.customerId)],
);
