import type { IdentifierKind } from '../catalog/catalog.constants.js';
import { parseDollarsToCents } from '../catalog/money.js';
import { INVENTORY_KIND_NOUNS, INVENTORY_KINDS, ITEM_IDENTIFIER_KINDS, type IdentifierSlot, type InventoryKind } from './inventory.constants.js';
import { isLuhnValid } from '../identifiers/luhn.js';
import { parseStockIdentifier } from './item-identifiers.js';

/**
 * Receiving stock from a spreadsheet: a CSV file with a header row, one item per row. Column names are
 * matched without regard to case, spaces or dashes ("Purchase Order" is `purchase_order`), and their
 * order is free. `kind` and `carrier` are required, and at least one identifier column.
 */
export const STOCK_CSV_COLUMNS = [
  'kind',
  'carrier',
  'imei',
  'imei2',
  'meid',
  'esn',
  'iccid',
  'eid',
  'make',
  'model',
  'location',
  'agent',
  'cost',
  'received',
  'purchase_order',
] as const;
export type StockCsvColumn = (typeof STOCK_CSV_COLUMNS)[number];

/** What each column holds, for the README, the Import screen and the template. */
export const STOCK_CSV_COLUMN_HELP: Record<StockCsvColumn, string> = {
  kind: 'Device, SIM or eSIM (required)',
  carrier: "The carrier's code, e.g. NWM (required)",
  imei: "A device's IMEI (15 digits; 14 without the check digit, or a 16-digit IMEISV)",
  imei2: "A dual-SIM device's second IMEI",
  meid: "A CDMA device's MEID (14 hex digits, or the 18-digit decimal form)",
  esn: "A CDMA device's ESN (8 hex or 11 decimal digits; not a pseudo-ESN)",
  iccid: "A SIM's ICCID (19 or 20 digits starting 89)",
  eid: "An eSIM profile's EID (32 digits)",
  make: 'Maker, e.g. Aurora (devices without one are named from the TAC table)',
  model: 'Model, e.g. Aurora X5 128 GB',
  location: 'Where the item is kept, e.g. Elm Street store',
  agent: "The agent's code the item is consigned to",
  cost: 'What the item cost, in dollars, e.g. 419.00',
  received: 'Date received, YYYY-MM-DD or MM/DD/YYYY (today when blank)',
  purchase_order: 'Purchase order number',
};

export const STOCK_CSV_IDENTIFIER_COLUMNS = {
  imei: { kind: 'IMEI', slot: 1 },
  imei2: { kind: 'IMEI', slot: 2 },
  meid: { kind: 'MEID', slot: 1 },
  esn: { kind: 'ESN', slot: 1 },
  iccid: { kind: 'ICCID', slot: 1 },
  eid: { kind: 'EID', slot: 1 },
} as const satisfies Partial<Record<StockCsvColumn, { kind: IdentifierKind; slot: IdentifierSlot }>>;
type IdentifierColumn = keyof typeof STOCK_CSV_IDENTIFIER_COLUMNS;
const IDENTIFIER_COLUMNS = Object.keys(STOCK_CSV_IDENTIFIER_COLUMNS) as IdentifierColumn[];

/** Other names spreadsheets use for a column. */
const COLUMN_ALIASES: Record<string, StockCsvColumn> = {
  type: 'kind',
  item_kind: 'kind',
  carrier_code: 'carrier',
  imei1: 'imei',
  imei_1: 'imei',
  imei_2: 'imei2',
  agent_code: 'agent',
  cost_usd: 'cost',
  received_on: 'received',
  received_date: 'received',
  date_received: 'received',
  po: 'purchase_order',
  po_number: 'purchase_order',
  purchase_order_number: 'purchase_order',
};

/** The header row of an empty file to fill in. */
export const STOCK_CSV_TEMPLATE = `${STOCK_CSV_COLUMNS.join(',')}\r\n`;

/** At most this many rows in one file: a bigger delivery is split into several files. */
export const STOCK_CSV_MAX_ROWS = 200_000;

const TEXT_LIMITS = { make: 80, model: 120, location: 80, agent: 40, purchase_order: 60 } as const;
const MAX_COST_CENTS = 10_000_000;

// -------------------------------------------------------------------------------------------------
// CSV text (RFC 4180): commas, double quotes around fields that hold commas, quotes or line breaks,
// CRLF or LF line ends, an optional byte order mark. Blank lines are skipped.

