import { formatCents, INVENTORY_KIND_LABELS, type IdentifierKind, type TStockRow } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { selectRows, type DbOrTx } from '../../db/client.js';
import { columnOf, labelOf, type RowProblem } from './stock-import-rows.js';

/** An item already in stock, as a file row is compared with it, through one of its identifiers. */
export type StoredItem = {
  id: string;
  kind: TStockRow['kind'];
  carrierCode: string;
  make: string | null;
  model: string | null;
  location: string | null;
  agentCode: string | null;
  costCents: number | null;
  receivedOn: string | null;
  purchaseOrder: string | null;
};
export type StoredIdentifier = { kind: IdentifierKind; slot: number; value: string; item: StoredItem };

const LOOKUP_CHUNK = 20_000;

/** The identifiers among `values` that are in stock, each with its item: one indexed join per chunk of values. */
export async function findStoredIdentifiers(db: DbOrTx, values: readonly string[]): Promise<Map<string, StoredIdentifier>> {
  const found = new Map<string, StoredIdentifier>();
  const items = new Map<string, StoredItem>();
  for (let start = 0; start < values.length; start += LOOKUP_CHUNK) {
    const chunk = values.slice(start, start + LOOKUP_CHUNK);
    const rows = await selectRows<StoredItem & { value: string; identifierKind: IdentifierKind; slot: number }>(
      db,
      sql`select x.value, x.kind as "identifierKind", x.slot, i.id, i.kind, i.carrier_code as "carrierCode", i.make, i.model, i.location,
                 i.agent_code as "agentCode", i.cost_cents as "costCents", to_char(i.received_on, 'YYYY-MM-DD') as "receivedOn", i.purchase_order as "purchaseOrder"
          from inventory_identifiers x join inventory_items i on i.id = x.item_id
          where x.value = any(${sql.param(chunk)}::text[])`,
    );
    for (const { value, identifierKind, slot, ...item } of rows) {
      const shared = items.get(item.id) ?? item;
      items.set(item.id, shared);
      found.set(value, { kind: identifierKind, slot, value, item: shared });
    }
  }
  return found;
}

/** Compared one by one; a blank cell in the file states nothing, so it never differs. */
const COMPARED_FIELDS = [
  { key: 'make', column: 'make', label: 'make' },
  { key: 'model', column: 'model', label: 'model' },
  { key: 'location', column: 'location', label: 'location' },
  { key: 'agentCode', column: 'agent', label: 'agent' },
  { key: 'costCents', column: 'cost', label: 'cost' },
  { key: 'receivedOn', column: 'received', label: 'received date' },
  { key: 'purchaseOrder', column: 'purchase_order', label: 'purchase order' },
] as const;

const shown = (key: string, value: string | number | null) => (value === null ? 'blank' : key === 'costCents' ? formatCents(Number(value)) : `"${value}"`);
const describeStored = (stored: StoredIdentifier) => `${INVENTORY_KIND_LABELS[stored.item.kind]} with ${labelOf(stored)}`;

/**
 * A file row against what stock holds: `new` when none of its identifiers is in stock, `same` when they
 * all belong to one item, each in the same place, that the row describes as it is (the row was imported
 * before), else the problems: an identifier on another item, or the same item described differently.
 * Nothing in stock is ever changed by an import.
 */
export function matchStockRow(row: TStockRow, stored: Map<string, StoredIdentifier>): { kind: 'new' } | { kind: 'same'; itemId: string } | { kind: 'refused'; problems: RowProblem[] } {
  const found = row.identifiers.map((identifier) => ({ identifier, stored: stored.get(identifier.value) }));
  const anchor = found.find((f) => f.stored)?.stored;
  if (!anchor) return { kind: 'new' };
  const item = anchor.item;
  const problems: RowProblem[] = [];
  for (const { identifier, stored: holder } of found) {
    const label = labelOf(identifier);
    if (!holder) {
      problems.push({ field: columnOf(identifier), rule: 'not_on_item', message: `The ${describeStored(anchor)} in stock has no ${label}: edit the item instead of importing it again` });
    } else if (holder.item.id !== item.id) {
      problems.push({ field: columnOf(identifier), rule: 'in_stock_elsewhere', message: `${label} is already in stock on another item, the ${describeStored(holder)}` });
    } else if (holder.slot !== identifier.slot) {
      problems.push({ field: columnOf(identifier), rule: 'in_stock_elsewhere', message: `${label} is in stock as this item's other IMEI` });
    }
  }
  if (problems.length) return { kind: 'refused', problems };
  if (row.kind !== item.kind) problems.push({ field: 'kind', rule: 'different_data', message: `Already in stock as ${INVENTORY_KIND_LABELS[item.kind]}, not ${INVENTORY_KIND_LABELS[row.kind]}` });
  if (row.carrierCode !== item.carrierCode) problems.push({ field: 'carrier', rule: 'different_data', message: `Already in stock for ${item.carrierCode}, not ${row.carrierCode}` });
  for (const { key, column, label } of COMPARED_FIELDS) {
    const given = row[key];
    if (given !== null && given !== item[key]) {
      problems.push({ field: column, rule: 'different_data', message: `Already in stock with ${label} ${shown(key, item[key])}, not ${shown(key, given)}; nothing was changed` });
    }
  }
  return problems.length ? { kind: 'refused', problems } : { kind: 'same', itemId: item.id };
}
