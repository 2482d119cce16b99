import { formatCents, INVENTORY_STATUS_LABELS, type InventoryStatus, type TAuditEntry, type TStockHistoryEntry } from '@linedesk/domain';

const ACTIONS: Record<string, string> = {
  receive: 'Received',
  // A CSV import's entry, shown on each item it received.
  import: 'Received',
  status: 'Status changed',
  update: 'Edited',
  reserve: 'Reserved on an order',
  release: 'Released from an order',
  activate: 'Activated',
};

const FIELDS: Record<string, string> = {
  make: 'Make',
  model: 'Model',
  location: 'Location',
  agentCode: 'Agent',
  costCents: 'Cost',
  receivedOn: 'Received',
  purchaseOrder: 'Purchase order',
};

// Kept out of the summary: said elsewhere (the reason), or ids that mean nothing to a reader.
const HIDDEN = new Set(['reason', 'lineId', 'orderId', 'importId', 'identifiers', 'kind', 'carrierCode', 'fileName', 'rows', 'accepted', 'unchanged', 'refused']);

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'costCents' && typeof value === 'number') return formatCents(value);
  if (field === 'status' && typeof value === 'string') return INVENTORY_STATUS_LABELS[value as InventoryStatus] ?? value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** An audit entry of an item as its history shows it: who, what, and the change in words. */
export function toStockHistoryEntry(entry: TAuditEntry): TStockHistoryEntry {
  const { changes } = entry;
  const parts: string[] = [];
  if (changes.status) {
    parts.push(changes.status.from === null ? `as ${show('status', changes.status.to)}` : `${show('status', changes.status.from)} → ${show('status', changes.status.to)}`);
  }
  if (typeof changes.fileName?.to === 'string') parts.push(`from ${changes.fileName.to}`);
  for (const [field, change] of Object.entries(changes)) {
    if (field === 'status' || HIDDEN.has(field)) continue;
    parts.push(`${FIELDS[field] ?? field}: ${show(field, change.from)} → ${show(field, change.to)}`);
  }
  const reason = changes.reason?.to;
  return {
    id: entry.id,
    at: entry.at,
    actor: entry.actorLabel,
    action: ACTIONS[entry.action] ?? entry.action.charAt(0).toUpperCase() + entry.action.slice(1).replace(/_/g, ' '),
    summary: parts.join('; '),
    reason: typeof reason === 'string' ? reason : null,
  };
}
