import {
  IDENTIFIER_KIND_LABELS,
  IDENTIFIER_KINDS,
  INVENTORY_KIND_LABELS,
  INVENTORY_STATUS_LABELS,
  LINE_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  ORDER_TYPE_LABELS,
  type IdentifierKind,
  type TAuditEntry,
  type TOrderHistoryEntry,
} from '@linedesk/domain';
import type { DbOrTx } from '../db/client.js';
import { REDACTED } from '../modules/audit/record-audit.js';
import { findAuditTrail } from '../modules/audit/use-cases/find-audit-trail.js';
import { findUsers } from '../modules/auth/use-cases/find-users.js';
import { findItemsWithIdentifiers, type ItemWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { findStockItems } from '../modules/inventory/use-cases/find-stock-items.js';
import { getOrder, type LineRow } from '../modules/orders/use-cases/get-order.js';

/** Entries shown at most: far more than any order gathers. */
const HISTORY_LIMIT = 1000;

type Change = { from: unknown; to: unknown };

/**
 * The order's History tab: every audited change of the order, its lines and the stock items reserved
 * for it (and released from it), newest first, with who, when and a readable summary.
 */
export async function getOrderHistory(options: { db: DbOrTx; orderId: string }): Promise<TOrderHistoryEntry[]> {
  const { db, orderId } = options;
  const { order, lines } = await getOrder({ db, orderId });
  const lineIds = lines.map((line) => line.id);
  const orderAndLines = await findAuditTrail({ db, entities: [{ entityType: 'order', entityIds: [orderId] }, { entityType: 'line', entityIds: lineIds }], limit: HISTORY_LIMIT });

  // Items that were ever on a line: the identifiers the lines' trail names, and what the lines hold now.
  const values = new Set(lines.flatMap((line) => line.identifiers.map((i) => i.value)));
  for (const entry of orderAndLines.filter((e) => e.entityType === 'line')) {
    for (const kind of IDENTIFIER_KINDS) {
      const change = entry.changes[kind];
      for (const value of [change?.from, change?.to]) if (typeof value === 'string') values.add(value);
    }
  }
  const found = await findStockItems({ db, values: [...values] });
  const items = await findItemsWithIdentifiers({ db, ids: [...new Set(found.map((item) => item.id))] });
  const itemTrail = (await findAuditTrail({ db, entities: [{ entityType: 'inventory_item', entityIds: items.map((item) => item.id) }], limit: HISTORY_LIMIT })).filter((entry) =>
    mentions(entry, 'orderId', [orderId]) || mentions(entry, 'lineId', lineIds),
  );

  const trail = [...orderAndLines, ...itemTrail].sort((a, b) => Number(b.id) - Number(a.id)).slice(0, HISTORY_LIMIT);
  const people = await findUsers({ db, ids: [...new Set(trail.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))] });
  const describe = { orderNumber: order.orderNumber, lines, items };
  return trail.map((entry) => ({
    id: entry.id,
    at: entry.at,
    actor: people.find((p) => p.id === entry.actorUserId)?.name ?? entry.actorLabel,
    subject: subjectOf(entry, describe),
    action: actionLabel(entry),
    summary: summaryOf(entry, lines),
  }));
}

function mentions(entry: TAuditEntry, field: string, ids: string[]): boolean {
  const change = entry.changes[field];
  return ids.some((id) => change?.from === id || change?.to === id);
}

function subjectOf(entry: TAuditEntry, context: { orderNumber: string; lines: LineRow[]; items: ItemWithIdentifiers[] }): string {
  if (entry.entityType === 'order') return `Order ${context.orderNumber}`;
  if (entry.entityType === 'line') return `Line ${(context.lines.find((l) => l.id === entry.entityId)?.position ?? 0) + 1}`;
  const item = context.items.find((i) => i.id === entry.entityId);
  if (!item) return 'Stock item';
  const identifier = item.identifiers[0];
  return `${INVENTORY_KIND_LABELS[item.kind]} ${identifier ? identifier.value : ''}`.trim();
}

const ACTION_LABELS: Record<string, string> = {
  create: 'Created',
  status: 'Status changed',
  cancel: 'Cancelled',
  acknowledge_duplicate: 'Duplicate acknowledged',
  assign_inventory: 'Inventory assigned',
  unassign_inventory: 'Inventory unassigned',
  reserve: 'Reserved',
  release: 'Returned to stock',
  send: 'Sent',
  carrier_accepted: 'Accepted by the carrier',
  carrier_in_progress: 'In progress at the carrier',
  carrier_completed: 'Completed by the carrier',
  carrier_error: 'Refused by the carrier',
  carrier_rejected: 'Refused by the carrier',
  clear_carrier_rejection: 'Carrier refusal cleared',
  edit_port_in: 'Port-in details changed',
  activate: 'Activated',
};

