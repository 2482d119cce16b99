import { IDENTIFIER_KINDS, INVENTORY_KINDS, INVENTORY_STATUSES } from '@linedesk/domain';
import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inventory_items_status').on(t.carrierCode, t.status), index('inventory_items_line').on(t.lineId)],
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
  },
  (t) => [index('inventory_identifiers_item').on(t.itemId)],
);
