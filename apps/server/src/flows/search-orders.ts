import { parseIdentifier, parseNanp, type TOrderQueuePage, type TOrderQueueQuery } from '@linedesk/domain';
import { readTogether, type DbOrTx } from '../db/client.js';
import { creatorIds, creatorName, findUsers } from '../modules/auth/use-cases/find-users.js';
import { findCustomerSummaries } from '../modules/customers/use-cases/find-customer-summaries.js';
import { findStockItems } from '../modules/inventory/use-cases/find-stock-items.js';
import { listOrders, type OrderSearch } from '../modules/orders/use-cases/list-orders.js';
import { findOrderCustomers, orderListRow } from './order-list-row.js';

const AGE_MS = { '1H': 3_600_000, '1D': 86_400_000, '3D': 3 * 86_400_000, '7D': 7 * 86_400_000 } as const;

/** Accounts a search fragment can match before the fragment is too vague to be useful. */
const MAX_ACCOUNTS = 500;

/**
 * The Orders queue: filtered by status, carrier and age (older than), and searched by order number or
 * account number (or a fragment of either), MDN or number being ported, or any device/SIM identifier
 * (on a line, or the stock item reserved for one).
 */
export async function searchOrders(options: { db: DbOrTx; query: TOrderQueueQuery; now?: Date }): Promise<TOrderQueuePage> {
  const { db, query } = options;
  const now = options.now ?? new Date();
  const search = query.q ? await resolveSearch(db, query.q) : undefined;
  const { entries, total } = await listOrders({
    db,
    status: query.status,
    carrierCode: query.carrierCode,
    createdBefore: query.olderThan ? new Date(now.getTime() - AGE_MS[query.olderThan]) : undefined,
    search,
    limit: query.limit,
    offset: query.offset,
  });
  const [customers, people] = await readTogether(db, [
    () => findOrderCustomers(db, entries.map((e) => e.order)),
    () => findUsers({ db, ids: creatorIds(entries.map((e) => e.order)) }),
  ]);
  return {
    total,
    rows: entries.map(({ order, lineCount, matchedOn }) => ({
      ...orderListRow(order, customers),
      lineCount,
      createdBy: creatorName(people, order),
      createdAt: order.createdAt.toISOString(),
      matchedOn: matchedOn ?? null,
    })),
  };
}

/** What the text can be: each kind is tried, and an order matching any of them is listed. */
async function resolveSearch(db: DbOrTx, q: string): Promise<OrderSearch> {
  const text = q.trim();
  const isCode = /^[A-Za-z0-9-]+$/.test(text);
  const phone = parseNanp(text);
  const identifier = parseIdentifier(text);
  // A scanned IMEI, MEID, ICCID or EID is far longer than any account number: not looked for among accounts.
  const isLongIdentifier = identifier.ok && identifier.kind !== 'ESN';
  const accounts = isCode && !isLongIdentifier ? await findCustomerSummaries({ db, accountNumberContains: text, limit: MAX_ACCOUNTS }) : [];
  const stock = identifier.ok ? await findStockItems({ db, values: [identifier.value] }) : [];
  return {
    orderNumber: isCode ? text : null,
    customerIds: accounts.map((a) => a.id),
    phoneDigits: phone.ok ? phone.digits : null,
    identifier: identifier.ok
      ? { value: identifier.value, label: `${identifier.kind} ${identifier.display}`, lineIds: stock.flatMap((item) => (item.lineId ? [item.lineId] : [])) }
      : null,
  };
}
