import { z } from 'zod';
import { checkSecurityPin } from '../customers/security-pin.js';
import {
  ACCOUNT_TYPES,
  CONTACT_TYPES,
  CUSTOMER_CLASSES,
  LANGUAGES,
  LISTING_TYPES,
  NAME_SUFFIXES,
  type CustomerClass,
} from '../customers/customers.constants.js';
import {
  ageOn,
  isoDay,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  blankToNull,
  ZNamePart,
  ZSsn,
  ZTaxId,
} from '../customers/customer-fields.js';
import { isPoBox, isUsStateCode } from '../customers/us-address.js';
import { ZBillMethod, ZCode, ZMaskedSecret, ZWizardOrderType } from '../catalog/catalog.schemas.js';
import type { TProfileFieldSettings } from './profile-fields.js';

/** The wizard's pages, in order. The URL names the draft and one of these. */
export const WIZARD_STEPS = ['start', 'profile', 'names', 'lines', 'final'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const WIZARD_STEP_LABELS: Record<WizardStep, string> = {
  start: 'Carrier and Contact Information',
  profile: 'Customer Profile',
  names: 'Name and Addresses',
  lines: 'Lines',
  final: 'Order Options and Payment Details',
};

/* ---------- Step 1: Carrier, Order Type, Contact Information ---------- */
export const ZContactInput = z
  .object({
    contactType: z.enum(CONTACT_TYPES).default('PRIMARY'),
    firstName: ZNamePart,
    lastName: ZNamePart,
    phone: optionalPhone,
    mobile: optionalPhone,
    smsOptIn: z.boolean().default(false),
    email: optionalEmail,
    title: optionalText(80),
  })
  .refine((contact) => contact.phone !== null || contact.mobile !== null || contact.email !== null, {
    message: 'Enter a phone, mobile or email so the customer can be reached',
    path: ['phone'],
  });
export type TContactInput = z.input<typeof ZContactInput>;
export type TContact = z.output<typeof ZContactInput>;

export const ZWizardStart = z.object({
  carrierCode: ZCode,
  orderType: ZWizardOrderType,
  /** The first contact is the account's primary contact. */
  contacts: z.array(ZContactInput).min(1, { message: 'Add at least one contact' }).max(10),
});
export type TWizardStartInput = z.input<typeof ZWizardStart>;
export type TWizardStart = z.output<typeof ZWizardStart>;

/* ---------- Step 2: Customer Profile ---------- */
const ZAccountNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{3,19}$/, { message: 'Use 4–20 letters, digits or dashes' })
    .nullable()
    .default(null),
);
const secretInput = <T extends z.ZodType<string>>(inner: T) => z.preprocess(blankToNull, inner.nullable().optional());
const ZPin = z.string().superRefine((pin, ctx) => {
  const checked = checkSecurityPin(pin);
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, params: { rule: `pin_${checked.rule}` } });
});

/** Every field the profile page can hold; `customerProfileSchema` adds the rules that depend on the installation's settings. */
export const ZCustomerProfileInput = z.object({
  customerClass: z.enum(CUSTOMER_CLASSES),
  billProfileCode: ZCode,
  billMethod: ZBillMethod,
  /** Where statements go; required when the bill method includes email. */
  billEmail: optionalEmail,
  /** Left blank, one is generated at Create Order. */
  accountNumber: ZAccountNumber,
  salesPersonUserId: z.uuid({ message: 'Choose a sales person' }),
  agentCode: z.preprocess(blankToNull, ZCode.nullable().default(null)),
  securityPin: secretInput(ZPin),
  language: z.preprocess(blankToNull, z.enum(LANGUAGES).nullable().default(null)),
  contractStart: optionalDate,
  contractEnd: optionalDate,
  attentionLine: optionalText(120),
  paymentTermsDays: z.number().int().min(0).max(120).nullable().default(null),
  accountType: z.enum(ACCOUNT_TYPES).default('STANDARD'),
  parentAccountNumber: ZAccountNumber,
  website: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, message: 'Enter a web address such as https://example.com' }).nullable().default(null)),
  primaryPhone: optionalPhone,
  taxExempt: z.boolean().default(false),
  taxExemptCertificate: optionalText(60),
  ssn: secretInput(ZSsn),
  taxId: secretInput(ZTaxId),
  dateOfBirth: optionalDate,
});
export type TCustomerProfileInput = z.input<typeof ZCustomerProfileInput>;
export type TCustomerProfile = z.output<typeof ZCustomerProfileInput>;

