import { z } from 'zod';
import { IDENTIFIER_KINDS } from '../catalog/catalog.constants.js';
import { ZIsoDate } from '../customers/customer-fields.js';
import { INVENTORY_STATUSES } from '../orders/state-machines.js';
import { INVENTORY_KINDS } from './inventory.constants.js';

/**
 * The Inventory menu's API contract (server and web). Routes under /api/inventory: items (list and
 * search, receive one, detail, edit, status), imports (CSV), tacs (the TAC table), choices.
 */

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalFilter = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());
const nullableText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), z.string().trim().max(max, { message: `At most ${max} characters` }).nullable());

/** Characters of an identifier a fragment search needs at least (after separators are dropped). */
export const STOCK_SEARCH_MIN_LENGTH = 3;
/** The list counts matches up to this many; beyond it says "more than". */
export const STOCK_COUNT_LIMIT = 10_000;

export const ZStockListQuery = z.object({
  /** A whole identifier as scanned (any form: labels, spaces, IMEISV), or a fragment of one. */
  q: optionalFilter(z.string().trim().max(120)),
  kind: optionalFilter(z.enum(INVENTORY_KINDS)),
  status: optionalFilter(z.enum(INVENTORY_STATUSES)),
  carrierCode: optionalFilter(z.string().trim().toUpperCase().max(40)),
  location: optionalFilter(z.string().trim().max(80)),
  /** Any part of the make or model, the item's own or its TAC's. */
  model: optionalFilter(z.string().trim().max(120)),
  purchaseOrder: optionalFilter(z.string().trim().max(60)),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TStockListQuery = z.infer<typeof ZStockListQuery>;

export const ZStockIdentifier = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  /** 2 for a dual-SIM device's second IMEI. */
  slot: z.number().int().min(1).max(2),
  /** "IMEI", "IMEI 2", "ICCID". */
  label: z.string(),
  value: z.string(),
  display: z.string(),
});
export type TStockIdentifier = z.infer<typeof ZStockIdentifier>;

/** Where the make and model shown come from: the item itself, or the TAC table for a device's IMEI. */
export const MODEL_SOURCES = ['ITEM', 'TAC'] as const;

export const ZStockItem = z.object({
  id: z.uuid(),
  kind: z.enum(INVENTORY_KINDS),
  status: z.enum(INVENTORY_STATUSES),
  carrierCode: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  modelSource: z.enum(MODEL_SOURCES).nullable(),
  location: z.string().nullable(),
  agentCode: z.string().nullable(),
  costCents: z.number().int().nullable(),
  receivedOn: z.string().nullable(),
  purchaseOrder: z.string().nullable(),
  identifiers: z.array(ZStockIdentifier),
  /** The order it is reserved on or active on. */
  orderId: z.uuid().nullable(),
  lineId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TStockItem = z.infer<typeof ZStockItem>;

export const ZStockPage = z.object({
  rows: z.array(ZStockItem),
  /** Matches counted, up to STOCK_COUNT_LIMIT. */
  total: z.number().int(),
  /** True when there are more matches than `total` says. */
  totalCapped: z.boolean(),
});
export type TStockPage = z.infer<typeof ZStockPage>;

export const ZStockHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  /** "Received", "Status changed", "Edited", "Reserved" … */
  action: z.string(),
  /** What changed, readable: "Available → Defective", "Location: Elm Street store → Riverside store". */
  summary: z.string(),
  reason: z.string().nullable(),
});
export type TStockHistoryEntry = z.infer<typeof ZStockHistoryEntry>;

export const ZStatusAction = z.object({ status: z.enum(INVENTORY_STATUSES), allowed: z.boolean(), reason: z.string().nullable() });

export const ZStockItemDetail = ZStockItem.extend({
  /** Every status the table reaches from here, each allowed by hand or not, with why. */
  statusActions: z.array(ZStatusAction),
  history: z.array(ZStockHistoryEntry),
});
export type TStockItemDetail = z.infer<typeof ZStockItemDetail>;

const ZCostCents = z.number().int().min(0, { message: 'A cost cannot be negative' }).max(10_000_000, { message: 'A cost above $100,000.00 is surely a typo' });

