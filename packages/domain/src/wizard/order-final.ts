import { z } from 'zod';
import { blankToNull, optionalDate, optionalText } from '../customers/customer-fields.js';
import { ZMaskedSecret, ZNonNegativeCents } from '../catalog/catalog.schemas.js';
import { isAbaRoutingNumberValid } from '../payments/payment-checks.js';
import type { Cents } from '../catalog/money.js';
import { ZAddressInput } from './wizard-steps.js';

/* ---------- Order Options ---------- */
export const FULFILLMENTS = ['PICKUP', 'SHIP'] as const;
export type Fulfillment = (typeof FULFILLMENTS)[number];
export const FULFILLMENT_LABELS: Record<Fulfillment, string> = { PICKUP: 'In-store pickup', SHIP: 'Ship to the customer' };

export const ZOrderOptions = z.object({
  requestedDueDate: optionalDate,
  fulfillment: z.enum(FULFILLMENTS).default('PICKUP'),
  shipToServiceAddress: z.boolean().default(true),
  shippingAddress: ZAddressInput.nullable().default(null),
  /** Send to the carrier as soon as every line has its inventory (defaults from the carrier's flow-through). */
  sendAutomatically: z.boolean(),
  notes: optionalText(2000),
  depositCents: ZNonNegativeCents.max(1_000_000).default(0),
});
export type TOrderOptionsInput = z.input<typeof ZOrderOptions>;
export type TOrderOptions = z.output<typeof ZOrderOptions>;

/** Order Options' rules that need today's date: a due date is not in the past; shipping needs an address. */
export function orderOptionsSchema(today: string) {
  return ZOrderOptions.superRefine((options, ctx) => {
    if (options.requestedDueDate && options.requestedDueDate < today) {
      ctx.addIssue({ code: 'custom', path: ['requestedDueDate'], message: 'The requested due date cannot be in the past', params: { rule: 'not_past' } });
    }
    if (options.fulfillment === 'SHIP' && !options.shipToServiceAddress && !options.shippingAddress) {
      ctx.addIssue({ code: 'custom', path: ['shippingAddress'], message: 'Enter the shipping address, or ship to the service address', params: { rule: 'required' } });
    }
  }).transform((options) => ({
    ...options,
    shippingAddress: options.fulfillment === 'SHIP' && !options.shipToServiceAddress ? options.shippingAddress : null,
  }));
}

/* ---------- Payment Details ---------- */
export const PAYMENT_METHODS = ['CARD', 'BANK', 'INVOICE'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { CARD: 'Credit card', BANK: 'Bank account', INVOICE: 'Invoice' };
export const BANK_ACCOUNT_TYPES = ['CHECKING', 'SAVINGS'] as const;
export const CARD_BRANDS = ['VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'UNKNOWN'] as const;

const ZRoutingNumber = z
  .string()
  .trim()
  .superRefine((routing, ctx) => {
    const checked = isAbaRoutingNumberValid(routing);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, params: { rule: checked.rule } });
  });

/** A card goes to the payment gateway and never rests here: only what it returns is kept. */
export const ZCardInput = z.object({
  number: z.string().trim().min(12, { message: 'Enter the card number' }).max(23),
  expMonth: z.number().int().min(1, { message: 'Use a month from 1 to 12' }).max(12, { message: 'Use a month from 1 to 12' }),
  expYear: z.number().int().min(0).max(2100),
  cvv: z.string().trim().regex(/^\d{3,4}$/, { message: 'Enter the 3- or 4-digit security code' }),
  nameOnCard: z.string().trim().min(1, { message: 'Enter the name on the card' }).max(120),
  billingZip: z.string().trim().regex(/^\d{5}$/, { message: 'Use a 5-digit ZIP code' }),
});
export type TCardInput = z.input<typeof ZCardInput>;

export const ZBankPaymentInput = z.object({
  method: z.literal('BANK'),
  nameOnAccount: z.string().trim().min(1, { message: 'Enter the name on the account' }).max(120),
  routingNumber: ZRoutingNumber,
  /** Write-only: sealed at rest, shown as its last 4. Leave out to keep the stored one. */
  accountNumber: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^\d{4,17}$/, { message: 'Use the 4–17 digits of the account number' })
      .nullable()
      .optional(),
  ),
  accountType: z.enum(BANK_ACCOUNT_TYPES).default('CHECKING'),
});
export const ZInvoicePaymentInput = z.object({ method: z.literal('INVOICE') });
/** Payment Details sent with the final page; a card is set through its own tokenizing call. */
export const ZPaymentInput = z.discriminatedUnion('method', [ZBankPaymentInput, ZInvoicePaymentInput]);
export type TPaymentInput = z.input<typeof ZPaymentInput>;

export const ZPaymentView = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('CARD'),
    brand: z.enum(CARD_BRANDS),
    last4: z.string(),
    expMonth: z.number().int(),
    expYear: z.number().int(),
    nameOnCard: z.string(),
    billingZip: z.string(),
  }),
  ZBankPaymentInput.omit({ accountNumber: true }).extend({ accountNumber: ZMaskedSecret }),
  ZInvoicePaymentInput,
]);
export type TPaymentView = z.infer<typeof ZPaymentView>;

export const ZFinalStepInput = z.object({ options: ZOrderOptions, payment: ZPaymentInput.nullable().optional() });
export type TFinalStepInput = z.input<typeof ZFinalStepInput>;
export type TFinalStep = z.output<typeof ZFinalStepInput>;

/* ---------- Charges ---------- */
export const ZOrderCharges = z.object({
  monthlyCents: z.number().int(),
  oneTimeCents: z.number().int(),
  depositCents: z.number().int(),
  firstMonthCents: z.number().int(),
  dueTodayCents: z.number().int(),
});
export type TOrderCharges = z.infer<typeof ZOrderCharges>;

/**
 * What the order costs: monthly, the one-time charges (activation fees and one-time products), and
 * what is due today: the one-time charges, the first month in advance and any deposit. Taxes are
 * the billing system's, not estimated here.
 */
export function orderCharges(lines: readonly { charges: { monthlyCents: Cents; oneTimeCents: Cents } }[], depositCents: Cents = 0): TOrderCharges {
  const monthlyCents = lines.reduce((sum, line) => sum + line.charges.monthlyCents, 0);
  const oneTimeCents = lines.reduce((sum, line) => sum + line.charges.oneTimeCents, 0);
  return { monthlyCents, oneTimeCents, depositCents, firstMonthCents: monthlyCents, dueTodayCents: oneTimeCents + monthlyCents + depositCents };
}
