import { CARRIER_UNREACHABLE, type TFalloutPage, type TFalloutQuery, type TFalloutRow } from '@linedesk/domain';
import type { DbOrTx } from '../db/client.js';
import { listFalloutOrders } from '../modules/orders/use-cases/list-fallout-orders.js';
import type { OrderRow } from '../modules/orders/use-cases/get-order.js';
import type { SubmissionRow } from '../modules/provisioning/use-cases/create-submission.js';
import { findLatestSubmissions } from '../modules/provisioning/use-cases/find-latest-submissions.js';
import { readFalloutStuckMinutes } from '../modules/system/settings.js';
import { findOrderCustomers, orderListRow } from './order-list-row.js';

/**
 * Orders > Fallout: the orders the carrier refused (Error) and those waiting at the carrier (Sent, In
 * progress) longer than the stuck age (the query's, else the setting `falloutStuckMinutes`), each with
 * what went wrong in words, its error code and when it was last sent.
 */
export async function listFallout(options: { db: DbOrTx; query: TFalloutQuery; now?: Date }): Promise<TFalloutPage> {
  const { db, query } = options;
  const now = options.now ?? new Date();
  const stuckMinutes = query.stuckMinutes ?? (await readFalloutStuckMinutes(db));
  const { orders, total } = await listFalloutOrders({
    db,
    stuckBefore: new Date(now.getTime() - stuckMinutes * 60_000),
    carrierCode: query.carrierCode,
    limit: query.limit,
    offset: query.offset,
  });
  const customers = await findOrderCustomers(db, orders);
  const submissions = await findLatestSubmissions({ db, orderIds: orders.map((order) => order.id) });
  return {
    total,
    stuckMinutes,
    rows: orders.map((order): TFalloutRow => {
      const submission = submissions.get(order.id);
      return {
        ...orderListRow(order, customers),
        problem: problemOf(order, submission, now),
        errorCode: order.status === 'ERROR' ? (submission?.errorCode ?? null) : null,
        lastSentAt: submission?.createdAt.toISOString() ?? null,
      };
    }),
  };
}

function problemOf(order: OrderRow, submission: SubmissionRow | undefined, now: Date): string {
  const waiting = formatDuration(now.getTime() - order.updatedAt.getTime());
  if (order.status === 'SENT') return `Sent ${waiting} ago; ${order.carrierName} has not acknowledged it yet`;
  if (order.status === 'IN_PROGRESS') return `In progress at ${order.carrierName} for ${waiting}${submission?.requestId ? ` (request ${submission.requestId})` : ''}`;
  if (!submission?.errorCode) return `In Error for ${waiting}`;
  if (submission.errorCode === CARRIER_UNREACHABLE) return `Carrier unreachable: ${submission.errorText ?? ''}`.trim();
  return `Carrier rejected: ${submission.errorCode}${submission.errorText ? ` — ${submission.errorText}` : ''}`;
}

/** "45 min", "2 h 10 min", "3 d 4 h" */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
