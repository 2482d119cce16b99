// Every module's tables, for drizzle-kit and the typed client. Modules own their tables; this file only gathers them.
export * from '../modules/auth/auth.schema.js';
export * from '../modules/audit/audit.schema.js';
export * from '../modules/api-keys/api-keys.schema.js';
export * from '../modules/system/system.schema.js';
export * from '../modules/catalog/catalog.schema.js';
export * from '../modules/customers/customers.schema.js';
export * from '../modules/payments/payments.schema.js';
export * from '../modules/wizard/wizard.schema.js';
export * from '../modules/orders/orders.schema.js';
export * from '../modules/inventory/inventory.schema.js';
export * from '../modules/jobs/jobs.schema.js';
export * from '../modules/provisioning/provisioning.schema.js';
export * from '../modules/tmf/events/tmf-hubs.schema.js';
export * from '../modules/tmf/tmf.schema.js';
export * from '../modules/tmf/product-order/product-order.schema.js';
