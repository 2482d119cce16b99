import { z } from 'zod';
import { ORDER_TYPES } from '../catalog/catalog.constants.js';
import { ADDRESS_KINDS, CONTACT_TYPES, CUSTOMER_CLASSES, CUSTOMER_STATUSES, LISTING_TYPES, ACCOUNT_TYPES, LANGUAGES } from '../customers/customers.constants.js';
import { ZBillMethod, ZMaskedSecret } from '../catalog/catalog.schemas.js';
import { PAYMENT_METHODS } from '../wizard/order-final.js';
import { LINE_STATUSES, ORDER_STATUSES } from './state-machines.js';

export const ZAccountContact = z.object({
  id: z.uuid(),
  contactType: z.enum(CONTACT_TYPES),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const ZAccountAddress = z.object({
  kind: z.enum(ADDRESS_KINDS),
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  zip4: z.string().nullable(),
  listingType: z.enum(LISTING_TYPES).nullable(),
  listedName: z.string().nullable(),
});
export type TAccountAddress = z.infer<typeof ZAccountAddress>;

export const ZAccountPaymentMethod = z.object({
  id: z.uuid(),
  method: z.enum(PAYMENT_METHODS),
  /** Masked for people: "Visa •••• 4242, expires 12/2028", "Checking ••••6789 (routing 011000015)", "Invoice". */
  description: z.string(),
  isDefault: z.boolean(),
});

export const ZAccountLine = z.object({
  id: z.uuid(),
  /** The line's number once the carrier assigns it (or the number being ported in), null before. */
  number: z.string().nullable(),
  isPortIn: z.boolean(),
  lineTypeName: z.string(),
  packageName: z.string(),
  userName: z.string().nullable(),
  status: z.enum(LINE_STATUSES),
  orderId: z.uuid(),
  orderNumber: z.string(),
  monthlyCents: z.number().int(),
  /** When the carrier activated it (Active lines). */
  activatedAt: z.string().nullable(),
});

export const ZAccountOrder = z.object({
  id: z.uuid(),
  orderNumber: z.string(),
  orderType: z.enum(ORDER_TYPES),
  status: z.enum(ORDER_STATUSES),
  carrierName: z.string(),
  lineCount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** An order as the lists show it (the Orders queue, Fallout): its number, type, status, carrier and customer. */
export const ZOrderListRow = z.object({
  id: z.uuid(),
  orderNumber: z.string(),
  orderType: z.enum(ORDER_TYPES),
  status: z.enum(ORDER_STATUSES),
  carrierCode: z.string(),
  carrierName: z.string(),
  accountNumber: z.string(),
  customerName: z.string(),
  updatedAt: z.string(),
});
export type TOrderListRow = z.infer<typeof ZOrderListRow>;

export const ZCustomerAccount = z.object({
  id: z.uuid(),
  accountNumber: z.string(),
  displayName: z.string(),
  customerClass: z.enum(CUSTOMER_CLASSES),
  status: z.enum(CUSTOMER_STATUSES),
  createdAt: z.string(),
  createdBy: z.string(),
  billProfile: z.object({ code: z.string(), name: z.string() }),
  billMethod: ZBillMethod,
  billEmail: z.string().nullable(),
  salesPerson: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  agentCode: z.string().nullable(),
  language: z.enum(LANGUAGES).nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  attentionLine: z.string().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  accountType: z.enum(ACCOUNT_TYPES),
  parentAccount: z.object({ id: z.uuid(), accountNumber: z.string(), displayName: z.string() }).nullable(),
  website: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  taxExempt: z.boolean(),
  taxExemptCertificate: z.string().nullable(),
  ssn: ZMaskedSecret,
  taxId: ZMaskedSecret,
  securityPin: ZMaskedSecret,
  dateOfBirth: z.string().nullable(),
  contacts: z.array(ZAccountContact),
  addresses: z.array(ZAccountAddress),
  paymentMethods: z.array(ZAccountPaymentMethod),
  lines: z.array(ZAccountLine),
  orders: z.array(ZAccountOrder),
});
export type TCustomerAccount = z.infer<typeof ZCustomerAccount>;

export const ZCustomerSearchQuery = z.object({
  q: z.string().trim().min(2, { message: 'Type at least 2 characters' }).max(120),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const ZCustomerSearchResult = z.object({
  id: z.uuid(),
  accountNumber: z.string(),
  displayName: z.string(),
  customerClass: z.enum(CUSTOMER_CLASSES),
  status: z.enum(CUSTOMER_STATUSES),
  serviceAddress: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  email: z.string().nullable(),
  /** What the search matched: "Account number", "Phone", "MDN (312) 555-0101" … */
  matchedOn: z.string(),
  createdAt: z.string(),
});
export type TCustomerSearchResult = z.infer<typeof ZCustomerSearchResult>;