/** The secrets of the profile: write-only, stored sealed, shown masked. */
export const PROFILE_SECRETS = ['securityPin', 'ssn', 'taxId'] as const;
export type ProfileSecret = (typeof PROFILE_SECRETS)[number];

/** What each settings-controlled field holds in the profile. */
const FIELD_KEYS: Record<keyof TProfileFieldSettings, (keyof TCustomerProfile)[]> = {
  accountNumber: ['accountNumber'],
  agent: ['agentCode'],
  securityPin: ['securityPin'],
  language: ['language'],
  contractDates: ['contractStart', 'contractEnd'],
  attentionLine: ['attentionLine'],
  paymentTerms: ['paymentTermsDays'],
  accountType: ['accountType', 'parentAccountNumber'],
  website: ['website'],
  primaryPhone: ['primaryPhone'],
  taxExempt: ['taxExempt', 'taxExemptCertificate'],
  taxIdentity: ['ssn', 'taxId'],
  dateOfBirth: ['dateOfBirth'],
};

export type ProfileContext = {
  settings: TProfileFieldSettings;
  today: Date;
  /** Secrets already stored on the draft: "required" is met by them when the input leaves them out. */
  storedSecrets?: readonly ProfileSecret[];
};

/**
 * The Customer Profile rules for this installation: hidden fields are dropped, required ones must
 * be filled, and the rules between fields hold (email for emailed bills, a parent for a Child
 * account, a certificate when tax exempt, SSN and date of birth only for people, 18 or older).
 */
export function customerProfileSchema(context: ProfileContext) {
  const { settings, today, storedSecrets = [] } = context;
  const isGiven = (profile: TCustomerProfile, key: keyof TCustomerProfile) => {
    const value = profile[key];
    if ((PROFILE_SECRETS as readonly string[]).includes(key) && value === undefined) return storedSecrets.includes(key as ProfileSecret);
    return value !== null && value !== undefined && value !== false;
  };
  return ZCustomerProfileInput.superRefine((profile, ctx) => {
    const fail = (path: keyof TCustomerProfile, message: string, rule: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { rule } });
    const isResidential = profile.customerClass === 'RESIDENTIAL';
    for (const [field, visibility] of Object.entries(settings) as [keyof TProfileFieldSettings, string][]) {
      if (visibility !== 'required') continue;
      const keys = FIELD_KEYS[field].filter((key) => relevantForClass(key, profile.customerClass) && key !== 'parentAccountNumber' && key !== 'taxExemptCertificate');
      for (const key of keys) if (!isGiven(profile, key) && key !== 'taxExempt') fail(key, 'This field is required', 'required');
    }
    if ((profile.billMethod === 'EMAIL' || profile.billMethod === 'BOTH') && !profile.billEmail) {
      fail('billEmail', 'Enter the email address bills are sent to', 'email_for_email_bills');
    }
    if (profile.contractStart && profile.contractEnd && profile.contractEnd < profile.contractStart) {
      fail('contractEnd', 'Contract End must be on or after Contract Start', 'contract_order');
    }
    if (profile.accountType === 'CHILD' && !profile.parentAccountNumber) fail('parentAccountNumber', 'Choose the parent account', 'parent_for_child');
    if (profile.taxExempt && !profile.taxExemptCertificate) fail('taxExemptCertificate', 'Enter the tax-exemption certificate number', 'certificate_for_exempt');
    if (typeof profile.ssn === 'string' && !isResidential) fail('ssn', 'An SSN belongs to a residential customer; a business gives its Tax ID', 'ssn_residential_only');
    if (typeof profile.taxId === 'string' && isResidential) fail('taxId', 'A Tax ID belongs to a business customer', 'tax_id_business_only');
    if (profile.dateOfBirth) {
      if (!isResidential) fail('dateOfBirth', 'A date of birth belongs to a residential customer', 'dob_residential_only');
      else if (profile.dateOfBirth > isoDay(today)) fail('dateOfBirth', 'The date of birth cannot be in the future', 'dob_future');
      else if (ageOn(profile.dateOfBirth, today) < 18) fail('dateOfBirth', 'The account holder must be 18 or older', 'dob_adult');
    }
  }).transform((profile) => dropHiddenFields(profile, settings));
}

function relevantForClass(key: keyof TCustomerProfile, customerClass: CustomerClass): boolean {
  if (key === 'ssn' || key === 'dateOfBirth') return customerClass === 'RESIDENTIAL';
  if (key === 'taxId') return customerClass === 'BUSINESS';
  return true;
}