export type CsvRecord = { line: number; cells: string[] };
export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  // Slices between delimiters rather than a character at a time: a 10 MB file reads in tens of milliseconds.
  const delimiter = /[,\r\n]/g;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let cells: string[] = [];
  let recordLine = 1;
  while (i <= text.length) {
    let cell: string;
    const start = i;
    // Spaces before an opening quote are allowed; the quote then starts a quoted field.
    while (text[i] === ' ' || text[i] === '\t') i += 1;
    if (text[i] === '"') {
      const opened = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return { ok: false, line: opened, message: `Line ${opened}: a quoted field is never closed` };
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      line += countNewlines(value);
      cell = value;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, line, message: `Line ${line}: a closing quote must end the field (put a comma after it, or double a quote inside a quoted field)` };
      }
    } else {
      i = start;
      delimiter.lastIndex = i;
      const found = delimiter.exec(text);
      const end = found ? found.index : text.length;
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    const char = text[i];
    if (char === ',') {
      i += 1;
      continue;
    }
    // The end of a record: a line break or the end of the text. Blank lines are skipped.
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: recordLine, cells });
    cells = [];
    if (char === undefined) break;
    i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line += 1;
    recordLine = line;
  }
  return { ok: true, records };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Quotes a value for a CSV cell when it needs it. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// -------------------------------------------------------------------------------------------------
// The header row.

export type StockCsvHeader = { ok: true; columns: (StockCsvColumn | null)[] } | { ok: false; problems: { rule: string; message: string }[] };

export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s\-.]+/g, '_');
}

