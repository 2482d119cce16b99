import type { TAuditEntry } from '@linedesk/domain';

/** Past-tense labels for the actions the server records; unknown actions fall back to their code. */
const ACTION_LABELS: Record<string, string> = {
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  change_password: 'Changed password',
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
};

const ENTITY_LABELS: Record<string, string> = {
  user: 'User',
};

const FIELD_LABELS: Record<string, string> = {
  isActive: 'active',
  ipAddress: 'IP address',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? humanize(action);
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? humanize(entityType);
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** One value of a change, as a person reads it: empty is a dash, booleans are yes/no. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export type ChangeLine = { field: string; from: string; to: string };

/** One line per changed field, read as "field: from → to". */
export function changeLines(changes: TAuditEntry['changes']): ChangeLine[] {
  return Object.entries(changes).map(([field, change]) => ({
    field: fieldLabel(field),
    from: formatAuditValue(change.from),
    to: formatAuditValue(change.to),
  }));
}

/** Extra context worth a glance on the home page, such as where a sign-in came from. */
export function describeDetail(entry: TAuditEntry): string | null {
  const ip = entry.changes.ipAddress?.to;
  if (entry.action === 'sign_in' && typeof ip === 'string') return `from ${ip}`;
  const fields = Object.keys(entry.changes).map(fieldLabel);
  if (entry.action === 'update' && fields.length > 0) return `changed ${fields.join(', ')}`;
  return null;
}

/** What an entry was about, in words: "Your account", "User jo@example.com", "User 1a2b3c4d". */
export function describeSubject(entry: TAuditEntry, currentUserId: string): string {
  if (entry.entityType === 'user' && entry.entityId === currentUserId) return 'Your account';
  const email = entry.changes.email?.to ?? entry.changes.email?.from;
  if (typeof email === 'string') return `${entityLabel(entry.entityType)} ${email}`;
  return `${entityLabel(entry.entityType)} ${shortId(entry.entityId)}`;
}

export function shortId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code;
}
