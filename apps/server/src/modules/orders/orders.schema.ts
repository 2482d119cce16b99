import { DEVICE_SOURCES, FULFILLMENTS, LINE_STATUSES, ORDER_STATUSES, PRODUCT_INCLUSIONS, type TAddress, type TLdRates, type TLineIdentifier } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.schema.js';
import { orderTypeEnum, productKindEnum } from '../catalog/catalog.schema.js';

export const orderStatusEnum = pgEnum('order_status', ORDER_STATUSES);
export const lineStatusEnum = pgEnum('line_status', LINE_STATUSES);
export const fulfillmentEnum = pgEnum('fulfillment', FULFILLMENTS);
export const deviceSourceEnum = pgEnum('device_source', DEVICE_SOURCES);
export const lineProductInclusionEnum = pgEnum('line_product_inclusion', PRODUCT_INCLUSIONS);

/** Order numbers: ORD-200001 … */
export const orderNumberSequence = pgSequence('order_number_seq', { startWith: 200001 });

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderNumber: text('order_number').notNull().unique(),
    customerId: uuid('customer_id').notNull(),
    carrierCode: text('carrier_code').notNull(),
    carrierName: text('carrier_name').notNull(),
    orderType: orderTypeEnum('order_type').notNull(),
    status: orderStatusEnum('status').notNull().default('PENDING'),
    requestedDueDate: date('requested_due_date'),
    fulfillment: fulfillmentEnum('fulfillment').notNull(),
    shippingAddress: jsonb('shipping_address').$type<TAddress>(),
    sendAutomatically: boolean('send_automatically').notNull(),
    notes: text('notes'),
    depositCents: integer('deposit_cents').notNull().default(0),
    monthlyCents: integer('monthly_cents').notNull(),
    oneTimeCents: integer('one_time_cents').notNull(),
    /** The wizard draft this order came from: unique, so a draft can never make two orders. */
    draftId: uuid('draft_id').unique(),
    duplicateAcknowledgement: text('duplicate_acknowledgement'),
    /** The id an integrator gave the order (TMF622 `externalId`), to find it by. */
    externalId: text('external_id'),
    /** The user who created it; null when an integrator's API key did, named by `createdByLabel`. */
    createdBy: uuid('created_by').references(() => users.id),
    createdByLabel: text('created_by_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_customer').on(t.customerId),
    index('orders_status').on(t.status, t.createdAt),
    index('orders_created_at').on(t.createdAt),
    index('orders_carrier').on(t.carrierCode, t.createdAt),
    // The Orders queue finds an order by a fragment of its number.
    index('orders_order_number_trgm').using('gin', sql`${t.orderNumber} gin_trgm_ops`),
    index('orders_external_id').on(t.externalId),
    check('orders_creator', sql`${t.createdBy} is not null or ${t.createdByLabel} is not null`),
  ],
);

export type PortInRecord = {
  number: string;
  currentCarrier: string;
  accountNumber: string;
  pinSealed: string | null;
  authorizedSigner: string;
  accountName: string;
  address: TAddress;
};

/** A line (service) and its snapshot of the package as it was sold: later catalog edits never reach it. */
export const lines = pgTable(
  'lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    position: integer('position').notNull(),
    /** The id an integrator gave the line's order item (TMF622 `productOrderItem.id`); null for the wizard's lines. */
    externalItemId: text('external_item_id'),
    status: lineStatusEnum('status').notNull().default('PENDING'),
    lineTypeCode: text('line_type_code').notNull(),
    lineTypeName: text('line_type_name').notNull(),
    packageCode: text('package_code').notNull(),
    packageName: text('package_name').notNull(),
    packageMonthlyCents: integer('package_monthly_cents').notNull(),
    packageActivationFeeCents: integer('package_activation_fee_cents').notNull(),
    properties: jsonb('properties').$type<Record<string, string | number | boolean | null>>().notNull(),
    description: text('description'),
    areaCode: text('area_code'),
    numberZip: text('number_zip'),
    /** Where this line's service is used, when it was given for the line (an integrator's `product.place`); else the account's service address. */
    serviceAddress: jsonb('service_address').$type<TAddress>(),
    /** The line's number (MDN) once the carrier assigns it. */
    mdn: text('mdn'),
    portIn: jsonb('port_in').$type<PortInRecord>(),
    deviceSource: deviceSourceEnum('device_source').notNull(),
    /** The line's device and SIM identifiers (normalised): reserved stock, or the customer's own device. */
    identifiers: jsonb('identifiers').$type<TLineIdentifier[]>().notNull(),
    ldRates: jsonb('ld_rates').$type<TLdRates>(),
    monthlyCents: integer('monthly_cents').notNull(),
    oneTimeCents: integer('one_time_cents').notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** Why the carrier refused the line on the last send (code and text); cleared when it is sent again. */
    carrierRejection: jsonb('carrier_rejection').$type<{ code: string; text: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lines_order').on(t.orderId),
    index('lines_customer').on(t.customerId),
    index('lines_mdn').on(t.mdn),
    // The Orders queue finds a line by the number it ports in, and by any identifier on it.
    index('lines_port_in_number').on(sql`(${t.portIn} ->> 'number')`),
    index('lines_identifiers').using('gin', sql`${t.identifiers} jsonb_path_ops`),
  ],
);

export const lineProducts = pgTable(
  'line_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => lines.id),
    position: integer('position').notNull(),
    productCode: text('product_code').notNull(),
    name: text('name').notNull(),
    kind: productKindEnum('kind').notNull(),
    quantity: integer('quantity').notNull(),
    unitMonthlyCents: integer('unit_monthly_cents').notNull(),
    unitOneTimeCents: integer('unit_one_time_cents').notNull(),
    monthlyCents: integer('monthly_cents').notNull(),
    oneTimeCents: integer('one_time_cents').notNull(),
    isTaxable: boolean('is_taxable').notNull(),
    inclusion: lineProductInclusionEnum('inclusion').notNull(),
    isPriceOverridden: boolean('is_price_overridden').notNull(),
  },
  (t) => [index('line_products_line').on(t.lineId)],
);
