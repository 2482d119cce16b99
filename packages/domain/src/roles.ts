import { z } from 'zod';

/** Who a user is to LineDesk. Every `/api` route declares which of these may call it. */
export const ROLES = [
  /** Configures carriers, the catalog and users; can do everything. */
  'admin',
  /** Signs customers up and works their orders. */
  'agent',
  /** Receives, moves and scans serialized stock. */
  'inventory',
  /** Reads everything, changes nothing. */
  'viewer',
] as const;

export type Role = (typeof ROLES)[number];
export const ZRole = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  agent: 'Agent',
  inventory: 'Inventory',
  viewer: 'Viewer',
};
