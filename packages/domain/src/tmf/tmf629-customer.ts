import { z } from 'zod';
import { BILL_METHODS } from '../catalog/catalog.constants.js';
import { ZCode } from '../catalog/catalog.schemas.js';
import { CUSTOMER_CLASSES, type CustomerStatus } from '../customers/customers.constants.js';
import { parseNanp } from '../customers/nanp.js';
import { isPoBox, isUsStateCode } from '../customers/us-address.js';
import { ZTmfCharacteristic, ZTmfRelatedParty, ZTmfTimePeriod } from './tmf-common.js';

/*
 * TMF629 Customer Management v4: a LineDesk customer account as a TM Forum `Customer`.
 *
 * - `name` is the account's display name; `engagedParty.@referredType` says whether it is a person
 *   (Individual: a Residential account, the name split into first and last) or a company
 *   (Organization: a Business account, the name is the company name).
 * - `status`: prospect, pending, approved (LineDesk Open) or closed.
 * - `contactMedium`: the primary contact's email and phone (mobile), and the Service and Billing
 *   addresses (`postalAddress` with `characteristic.contactType` serviceAddress or billingAddress).
 * - `characteristic`: accountNumber (read-only), carrier, billProfile, billMethod, customerClass.
 */

export const TMF_CUSTOMER_STATUSES = ['prospect', 'pending', 'approved', 'closed'] as const;
export type TmfCustomerStatus = (typeof TMF_CUSTOMER_STATUSES)[number];

const STATUS_OF: Record<CustomerStatus, TmfCustomerStatus> = { PROSPECT: 'prospect', PENDING: 'pending', OPEN: 'approved', CLOSED: 'closed' };

/** A LineDesk account status as TMF629 `status`. */
export function customerStatusOf(status: CustomerStatus): TmfCustomerStatus {
  return STATUS_OF[status];
}

/** The LineDesk status a TMF629 `status` stands for. */
export function customerStatusFromTmf(status: TmfCustomerStatus): CustomerStatus {
  return (Object.keys(STATUS_OF) as CustomerStatus[]).find((key) => STATUS_OF[key] === status) as CustomerStatus;
}

/** The kinds of party a customer can be: a person (Residential account) or a company (Business account). */
export const TMF_PARTY_TYPES = ['Individual', 'Organization'] as const;
export type TmfPartyType = (typeof TMF_PARTY_TYPES)[number];

/** The account's characteristics as TMF629 names them. */
export const TMF_CUSTOMER_CHARACTERISTICS = ['accountNumber', 'carrier', 'billProfile', 'billMethod', 'customerClass'] as const;
export type TmfCustomerCharacteristic = (typeof TMF_CUSTOMER_CHARACTERISTICS)[number];

export const TMF_CONTACT_MEDIUM_TYPES = ['email', 'phone', 'postalAddress'] as const;
export type TmfContactMediumType = (typeof TMF_CONTACT_MEDIUM_TYPES)[number];

/** Which of the account's addresses a `postalAddress` is. */
export const TMF_POSTAL_CONTACT_TYPES = ['serviceAddress', 'billingAddress'] as const;
export type TmfPostalContactType = (typeof TMF_POSTAL_CONTACT_TYPES)[number];

/** Which of the primary contact's numbers a `phone` is: `phone` (the default) or `mobile`. */
export const TMF_PHONE_CONTACT_TYPES = ['phone', 'mobile'] as const;
export type TmfPhoneContactType = (typeof TMF_PHONE_CONTACT_TYPES)[number];

/* ---------- Responses ---------- */

export const ZTmfMediumCharacteristic = z.object({
  contactType: z.string().optional(),
  emailAddress: z.string().optional(),
  phoneNumber: z.string().optional(),
  street1: z.string().optional(),
  street2: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postCode: z.string().optional(),
  country: z.string().optional(),
});

