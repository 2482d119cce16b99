import type { Role } from '@linedesk/domain';

// The same roles the server's order routes allow (apps/server/src/modules/orders/orders.routes.ts).

/** Who scans, pastes and unassigns an order's inventory: those who work orders, and the stock keepers. */
export const INVENTORY_WORK_ROLES: readonly Role[] = ['admin', 'agent', 'inventory'];
/** Who sends and cancels orders. */
export const ORDER_ACTION_ROLES: readonly Role[] = ['admin', 'agent'];
