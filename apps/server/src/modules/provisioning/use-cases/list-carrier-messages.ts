import type { TCarrierMessage } from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carrierMessages } from '../provisioning.schema.js';

/** Messages shown at most: far more than an order exchanges with its carrier. */
const MESSAGE_LIMIT = 2000;

/** An order's Carrier Messages: every request, response, callback and status check, oldest first, secrets already redacted. */
export async function listCarrierMessages(options: { db: DbOrTx; orderId: string }): Promise<TCarrierMessage[]> {
  const rows = await options.db
    .select()
    .from(carrierMessages)
    .where(eq(carrierMessages.orderId, options.orderId))
    .orderBy(asc(carrierMessages.at), asc(carrierMessages.id))
    .limit(MESSAGE_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    direction: row.direction,
    operation: row.operation,
    httpStatus: row.httpStatus,
    summary: row.summary,
    attempt: row.attempt,
    payload: row.payload ?? null,
  }));
}