export const ZTmfContactMedium = z.object({
  mediumType: z.string(),
  preferred: z.boolean().optional(),
  characteristic: ZTmfMediumCharacteristic,
});
export type TTmfContactMedium = z.output<typeof ZTmfContactMedium>;

export const ZTmfCustomer = z.object({
  id: z.string(),
  href: z.string(),
  '@type': z.literal('Customer'),
  name: z.string(),
  status: z.enum(TMF_CUSTOMER_STATUSES),
  engagedParty: ZTmfRelatedParty,
  contactMedium: z.array(ZTmfContactMedium),
  characteristic: z.array(ZTmfCharacteristic),
  validFor: ZTmfTimePeriod,
});
export type TTmfCustomer = z.output<typeof ZTmfCustomer>;

/* ---------- Requests ---------- */

type Ctx = z.core.$RefinementCtx;
const fail = (ctx: Ctx, path: (string | number)[], rule: string, message: string) => ctx.addIssue({ code: 'custom', path, message, params: { rule } });

const optionalString = (max: number) => z.string().trim().max(max).optional();

const ZMediumCharacteristicInput = z.object({
  contactType: optionalString(40),
  emailAddress: optionalString(254),
  phoneNumber: optionalString(40),
  street1: optionalString(100),
  street2: optionalString(100),
  city: optionalString(60),
  stateOrProvince: optionalString(40),
  postCode: optionalString(10),
  country: optionalString(60),
});

const EMAIL = z.email();

/**
 * One contact medium: an email (`emailAddress`), a phone (`phoneNumber`, contactType phone or
 * mobile) or a US postal address (`street1`, `city`, `stateOrProvince`, `postCode`; contactType
 * serviceAddress, the default, or billingAddress). Values come back normalised: the email in lower
 * case, the phone as its ten digits, the state code in capitals.
 */
export const ZTmfContactMediumInput = z
  .object({
    mediumType: z.enum(TMF_CONTACT_MEDIUM_TYPES, { message: `Use one of: ${TMF_CONTACT_MEDIUM_TYPES.join(', ')}` }),
    preferred: z.boolean().optional(),
    characteristic: ZMediumCharacteristicInput,
  })
  .superRefine((medium, ctx) => {
    const c = medium.characteristic;
    const at = (key: string) => ['characteristic', key];
    if (medium.mediumType === 'email') {
      if (!c.emailAddress) fail(ctx, at('emailAddress'), 'required', 'Give the email address');
      else if (!EMAIL.safeParse(c.emailAddress).success) fail(ctx, at('emailAddress'), 'email', 'Enter a valid email address');
    } else if (medium.mediumType === 'phone') {
      if (!c.phoneNumber) fail(ctx, at('phoneNumber'), 'required', 'Give the phone number');
      else {
        const parsed = parseNanp(c.phoneNumber);
        if (!parsed.ok) fail(ctx, at('phoneNumber'), `phone_${parsed.rule}`, parsed.message);
      }
      if (c.contactType !== undefined && !(TMF_PHONE_CONTACT_TYPES as readonly string[]).includes(c.contactType)) {
        fail(ctx, at('contactType'), 'option', `A phone's contactType is one of: ${TMF_PHONE_CONTACT_TYPES.join(', ')}`);
      }
    } else {
      if (c.contactType !== undefined && !(TMF_POSTAL_CONTACT_TYPES as readonly string[]).includes(c.contactType)) {
        fail(ctx, at('contactType'), 'option', `A postal address's contactType is one of: ${TMF_POSTAL_CONTACT_TYPES.join(', ')}`);
      }
      if (!c.street1) fail(ctx, at('street1'), 'required', 'Enter the street address');
      if (!c.city) fail(ctx, at('city'), 'required', 'Enter the city');
      if (!c.stateOrProvince) fail(ctx, at('stateOrProvince'), 'required', 'Enter the state');
      else if (!isUsStateCode(c.stateOrProvince.toUpperCase())) fail(ctx, at('stateOrProvince'), 'state', 'Use a two-letter US state code such as TX');
      if (!c.postCode) fail(ctx, at('postCode'), 'required', 'Enter the ZIP code');
      else if (!/^\d{5}(-?\d{4})?$/.test(c.postCode)) fail(ctx, at('postCode'), 'zip', 'Use a 5-digit ZIP code (or ZIP+4)');
      if (c.country !== undefined && !['US', 'USA', 'UNITED STATES'].includes(c.country.toUpperCase())) {
        fail(ctx, at('country'), 'option', 'LineDesk serves US addresses only: use US');
      }
      if ((c.contactType ?? 'serviceAddress') === 'serviceAddress') {
        for (const key of ['street1', 'street2'] as const) {
          const line = c[key];
          if (line && isPoBox(line)) fail(ctx, at(key), 'no_po_box', 'A PO box cannot be a service address: enter where the service is used');
        }
      }
    }
  });