/** Receive one item (the Receive screen): its identifiers as scanned, in order (a second IMEI is slot 2). */
export const ZReceiveStockItem = z.object({
  kind: z.enum(INVENTORY_KINDS),
  carrierCode: z.string().trim().toUpperCase().min(1, { message: 'Choose the carrier' }).max(40),
  identifiers: z.array(z.string().trim().min(1).max(120)).min(1, { message: 'Scan or type an identifier' }).max(4),
  make: nullableText(80).default(null),
  model: nullableText(120).default(null),
  location: nullableText(80).default(null),
  agentCode: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value), z.string().max(40).nullable()).default(null),
  costCents: ZCostCents.nullable().default(null),
  /** Today when left out. */
  receivedOn: ZIsoDate.nullable().default(null),
  purchaseOrder: nullableText(60).default(null),
});
export type TReceiveStockItem = z.input<typeof ZReceiveStockItem>;

/** Edit what describes an item; a field left out is kept, null clears it. Identifiers, kind and carrier never change. */
export const ZUpdateStockItem = z
  .object({
    make: nullableText(80),
    model: nullableText(120),
    location: nullableText(80),
    agentCode: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value), z.string().max(40).nullable()),
    costCents: ZCostCents.nullable(),
    receivedOn: ZIsoDate.nullable(),
    purchaseOrder: nullableText(60),
  })
  .partial();
export type TUpdateStockItem = z.input<typeof ZUpdateStockItem>;

export const ZStockStatusChange = z.object({
  status: z.enum(INVENTORY_STATUSES),
  reason: z.string().trim().min(3, { message: 'Say why (at least 3 characters)' }).max(500),
});
export type TStockStatusChange = z.infer<typeof ZStockStatusChange>;

export const ZStockImportRequest = z.object({
  fileName: z.string().trim().min(1).max(200),
  csv: z.string().min(1, { message: 'The file is empty' }),
});

export const IMPORT_OUTCOMES = ['ACCEPTED', 'UNCHANGED', 'REFUSED'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = { ACCEPTED: 'Accepted', UNCHANGED: 'Already in stock', REFUSED: 'Refused' };

export const ZStockImportEntry = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** "IMEI 35 209900 176148 1", as far as the row could be read. */
  identifiers: z.array(z.string()),
  itemId: z.uuid().nullable(),
  /** Why a row was refused: the column, the rule and a sentence. */
  problems: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })),
});
export type TStockImportEntry = z.infer<typeof ZStockImportEntry>;

/** At most this many accepted or unchanged rows are listed one by one (every refused row is). */
export const IMPORT_REPORT_LISTED_ROWS = 1000;

export const ZStockImportReport = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  rows: z.number().int(),
  accepted: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  /** Every refused row, then accepted and unchanged rows up to IMPORT_REPORT_LISTED_ROWS, in file order. */
  entries: z.array(ZStockImportEntry),
  /** Accepted or unchanged rows counted but not listed. */
  entriesOmitted: z.number().int(),
});
export type TStockImportReport = z.infer<typeof ZStockImportReport>;

export const ZTac = z.object({
  tac: z.string(),
  make: z.string(),
  model: z.string(),
  updatedAt: z.string(),
});
export type TTac = z.infer<typeof ZTac>;

export const ZTacInput = z.object({
  tac: z.string().trim().regex(/^\d{8}$/, { message: 'A TAC is the first 8 digits of an IMEI' }),
  make: z.string().trim().min(1, { message: 'Enter the make' }).max(80),
  model: z.string().trim().min(1, { message: 'Enter the model' }).max(120),
});
export type TTacInput = z.input<typeof ZTacInput>;

export const ZTacListQuery = z.object({ q: optionalFilter(z.string().trim().max(120)) });

/** What the Inventory screens offer to choose from: carriers and agents from the catalog, locations in use. */
export const ZStockChoices = z.object({
  carriers: z.array(z.object({ code: z.string(), name: z.string() })),
  agents: z.array(z.object({ code: z.string(), name: z.string() })),
  locations: z.array(z.string()),
});
export type TStockChoices = z.infer<typeof ZStockChoices>;