function actionLabel(entry: TAuditEntry): string {
  return ACTION_LABELS[entry.action] ?? entry.action.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

function summaryOf(entry: TAuditEntry, lines: LineRow[]): string {
  const c = entry.changes;
  const to = (field: string) => (c[field] as Change | undefined)?.to;
  const reason = typeof to('reason') === 'string' ? ` Reason: ${String(to('reason'))}` : '';
  const status = statusChange(entry.entityType, c.status as Change | undefined);
  switch (`${entry.entityType}.${entry.action}`) {
    case 'order.create': {
      const count = Number(to('lines') ?? 0);
      const type = ORDER_TYPE_LABELS[to('orderType') as keyof typeof ORDER_TYPE_LABELS] ?? 'An';
      return `${type} order created with ${count} ${count === 1 ? 'line' : 'lines'}, status ${label(ORDER_STATUS_LABELS, to('status'))}`;
    }
    case 'order.acknowledge_duplicate':
      return `Created although it may duplicate ${((to('candidates') as string[] | undefined) ?? []).join(', ')}.${reason}`;
    case 'line.create': {
      const line = lines.find((l) => l.id === entry.entityId);
      const what = line ? `${line.lineTypeName} line on ${line.packageName}` : `${String(to('lineType') ?? '')} line on package ${String(to('package') ?? '')}`;
      return `${what}, status ${label(LINE_STATUS_LABELS, to('status'))}`;
    }
    case 'line.assign_inventory':
    case 'line.unassign_inventory':
      return identifierChanges(c) || 'No identifier changed';
    case 'line.activate': {
      const mdn = to('mdn');
      return `${status}${typeof mdn === 'string' ? `, number ${formatNumber(mdn)}` : ''}`;
    }
    case 'line.carrier_rejected': {
      const rejection = to('carrierRejection') as { code?: unknown; text?: unknown } | null | undefined;
      return rejection ? `${String(rejection.code)}: ${String(rejection.text)}` : 'No refusal';
    }
    case 'line.edit_port_in':
      return portInChanges(c);
    case 'inventory_item.reserve': {
      const line = lines.find((l) => l.id === to('lineId'));
      return `${status}${line ? `, on line ${line.position + 1}` : ''}`;
    }
    default: {
      const rest = Object.entries(c)
        .filter(([field]) => !['status', 'reason', 'lineId', 'orderId'].includes(field) && !(IDENTIFIER_KINDS as readonly string[]).includes(field))
        .map(([field, change]) => `${field}: ${show(change.from)} → ${show(change.to)}`);
      const identifiers = identifierChanges(c);
      return [status, identifiers, ...rest].filter(Boolean).join('; ') + (reason ? `.${reason}` : '');
    }
  }
}

const PORT_IN_FIELDS: [field: string, label: string][] = [
  ['currentCarrier', 'Current carrier'],
  ['accountNumber', 'Account number'],
  ['pin', 'PIN'],
  ['authorizedSigner', 'Authorized signer'],
  ['accountName', 'Name on the old account'],
];

/** "Current carrier AT&T Mobility → Verizon Wireless; PIN changed; carrier refusal PORT_PIN_MISMATCH cleared": secrets only as changed. */
function portInChanges(changes: Record<string, Change>): string {
  const parts = PORT_IN_FIELDS.flatMap(([field, name]) => {
    const change = changes[field];
    if (!change) return [];
    return change.to === REDACTED || change.from === REDACTED ? [`${name} changed`] : [`${name} ${show(change.from)} → ${show(change.to)}`];
  });
  const refusal = changes.carrierRejection?.from as { code?: unknown } | null | undefined;
  if (refusal && typeof refusal.code === 'string') parts.push(`carrier refusal ${refusal.code} cleared`);
  return parts.join('; ') || 'No detail changed';
}

function statusChange(entityType: string, change: Change | undefined): string {
  if (!change) return '';
  const labels: Record<string, string> = entityType === 'order' ? ORDER_STATUS_LABELS : entityType === 'line' ? LINE_STATUS_LABELS : INVENTORY_STATUS_LABELS;
  return `Status ${label(labels, change.from)} → ${label(labels, change.to)}`;
}

/** "SIM (ICCID) 8901260000077001010 assigned", "Device (IMEI) 352099001761416 removed". */
function identifierChanges(changes: Record<string, Change>): string {
  return (IDENTIFIER_KINDS as readonly IdentifierKind[])
    .flatMap((kind) => {
      const change = changes[kind];
      if (!change) return [];
      const name = IDENTIFIER_KIND_LABELS[kind];
      if (change.from && change.to) return [`${name} ${show(change.from)} replaced by ${show(change.to)}`];
      return change.to ? [`${name} ${show(change.to)} assigned`] : [`${name} ${show(change.from)} removed`];
    })
    .join('; ');
}

/** "(312) 555-0143" for ten digits, else as given. */
function formatNumber(digits: string): string {
  return /^\d{10}$/.test(digits) ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : digits;
}

function label(labels: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (labels[value] ?? value) : '—';
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