/** Which column each cell of the header names; unknown, repeated or missing columns refuse the file. */
export function readStockCsvHeader(cells: readonly string[]): StockCsvHeader {
  const problems: { rule: string; message: string }[] = [];
  const columns: (StockCsvColumn | null)[] = [];
  const seen = new Set<StockCsvColumn>();
  cells.forEach((cell, index) => {
    const name = normaliseColumnName(cell);
    if (name === '') {
      columns.push(null);
      return;
    }
    const column = (STOCK_CSV_COLUMNS as readonly string[]).includes(name) ? (name as StockCsvColumn) : COLUMN_ALIASES[name];
    if (!column) {
      problems.push({ rule: 'unknown_column', message: `Column ${index + 1} "${cell.trim()}" is not one LineDesk reads; the columns are ${STOCK_CSV_COLUMNS.join(', ')}` });
    } else if (seen.has(column)) {
      problems.push({ rule: 'repeated_column', message: `Column ${index + 1} "${cell.trim()}" repeats the ${column} column` });
    } else {
      seen.add(column);
    }
    columns.push(column ?? null);
  });
  for (const required of ['kind', 'carrier'] as const) {
    if (!seen.has(required)) problems.push({ rule: 'missing_column', message: `The header row has no ${required} column` });
  }
  if (!IDENTIFIER_COLUMNS.some((column) => seen.has(column))) {
    problems.push({ rule: 'missing_column', message: `The header row has no identifier column (${IDENTIFIER_COLUMNS.join(', ')})` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, columns };
}

// -------------------------------------------------------------------------------------------------
// One row.

/** A row as it will be stored; blank optional cells are null ("not stated"), `receivedOn` too. */
export type TStockRow = {
  kind: InventoryKind;
  carrierCode: string;
  /** Normalised, as stored; `displayOfStoredIdentifier` gives the grouped form for messages. */
  identifiers: TStockRowIdentifier[];
  make: string | null;
  model: string | null;
  location: string | null;
  agentCode: string | null;
  costCents: number | null;
  receivedOn: string | null;
  purchaseOrder: string | null;
};

export type TStockRowIdentifier = { kind: IdentifierKind; slot: IdentifierSlot; value: string };

export type StockRowProblem = { field: StockCsvColumn | 'identifiers'; rule: string; message: string };
export type StockRowResult = { ok: true; row: TStockRow } | { ok: false; problems: StockRowProblem[] };

const KIND_NAMES: Record<string, InventoryKind> = {
  device: 'DEVICE',
  handset: 'DEVICE',
  phone: 'DEVICE',
  sim: 'SIM',
  sim_card: 'SIM',
  esim: 'ESIM',
  esim_profile: 'ESIM',
};

/**
 * Spreadsheets from suppliers hold IMEIs and ICCIDs already in their stored form: for those the full
 * reading (labels, separators, every kind's rules) is skipped, which is most of a large import's work.
 * Anything else goes through `parseStockIdentifier`; both give the same value for these forms.
 */
function canonicalValue(raw: string, kind: IdentifierKind): string | null {
  if (kind === 'IMEI' && /^\d{15}$/.test(raw) && isLuhnValid(raw)) return raw;
  if (kind === 'ICCID' && /^89\d{17,18}$/.test(raw) && isLuhnValid(raw)) return raw;
  return null;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const orList = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));

function readKind(text: string): InventoryKind | null {
  const name = normaliseColumnName(text);
  return KIND_NAMES[name] ?? INVENTORY_KINDS.find((kind) => normaliseColumnName(kind) === name) ?? null;
}

/** "2026-11-02" or "11/2/2026" -> "2026-11-02"; null when it is not a real calendar date. */
export function readCalendarDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads and checks one data row: the kind, every identifier (its format and check digit, and that the
 * kind of item carries it), the cost, the date and the text lengths. Whether the carrier and agent exist
 * and whether the identifiers are in stock already is for the server to say.
 */
export function readStockCsvRow(cells: readonly string[], columns: readonly (StockCsvColumn | null)[], today: string): StockRowResult {
  const value = (column: StockCsvColumn) => {
    const index = columns.indexOf(column);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const problems: StockRowProblem[] = [];
  const fail = (field: StockRowProblem['field'], rule: string, message: string) => {
    problems.push({ field, rule, message });
  };

  const kindText = value('kind');
  const kind = readKind(kindText);
  if (!kindText) fail('kind', 'required', 'Say what the item is: Device, SIM or eSIM');
  else if (!kind) fail('kind', 'unknown_kind', `"${kindText}" is not a kind of item: use Device, SIM or eSIM`);

  const carrierCode = value('carrier').toUpperCase();
  if (!carrierCode) fail('carrier', 'required', "Give the carrier's code");

  const identifiers: TStockRowIdentifier[] = [];
  for (const column of IDENTIFIER_COLUMNS) {
    const raw = value(column);
    if (!raw) continue;
    const { kind: identifierKind, slot } = STOCK_CSV_IDENTIFIER_COLUMNS[column];
    if (kind && !ITEM_IDENTIFIER_KINDS[kind].includes(identifierKind)) {
      const carries = kind === 'DEVICE' ? 'a SIM or eSIM profile is a row of its own' : `${INVENTORY_KIND_NOUNS[kind]} carries its ${orList(ITEM_IDENTIFIER_KINDS[kind])}`;
      fail(column, 'not_for_kind', `${capitalise(INVENTORY_KIND_NOUNS[kind])} has no ${identifierKind}: ${carries}`);
      continue;
    }
    const canonical = canonicalValue(raw, identifierKind);
    const parsed = canonical === null ? parseStockIdentifier(raw, [identifierKind]) : null;
    if (parsed && !parsed.ok) {
      fail(column, parsed.rule, parsed.message);
      continue;
    }
    const normalised = canonical ?? (parsed?.ok ? parsed.value : null);
    if (normalised === null) continue;
    if (identifiers.some((other) => other.value === normalised)) {
      fail(column, 'repeated', `${raw} is also in another column of this row`);
      continue;
    }
    identifiers.push({ kind: identifierKind, slot, value: normalised });
  }
  if (value('imei2') && !value('imei')) fail('imei2', 'imei2_without_imei', 'A second IMEI needs the first one in the imei column');
  if (kind && identifiers.length === 0 && !problems.some((p) => p.field in STOCK_CSV_IDENTIFIER_COLUMNS)) {
    fail('identifiers', 'required', `${capitalise(INVENTORY_KIND_NOUNS[kind])} needs its ${orList(ITEM_IDENTIFIER_KINDS[kind])}`);
  }

  const text = (column: keyof typeof TEXT_LIMITS) => {
    const given = value(column);
    if (given.length > TEXT_LIMITS[column]) fail(column, 'too_long', `At most ${TEXT_LIMITS[column]} characters`);
    return given === '' ? null : given;
  };
  const make = text('make');
  const model = text('model');
  const location = text('location');
  const agentCode = text('agent')?.toUpperCase() ?? null;
  const purchaseOrder = text('purchase_order');

  const costText = value('cost').replace(/,/g, '');
  let costCents: number | null = null;
  if (costText) {
    costCents = parseDollarsToCents(costText);
    if (costCents === null) fail('cost', 'invalid_amount', `"${value('cost')}" is not an amount in dollars (e.g. 419.00)`);
    else if (costCents < 0) fail('cost', 'negative_amount', 'A cost cannot be negative');
    else if (costCents > MAX_COST_CENTS) fail('cost', 'amount_too_large', 'A cost above $100,000.00 is surely a typo');
  }

  const receivedText = value('received');
  const receivedOn = receivedText ? readCalendarDate(receivedText) : null;
  if (receivedText && !receivedOn) fail('received', 'invalid_date', `"${receivedText}" is not a date: use YYYY-MM-DD or MM/DD/YYYY`);
  else if (receivedOn && receivedOn > today) fail('received', 'future_date', 'Stock cannot be received in the future');

  if (problems.length || !kind) return { ok: false, problems };
  return { ok: true, row: { kind, carrierCode, identifiers, make, model, location, agentCode, costCents, receivedOn, purchaseOrder } };
}
