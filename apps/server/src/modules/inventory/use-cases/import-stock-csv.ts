import { randomUUID } from 'node:crypto';
import { IMPORT_REPORT_LISTED_ROWS, isoDay, type ImportOutcome, type TStockImportEntry, type TStockImportReport, type TStockRow } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { STOCK_INTAKE_LOCK } from '../stock-intake.js';
import { findStoredIdentifiers, matchStockRow } from '../stock-import-match.js';
import { labelOf, readStockImportRows, type ImportRow } from '../stock-import-rows.js';
import type { StockReferences } from '../stock-references.js';

/**
 * Receives a CSV file of stock. Every row is checked; the valid new rows are committed together in one
 * transaction and the others are reported, each with its line, column, rule and reason. A row whose
 * identifiers are already in stock on one item it describes the same way is "already in stock" and
 * changes nothing, so importing a file again creates nothing; a row that contradicts stock is refused,
 * never written over it. Rows are written in batches (`unnest` of arrays) so 100,000 take seconds.
 */
export async function importStockCsv(options: {
  db: Db;
  audit: AuditContext;
  refs: StockReferences;
  fileName: string;
  csv: string;
  today?: string;
}): Promise<TStockImportReport> {
  const { db, audit, refs, fileName } = options;
  const today = options.today ?? isoDay(new Date());
  const rows = readStockImportRows(options.csv, refs, today);
  const importId = randomUUID();
  return db.transaction(async (tx) => {
    await STOCK_INTAKE_LOCK.take(tx);
    const stored = await findStoredIdentifiers(tx, rows.flatMap((r) => (r.problems.length === 0 ? r.read!.identifiers.map((i) => i.value) : [])));
    const outcomes: { row: ImportRow; outcome: ImportOutcome; itemId: string | null; problems: TStockImportEntry['problems'] }[] = [];
    const created: { id: string; row: TStockRow }[] = [];
    for (const row of rows) {
      const match = row.read && row.problems.length === 0 ? matchStockRow(row.read, stored) : ({ kind: 'refused', problems: row.problems } as const);
      if (match.kind === 'refused') {
        outcomes.push({ row, outcome: 'REFUSED', itemId: null, problems: match.problems });
      } else if (match.kind === 'same') {
        outcomes.push({ row, outcome: 'UNCHANGED', itemId: match.itemId, problems: [] });
      } else {
        const id = randomUUID();
        created.push({ id, row: row.read! });
        outcomes.push({ row, outcome: 'ACCEPTED', itemId: id, problems: [] });
      }
    }
    await insertItems(tx, created, { importId, today });
    const counts = {
      rows: rows.length,
      accepted: created.length,
      unchanged: outcomes.filter((o) => o.outcome === 'UNCHANGED').length,
      refused: outcomes.filter((o) => o.outcome === 'REFUSED').length,
    };
    // The items name this import (import_id); its one audit row says who received which file, and the counts.
    await recordAudit(tx, audit, { entityType: 'inventory_import', entityId: importId, action: 'import', after: { fileName, status: 'AVAILABLE', ...counts } });
    // Every refused row is listed; the others up to a limit, so a report of 100,000 rows stays readable.
    let listed = 0;
    const shown = outcomes.filter((o) => o.outcome === 'REFUSED' || ++listed <= IMPORT_REPORT_LISTED_ROWS);
    const entries: TStockImportEntry[] = shown.map(({ row, outcome, itemId, problems }) => ({
      line: row.line,
      outcome,
      identifiers: row.read?.identifiers.map(labelOf) ?? [],
      itemId,
      problems,
    }));
    return { importId, fileName, ...counts, entries, entriesOmitted: outcomes.length - shown.length };
  });
}

const INSERT_CHUNK = 20_000;

// Enum arrays go as text[] and are cast in SQL: PGlite serialises an array parameter only for the
// array types it knew when it opened, and a new database gets its enums from migrations after that.

async function insertItems(tx: Tx, created: { id: string; row: TStockRow }[], { importId, today }: { importId: string; today: string }): Promise<void> {
  for (let start = 0; start < created.length; start += INSERT_CHUNK) {
    const chunk = created.slice(start, start + INSERT_CHUNK);
    const column = <T>(pick: (row: TStockRow) => T) => sql.param(chunk.map(({ row }) => pick(row)));
    await tx.execute(sql`
      insert into inventory_items (id, kind, carrier_code, make, model, location, agent_code, cost_cents, received_on, purchase_order, import_id)
      select *, ${importId}::uuid from unnest(
        ${sql.param(chunk.map((c) => c.id))}::uuid[], ${column((r) => r.kind)}::text[]::inventory_kind[], ${column((r) => r.carrierCode)}::text[],
        ${column((r) => r.make)}::text[], ${column((r) => r.model)}::text[], ${column((r) => r.location)}::text[], ${column((r) => r.agentCode)}::text[],
        ${column((r) => r.costCents)}::integer[], ${column((r) => r.receivedOn ?? today)}::date[], ${column((r) => r.purchaseOrder)}::text[])`);
    const identifiers = chunk.flatMap(({ id, row }) => row.identifiers.map((identifier) => ({ id, ...identifier })));
    const of = <T>(pick: (identifier: (typeof identifiers)[number]) => T) => sql.param(identifiers.map(pick));
    await tx.execute(sql`
      insert into inventory_identifiers (value, kind, item_id, slot)
      select * from unnest(${of((i) => i.value)}::text[], ${of((i) => i.kind)}::text[]::identifier_kind[], ${of((i) => i.id)}::uuid[], ${of((i) => i.slot)}::smallint[])`);
  }
}
