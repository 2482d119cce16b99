import { ACCOUNT_TYPES, ADDRESS_KINDS, CONTACT_TYPES, CUSTOMER_CLASSES, CUSTOMER_STATUSES, LISTING_TYPES } from '@linedesk/domain';
import { boolean, check, date, index, integer, pgEnum, pgSequence, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/auth.schema.js';
import { billMethodEnum } from '../catalog/catalog.schema.js';

export const customerClassEnum = pgEnum('customer_class', CUSTOMER_CLASSES);
export const customerStatusEnum = pgEnum('customer_status', CUSTOMER_STATUSES);
export const accountTypeEnum = pgEnum('account_type', ACCOUNT_TYPES);
export const contactTypeEnum = pgEnum('contact_type', CONTACT_TYPES);
export const addressKindEnum = pgEnum('address_kind', ADDRESS_KINDS);
export const listingTypeEnum = pgEnum('listing_type', LISTING_TYPES);

/** Generated account numbers: ACC-100001, ACC-100002 … */
export const accountNumberSequence = pgSequence('customer_account_number_seq', { startWith: 100001 });

/** A customer account. Secrets (SSN, Tax ID, Security PIN) are sealed; only SSN/Tax ID last 4 are kept in clear, for duplicate checks. */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountNumber: text('account_number').notNull().unique(),
    status: customerStatusEnum('status').notNull().default('PENDING'),
    customerClass: customerClassEnum('customer_class').notNull(),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    lastName: text('last_name'),
    suffix: text('suffix'),
    companyName: text('company_name'),
    carrierCode: text('carrier_code').notNull(),
    billProfileCode: text('bill_profile_code').notNull(),
    billMethod: billMethodEnum('bill_method').notNull(),
    billEmail: text('bill_email'),
    salesPersonUserId: uuid('sales_person_user_id').references(() => users.id),
    agentCode: text('agent_code'),
    securityPinSealed: text('security_pin_sealed'),
    language: text('language'),
    contractStart: date('contract_start'),
    contractEnd: date('contract_end'),
    attentionLine: text('attention_line'),
    paymentTermsDays: integer('payment_terms_days'),
    accountType: accountTypeEnum('account_type').notNull().default('STANDARD'),
    parentCustomerId: uuid('parent_customer_id').references((): AnyPgColumn => customers.id),
    website: text('website'),
    primaryPhone: text('primary_phone'),
    taxExempt: boolean('tax_exempt').notNull().default(false),
    taxExemptCertificate: text('tax_exempt_certificate'),
    ssnSealed: text('ssn_sealed'),
    ssnLast4: text('ssn_last4'),
    taxIdSealed: text('tax_id_sealed'),
    taxIdLast4: text('tax_id_last4'),
    dateOfBirth: date('date_of_birth'),
    /**
     * The party an integrator's system knows this customer as (TMF629 `engagedParty`): its id there and
     * whether it is an Individual or an Organization. Null for accounts made in LineDesk (the wizard).
     */
    engagedPartyId: text('engaged_party_id'),
    engagedPartyType: text('engaged_party_type'),
    /** The user who created it; null when an integrator's API key did, named by `createdByLabel`. */
    createdBy: uuid('created_by').references(() => users.id),
    createdByLabel: text('created_by_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_display_name_trgm').using('gin', sql`lower(${t.displayName}) gin_trgm_ops`),
    index('customers_created_at').on(t.createdAt),
    // The Orders queue finds an account by a fragment of its number (ILIKE '%100042%').
    index('customers_account_number_trgm').using('gin', sql`${t.accountNumber} gin_trgm_ops`),
    // TMF629 lists filter on the integrator's party id (`?engagedParty.id=`).
    index('customers_engaged_party').on(t.engagedPartyId),
    check('customers_creator', sql`${t.createdBy} is not null or ${t.createdByLabel} is not null`),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    position: integer('position').notNull(),
    contactType: contactTypeEnum('contact_type').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phone: text('phone'),
    mobile: text('mobile'),
    smsOptIn: boolean('sms_opt_in').notNull().default(false),
    email: text('email'),
    title: text('title'),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [index('customer_contacts_customer').on(t.customerId)],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: addressKindEnum('kind').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    state: text('state').notNull(),
    zip: text('zip').notNull(),
    zip4: text('zip4'),
    listingType: listingTypeEnum('listing_type'),
    listedName: text('listed_name'),
  },
  (t) => [index('customer_addresses_customer').on(t.customerId), index('customer_addresses_line1_trgm').using('gin', sql`lower(${t.line1}) gin_trgm_ops`)],
);

/**
 * What duplicate checks and search look up, one row per normalised value: PHONE (10 digits), EMAIL
 * (lower case), ADDRESS (USPS-normalised service address key), ZIP (service ZIP), TAXID4 (SSN or
 * Tax ID last 4), MDN. One index answers every kind.
 */
export const customerMatchKeys = pgTable(
  'customer_match_keys',
  {
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
  },
  (t) => [primaryKey({ columns: [t.kind, t.value, t.customerId] }), index('customer_match_keys_customer').on(t.customerId)],
);