function dropHiddenFields(profile: TCustomerProfile, settings: TProfileFieldSettings): TCustomerProfile {
  const result: Record<string, unknown> = { ...profile };
  for (const [field, visibility] of Object.entries(settings) as [keyof TProfileFieldSettings, string][]) {
    if (visibility !== 'hidden') continue;
    for (const key of FIELD_KEYS[field]) result[key] = key === 'taxExempt' ? false : key === 'accountType' ? 'STANDARD' : null;
  }
  return result as TCustomerProfile;
}

/** The profile as the API shows it: secrets masked. */
export const ZCustomerProfileView = ZCustomerProfileInput.omit({ securityPin: true, ssn: true, taxId: true }).extend({
  securityPin: ZMaskedSecret,
  ssn: ZMaskedSecret,
  taxId: ZMaskedSecret,
});
export type TCustomerProfileView = z.output<typeof ZCustomerProfileView>;

/* ---------- Step 3: name and addresses ---------- */
export const ZAddressInput = z.object({
  line1: z.string().trim().min(1, { message: 'Enter the street address' }).max(100),
  line2: optionalText(100),
  city: z.string().trim().min(1, { message: 'Enter the city' }).max(60),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isUsStateCode, { message: 'Use a two-letter US state code such as TX' }),
  zip: z.string().trim().regex(/^\d{5}$/, { message: 'Use a 5-digit ZIP code' }),
  zip4: z.preprocess(blankToNull, z.string().trim().regex(/^\d{4}$/, { message: 'Use 4 digits' }).nullable().default(null)),
});
export type TAddressInput = z.input<typeof ZAddressInput>;
export type TAddress = z.output<typeof ZAddressInput>;

export const ZServiceAddress = ZAddressInput.superRefine((address, ctx) => {
  for (const key of ['line1', 'line2'] as const) {
    const line = address[key];
    if (line && isPoBox(line)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'A PO box cannot be a service address: enter where the service is used', params: { rule: 'no_po_box' } });
    }
  }
});

export const ZNamesAndAddressesInput = z.object({
  firstName: optionalText(60),
  middleName: optionalText(60),
  lastName: optionalText(60),
  suffix: z.preprocess(blankToNull, z.enum(NAME_SUFFIXES).nullable().default(null)),
  companyName: optionalText(120),
  serviceAddress: ZServiceAddress,
  billingSameAsService: z.boolean().default(true),
  billingAddress: ZAddressInput.nullable().default(null),
  listingSameAsService: z.boolean().default(true),
  listingAddress: ZAddressInput.nullable().default(null),
  listingType: z.enum(LISTING_TYPES).default('NON_PUBLISHED'),
  listedName: optionalText(120),
});
export type TNamesAndAddressesInput = z.input<typeof ZNamesAndAddressesInput>;
export type TNamesAndAddresses = z.output<typeof ZNamesAndAddressesInput>;

/** Step 3's rules for the class chosen on the profile: a person's name, or a company's. */
export function namesAndAddressesSchema(customerClass: CustomerClass) {
  return ZNamesAndAddressesInput.superRefine((step, ctx) => {
    const fail = (path: (string | number)[], message: string, rule: string) => ctx.addIssue({ code: 'custom', path, message, params: { rule } });
    if (customerClass === 'RESIDENTIAL') {
      if (!step.firstName) fail(['firstName'], 'Enter the first name', 'required');
      if (!step.lastName) fail(['lastName'], 'Enter the last name', 'required');
    } else if (!step.companyName) fail(['companyName'], 'Enter the company name', 'required');
    if (!step.billingSameAsService && !step.billingAddress) fail(['billingAddress'], 'Enter the billing address, or use the service address', 'required');
    if (!step.listingSameAsService && !step.listingAddress) fail(['listingAddress'], 'Enter the listing address, or use the service address', 'required');
    if (step.listingType === 'LISTED' && !step.listedName) fail(['listedName'], 'Enter the name to list', 'required');
  }).transform((step) => ({
    ...step,
    ...(customerClass === 'RESIDENTIAL' ? { companyName: null } : { firstName: null, middleName: null, lastName: null, suffix: null }),
    billingAddress: step.billingSameAsService ? null : step.billingAddress,
    listingAddress: step.listingSameAsService ? null : step.listingAddress,
  }));
}

/** The account's name as people read it: the company, or "First Middle Last Suffix". */
export function customerDisplayName(names: Pick<TNamesAndAddresses, 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'companyName'>): string {
  if (names.companyName) return names.companyName;
  return [names.firstName, names.middleName, names.lastName, names.suffix].filter(Boolean).join(' ');
}
