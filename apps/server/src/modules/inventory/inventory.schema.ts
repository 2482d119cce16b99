import { IDENTIFIER_KINDS, INVENTORY_KINDS, INVENTORY_STATUSES } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const inventoryKindEnum = pgEnum('inventory_kind', INVENTORY_KINDS);
export const inventoryStatusEnum = pgEnum('inventory_status', INVENTORY_STATUSES);
export const identifierKindEnum = pgEnum('identifier_kind', IDENTIFIER_KINDS);

/** One serialized item in stock: a device, a SIM card or an eSIM profile. */
export const inventoryItems = pgTable(
  'inventory_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: inventoryKindEnum('kind').notNull(),
    status: inventoryStatusEnum('status').notNull().default('AVAILABLE'),
    carrierCode: text('carrier_code').notNull(),
    make: text('make'),
    model: text('model'),
    location: text('location'),
    agentCode: text('agent_code'),
    costCents: integer('cost_cents'),
    receivedOn: date('received_on'),
    purchaseOrder: text('purchase_order'),
    /** The order line it is reserved for or active on. */
    lineId: uuid('line_id'),
    orderId: uuid('order_id'),
    /** The CSV import that received it (its audit entry says who, when and from which file); null when received otherwise. */
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inventory_items_status').on(t.carrierCode, t.status),
    // Most stock is on no order: indexing only the items that are keeps a large import cheap.
    index('inventory_items_line').on(t.lineId).where(sql`${t.lineId} is not null`),
    index('inventory_items_order').on(t.orderId).where(sql`${t.orderId} is not null`),
    // The Inventory list's order (newest first), and the locations in use (read by skipping through this index).
    index('inventory_items_created').on(t.createdAt, t.id),
    index('inventory_items_location').on(t.location).where(sql`${t.location} is not null`),
    // A line holds at most one live item of each kind (one device, one SIM, one eSIM profile).
    uniqueIndex('inventory_items_one_per_line_kind').on(t.lineId, t.kind).where(sql`${t.lineId} is not null and ${t.status} in ('RESERVED', 'ACTIVE')`),
  ],
);

/** Every identifier of every item, normalised: one value belongs to one item in the whole system. */
export const inventoryIdentifiers = pgTable(
  'inventory_identifiers',
  {
    value: text('value').primaryKey(),
    kind: identifierKindEnum('kind').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inventoryItems.id),
    /** 2 for a dual-SIM device's second IMEI; 1 for everything else. */
    slot: smallint('slot').notNull().default(1),
  },
  (t) => [
    index('inventory_identifiers_item').on(t.itemId),
    // A fragment of an identifier ("…761481") is found through its trigrams, at any size of stock.
    index('inventory_identifiers_value_trgm').using('gin', sql`${t.value} gin_trgm_ops`),
  ],
);

/**
 * The TAC table: the first 8 digits of an IMEI (type allocation code) name the device's make and model.
 * Kept by admins; a device's own make and model win over it.
 */
export const inventoryTacs = pgTable('inventory_tacs', {
  tac: text('tac').primaryKey(),
  make: text('make').notNull(),
  model: text('model').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type InventoryItemRow = typeof inventoryItems.$inferSelect;
export type TacRow = typeof inventoryTacs.$inferSelect;
