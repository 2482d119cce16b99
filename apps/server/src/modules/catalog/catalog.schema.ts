import {
  BILL_METHODS,
  NUMBER_ASSIGNMENTS,
  ORDER_TYPES,
  PACKAGE_PRODUCT_ORDER_TYPES,
  PRODUCT_INCLUSIONS,
  PRODUCT_KINDS,
  PROVISIONING_ADAPTERS,
  type TCountryRate,
  type TIdentifierRequirement,
  type TPropertyDefinition,
} from '@linedesk/domain';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.schema.js';

export const orderTypeEnum = pgEnum('order_type', ORDER_TYPES);
export const billMethodEnum = pgEnum('bill_method', BILL_METHODS);
export const productKindEnum = pgEnum('product_kind', PRODUCT_KINDS);
export const productInclusionEnum = pgEnum('product_inclusion', PRODUCT_INCLUSIONS);
export const packageProductOrderTypeEnum = pgEnum('package_product_order_type', PACKAGE_PRODUCT_ORDER_TYPES);
export const numberAssignmentEnum = pgEnum('number_assignment', NUMBER_ASSIGNMENTS);
export const provisioningAdapterEnum = pgEnum('provisioning_adapter', PROVISIONING_ADAPTERS);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const billProfiles = pgTable('bill_profiles', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  defaultBillMethod: billMethodEnum('default_bill_method').notNull(),
  termsDays: integer('terms_days').notNull(),
  isDefaultResidential: boolean('is_default_residential').notNull().default(false),
  isDefaultBusiness: boolean('is_default_business').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps,
});

export const agents = pgTable('agents', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: uuid('parent_id').references((): AnyPgColumn => agents.id),
  email: text('email'),
  phone: text('phone'),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps,
});

/** Users who sell for an agent: the wizard's Sales Person choices. */
export const agentSalesPeople = pgTable(
  'agent_sales_people',
  {
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.agentId, table.userId] })],
);

export const lineTypes = pgTable('line_types', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  properties: jsonb('properties').$type<TPropertyDefinition[]>().notNull(),
  displayOrder: integer('display_order').notNull().default(100),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps,
});

export const ldRatePlans = pgTable('ld_rate_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  domesticPerMinuteMillicents: integer('domestic_per_minute_millicents').notNull(),
  // Read and replaced as a whole with its plan, never queried by country on its own.
  internationalRates: jsonb('international_rates').$type<TCountryRate[]>().notNull(),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps,
});

export const carriers = pgTable('carriers', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  displayOrder: integer('display_order').notNull().default(100),
  defaultBillProfileId: uuid('default_bill_profile_id').references(() => billProfiles.id),
  orderTypes: orderTypeEnum('order_types').array().notNull(),
  populatesProducts: boolean('populates_products').notNull().default(true),
  identifierRequirements: jsonb('identifier_requirements').$type<TIdentifierRequirement[]>().notNull(),
  numberAssignment: numberAssignmentEnum('number_assignment').notNull(),
  provisioningAdapter: provisioningAdapterEnum('provisioning_adapter').notNull(),
  provisioningEndpoint: text('provisioning_endpoint'),
  provisioningAccountId: text('provisioning_account_id'),
  /** AES-256-GCM sealed (security/secret-box.ts); never returned in clear. */
  provisioningCredentialSealed: text('provisioning_credential_sealed'),
  webhookSecretSealed: text('webhook_secret_sealed'),
  flowThrough: boolean('flow_through').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps,
});

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    carrierId: uuid('carrier_id')
      .notNull()
      .references(() => carriers.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: productKindEnum('kind').notNull(),
    monthlyCents: integer('monthly_cents').notNull(),
    oneTimeCents: integer('one_time_cents').notNull(),
    isTaxable: boolean('is_taxable').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (table) => [uniqueIndex('products_carrier_code_idx').on(table.carrierId, table.code)],
);

export const packages = pgTable(
  'packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    carrierId: uuid('carrier_id')
      .notNull()
      .references(() => carriers.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    orderTypes: orderTypeEnum('order_types').array().notNull(),
    monthlyCents: integer('monthly_cents').notNull(),
    activationFeeCents: integer('activation_fee_cents').notNull(),
    ldRatePlanId: uuid('ld_rate_plan_id').references(() => ldRatePlans.id),
    displayOrder: integer('display_order').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (table) => [uniqueIndex('packages_carrier_code_idx').on(table.carrierId, table.code)],
);

export const packageLineTypes = pgTable(
  'package_line_types',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    lineTypeId: uuid('line_type_id')
      .notNull()
      .references(() => lineTypes.id),
  },
  (table) => [primaryKey({ columns: [table.packageId, table.lineTypeId] }), index('package_line_types_line_type_idx').on(table.lineTypeId)],
);

export const packageProducts = pgTable(
  'package_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    position: integer('position').notNull(),
    quantity: integer('quantity').notNull(),
    monthlyOverrideCents: integer('monthly_override_cents'),
    inclusion: productInclusionEnum('inclusion').notNull(),
    orderType: packageProductOrderTypeEnum('order_type').notNull(),
  },
  (table) => [index('package_products_package_idx').on(table.packageId)],
);

export type CarrierRow = typeof carriers.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type PackageRow = typeof packages.$inferSelect;
