import { ROLE_LABELS, ROLES } from '@linedesk/domain';

/** Select options for a role, in the order roles are declared. */
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
