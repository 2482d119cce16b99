import { ROLES, type Role } from '@linedesk/domain';

/** Who may open a page. The nav and the route guards both read these, so they cannot disagree. */
export const EVERY_ROLE: readonly Role[] = ROLES;
export const ADMIN_ONLY: readonly Role[] = ['admin'];

export function canAccess(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