export type TTmfContactMediumInput = z.output<typeof ZTmfContactMediumInput>;

export const ZTmfCharacteristicInput = z.object({
  name: z.string().trim().min(1, { message: 'Name the characteristic' }),
  value: z.unknown(),
  valueType: z.string().optional(),
  id: z.string().optional(),
  '@type': z.string().optional(),
});

const CHARACTERISTIC_VALUES: Record<Exclude<TmfCustomerCharacteristic, 'accountNumber'>, z.ZodType> = {
  carrier: ZCode,
  billProfile: ZCode,
  billMethod: z.enum(BILL_METHODS, { message: `Use one of: ${BILL_METHODS.join(', ')}` }),
  customerClass: z.enum(CUSTOMER_CLASSES, { message: `Use one of: ${CUSTOMER_CLASSES.join(', ')}` }),
};

/** The characteristics a request sets, by name, checked and normalised (codes in capitals). */
export type TTmfCustomerCharacteristics = {
  accountNumber?: string;
  carrier?: string;
  billProfile?: string;
  billMethod?: (typeof BILL_METHODS)[number];
  customerClass?: (typeof CUSTOMER_CLASSES)[number];
};

/**
 * `characteristic` as a request gives it: each name once, known, with a value of the right kind.
 * Problems are named `characteristic.<name>` (`characteristic.carrier`), as integrators think of them.
 */
const ZTmfCustomerCharacteristicsInput = z
  .array(ZTmfCharacteristicInput)
  .max(TMF_CUSTOMER_CHARACTERISTICS.length * 2)
  .transform((items, ctx) => {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const name = item.name;
      if (!(TMF_CUSTOMER_CHARACTERISTICS as readonly string[]).includes(name)) {
        fail(ctx, [index, 'name'], 'unknown_characteristic', `A customer's characteristics are: ${TMF_CUSTOMER_CHARACTERISTICS.join(', ')}`);
        return;
      }
      if (seen.has(name)) {
        fail(ctx, [name], 'repeated', 'Give each characteristic once');
        return;
      }
      seen.add(name);
      if (name === 'accountNumber') {
        if (typeof item.value !== 'string') fail(ctx, [name], 'string', 'The account number is text');
        else result[name] = item.value.trim().toUpperCase();
        return;
      }
      const parsed = CHARACTERISTIC_VALUES[name as keyof typeof CHARACTERISTIC_VALUES].safeParse(item.value);
      if (parsed.success) result[name] = parsed.data;
      else fail(ctx, [name], 'option', parsed.error.issues[0]?.message ?? 'Not a valid value');
    });
    return result as TTmfCustomerCharacteristics;
  });

const ZEngagedPartyInput = z.object({
  id: z.string().trim().min(1, { message: 'Give the party id' }).max(100),
  '@referredType': z.enum(TMF_PARTY_TYPES, { message: `Use Individual (a person: a Residential account) or Organization (a company: a Business account)` }),
  name: z.string().optional(),
  href: z.string().optional(),
  role: z.string().optional(),
  '@type': z.string().optional(),
});

