import { parseIdentifier, STOCK_COUNT_LIMIT, STOCK_SEARCH_MIN_LENGTH, type TStockListQuery, type TStockPage } from '@linedesk/domain';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { readTogether, selectRows, type DbOrTx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like-pattern.js';
import { AppError } from '../../../http/app-error.js';
import { inventoryIdentifiers, inventoryItems as items } from '../inventory.schema.js';
import { getStockItems } from './get-stock-items.js';

/**
 * Inventory > Items: newest first, filtered, paged. `q` is an identifier as scanned (matched whole, in
 * any of its written forms) or a fragment of one (through the trigram index on identifier values, so a
 * fragment search stays quick at a million items). The total is counted up to STOCK_COUNT_LIMIT.
 */
export async function listStockItems(options: { db: DbOrTx; query: TStockListQuery }): Promise<TStockPage> {
  const { db, query } = options;
  const conditions: SQL[] = [];
  if (query.q) conditions.push(await identifierCondition(db, query.q));
  if (query.kind) conditions.push(eq(items.kind, query.kind));
  if (query.status) conditions.push(eq(items.status, query.status));
  if (query.carrierCode) conditions.push(eq(items.carrierCode, query.carrierCode));
  if (query.location) conditions.push(eq(items.location, query.location));
  if (query.purchaseOrder) conditions.push(sql`lower(${items.purchaseOrder}) = lower(${query.purchaseOrder})`);
  if (query.model) conditions.push(modelCondition(query.model));
  const where = and(...conditions);

  const [page, counted] = await readTogether(db, [
    () =>
      db
        .select({ id: items.id })
        .from(items)
        .where(where)
        .orderBy(desc(items.createdAt), desc(items.id))
        .limit(query.limit)
        .offset(query.offset),
    () => db.select({ n: sql<number>`count(*)::int` }).from(db.select({ one: sql`1` }).from(items).where(where).limit(STOCK_COUNT_LIMIT + 1).as('matches')),
  ]);
  const count = counted[0]?.n ?? 0;
  const rows = await getStockItems({ db, ids: page.map((row) => row.id) });
  return { rows, total: Math.min(count, STOCK_COUNT_LIMIT), totalCapped: count > STOCK_COUNT_LIMIT };
}

const SCANNER_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
const LABEL = /^(?:IMEI\s*SV|IMEI\s*[12]?|MEID|P?ESN|ICCID|EID|SIM)\s*(?:NO\.?|#)?\s*[:#=]?\s*/i;

/**
 * Items holding the identifier as scanned (normalised as Receive stores it: found by primary key), or,
 * when no identifier is exactly that, every identifier containing the text as a fragment.
 */
async function identifierCondition(db: DbOrTx, q: string): Promise<SQL> {
  const parsed = parseIdentifier(q);
  const fragment = q.trim().replace(SCANNER_PREFIX, '').replace(LABEL, '').replace(/[\s\-\u2010-\u2015./]/g, '').replace(/^0x/i, '').toUpperCase();
  if (/[^0-9A-F]/.test(fragment)) {
    throw AppError.field('VALIDATION_FAILED', 'query.q', 'invalid_characters', 'Search by an identifier or part of one: digits, and for a MEID or ESN the letters A–F');
  }
  if (fragment.length < STOCK_SEARCH_MIN_LENGTH && !parsed.ok) {
    throw AppError.field('VALIDATION_FAILED', 'query.q', 'too_short', `Type at least ${STOCK_SEARCH_MIN_LENGTH} characters of an identifier`);
  }
  if (parsed.ok) {
    const [held] = await db.select({ itemId: inventoryIdentifiers.itemId }).from(inventoryIdentifiers).where(eq(inventoryIdentifiers.value, parsed.value));
    if (held) return eq(items.id, held.itemId);
  }
  // The items holding a match, up to the counting limit: a rare fragment then pages and counts from that
  // short list; a common one ("0000") pages through the newest items, which match soon enough.
  const pattern = containsPattern(fragment);
  // (Matching identifiers, not items, are capped: without DISTINCT the scan stops at the limit.)
  const matches = await selectRows<{ item_id: string }>(db, sql`select item_id from inventory_identifiers where value like ${pattern} limit ${STOCK_COUNT_LIMIT + 1}`);
  if (matches.length <= STOCK_COUNT_LIMIT) return sql`${items.id} = any(${sql.param([...new Set(matches.map((m) => m.item_id))])}::uuid[])`;
  return sql`${items.id} in (select item_id from inventory_identifiers where value like ${pattern})`;
}

/** The make or model contains the text: the item's own, or (for a device with neither) its IMEI's TAC entry. */
function modelCondition(text: string): SQL {
  const pattern = containsPattern(text);
  return sql`(concat_ws(' ', ${items.make}, ${items.model}) ilike ${pattern} or (${items.make} is null and ${items.model} is null and ${items.id} in (
    select x.item_id from inventory_identifiers x
    where x.kind = 'IMEI' and left(x.value, 8) in (select tac from inventory_tacs where concat_ws(' ', make, model) ilike ${pattern}))))`;
}
