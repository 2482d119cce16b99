import { ROLES, type Role } from '@linedesk/domain';

/** Who may open a page. The nav and the route guards both read these, so they cannot disagree. */
export const EVERY_ROLE: readonly Role[] = ROLES;
export const ADMIN_ONLY: readonly Role[] = ['admin'];
/** Who signs customers up: Customers > Create New and the open drafts. Everyone else only searches and views. */
export const SIGN_UP_ROLES: readonly Role[] = ['admin', 'agent'];
/** Who receives, moves and writes off stock (Inventory > Receive, Import CSV, status changes). Everyone else searches and views it. */
export const STOCK_ROLES: readonly Role[] = ['admin', 'inventory'];

export function canAccess(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
