import { missingIdentifierGroups, type IdentifierKind, type TIdentifierRequirement, type TLineIdentifier, type TOrderLineProduct } from '@linedesk/domain';
import type { Db, DbOrTx } from '../db/client.js';
import { catalogReadCacheOf } from '../modules/catalog/catalog-read-cache.js';
import { findCarrierRules, type CarrierRules } from '../modules/catalog/use-cases/find-carrier-rules.js';
import { listCarrierRules } from '../modules/catalog/use-cases/list-carrier-rules.js';
import { getOrder, type LineRow, type OrderRow } from '../modules/orders/use-cases/get-order.js';

/** An order, its lines and its carrier's rules: what the order page, scans, unassigns and Cancel work from. */
export type OrderState = { order: OrderRow; lines: LineRow[]; carrier: CarrierRules | null };

/**
 * `carriers`: every carrier's rules already read (`cachedCarrierRules`), so only the order and its lines
 * are; `withProducts`: the lines' products too, by the same statement.
 */
export async function loadOrderState(options: {
  db: DbOrTx;
  orderId: string;
  lock?: boolean;
  carriers?: Map<string, CarrierRules>;
  withProducts?: boolean;
}): Promise<OrderState & { products?: Map<string, TOrderLineProduct[]> }> {
  const { order, lines, products } = await getOrder(options);
  const carrier = options.carriers ? (options.carriers.get(order.carrierCode) ?? null) : await findCarrierRules({ db: options.db, code: order.carrierCode });
  return { order, lines, carrier, ...(products ? { products } : {}) };
}

/**
 * Every carrier's rules from this process's catalog read cache (no query once read; a catalog change
 * empties it). Read before a transaction: on PGlite the pool is the transaction's one connection.
 */
export function cachedCarrierRules(db: Db): Promise<Map<string, CarrierRules>> {
  return catalogReadCacheOf(db).read('order-state:carrier-rules', () => listCarrierRules({ db }));
}

export function requirementOf(state: OrderState, line: Pick<LineRow, 'lineTypeCode'>): TIdentifierRequirement | undefined {
  return state.carrier?.identifierRequirements.find((r) => r.lineTypeCode === line.lineTypeCode);
}

/** The identifier kinds the carrier takes on this line's type (any kind of any group). */
export function kindsTakenBy(state: OrderState, line: Pick<LineRow, 'lineTypeCode'>): IdentifierKind[] {
  return [...new Set((requirementOf(state, line)?.requires ?? []).flat())];
}

/** What a line still lacks; a line that is no longer Pending (cancelled, in service) lacks nothing. */
export function missingOf(state: OrderState, line: Pick<LineRow, 'lineTypeCode' | 'status'>, identifiers: readonly TLineIdentifier[]): IdentifierKind[][] {
  if (line.status !== 'PENDING') return [];
  return missingIdentifierGroups(requirementOf(state, line), identifiers.map((i) => i.kind));
}

/** The lines whose inventory still counts: every line not cancelled. */
export function liveLines(state: OrderState): LineRow[] {
  return state.lines.filter((line) => line.status !== 'CANCELLED');
}