/** Attributes of the TMF629 Customer that LineDesk does not keep: refused rather than dropped. */
const UNSUPPORTED = ['account', 'agreement', 'creditProfile', 'paymentMethod', 'relatedParty', 'statusReason'] as const;

const unsupported = Object.fromEntries(UNSUPPORTED.map((key) => [key, z.unknown().optional()])) as Record<(typeof UNSUPPORTED)[number], z.ZodOptional<z.ZodUnknown>>;

function refuseUnsupported(body: Record<string, unknown>, ctx: Ctx) {
  for (const key of UNSUPPORTED) {
    if (body[key] !== undefined && body[key] !== null) fail(ctx, [key], 'not_supported', `LineDesk does not keep a customer's ${key}`);
  }
}

const ZCustomerName = z.string().trim().min(1, { message: 'Enter the customer name' }).max(120);

const customerFields = {
  '@type': z.literal('Customer', { message: 'A customer is of @type Customer' }).optional(),
  '@baseType': z.string().optional(),
  '@schemaLocation': z.string().optional(),
  contactMedium: z.array(ZTmfContactMediumInput).max(10).optional(),
  characteristic: ZTmfCustomerCharacteristicsInput.optional(),
  ...unsupported,
};

/** POST /customer: `name` and `engagedParty` required; a new customer is a prospect. */
export const ZTmfCustomerCreate = z
  .object({
    name: ZCustomerName,
    engagedParty: ZEngagedPartyInput,
    status: z.literal('prospect', { message: 'A customer created through the API is a prospect' }).optional(),
    ...customerFields,
  })
  .superRefine((body, ctx) => {
    refuseUnsupported(body, ctx);
    if (body.characteristic?.accountNumber !== undefined) fail(ctx, ['characteristic', 'accountNumber'], 'read_only', 'The account number is given by LineDesk');
  });
export type TTmfCustomerCreateInput = z.input<typeof ZTmfCustomerCreate>;
export type TTmfCustomerCreate = z.output<typeof ZTmfCustomerCreate>;

/**
 * PATCH /customer/{id} (JSON Merge Patch): the attributes to change. `contactMedium`, being an array,
 * replaces the account's email, phones and the addresses it lists; `characteristic` sets the values
 * it names. `status` and the account number are LineDesk's: sending the current value is accepted.
 */
export const ZTmfCustomerUpdate = z
  .object({
    name: ZCustomerName.optional(),
    engagedParty: ZEngagedPartyInput.optional(),
    status: z.enum(TMF_CUSTOMER_STATUSES, { message: `Use one of: ${TMF_CUSTOMER_STATUSES.join(', ')}` }).optional(),
    id: z.string().optional(),
    href: z.string().optional(),
    validFor: z.unknown().optional(),
    ...customerFields,
    // Merge patch: null removes the list (the account's email and phones; its addresses stay).
    contactMedium: z.array(ZTmfContactMediumInput).max(10).nullable().optional(),
  })
  .superRefine(refuseUnsupported);
export type TTmfCustomerUpdateInput = z.input<typeof ZTmfCustomerUpdate>;
export type TTmfCustomerUpdate = z.output<typeof ZTmfCustomerUpdate>;

/**
 * Admin: what a customer created through the API gets when its request does not name them in
 * `characteristic` (null: the request must). A bill profile left null is the carrier's default; a
 * bill method left null is the bill profile's.
 */
export const ZApiCustomerDefaults = z.object({
  carrierCode: ZCode.nullable(),
  billProfileCode: ZCode.nullable(),
  billMethod: z.enum(BILL_METHODS, { message: `Use one of: ${BILL_METHODS.join(', ')}` }).nullable(),
});
export type TApiCustomerDefaults = z.output<typeof ZApiCustomerDefaults>;
