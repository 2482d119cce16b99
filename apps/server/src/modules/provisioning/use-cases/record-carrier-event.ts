import { sql } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { carrierEvents } from '../provisioning.schema.js';

/**
 * Notes a carrier's callback event as taken. Answers false when this carrier's event id was already
 * taken (a redelivery or a replay): the caller then acknowledges it and does nothing more. Call it in
 * the transaction that applies the event, so an event is taken exactly when its effect commits.
 */
export async function recordCarrierEvent(db: DbOrTx, event: { carrierCode: string; eventId: string }): Promise<boolean> {
  const rows = await insertEvent(db, event);
  return rows.length > 0;
}

// Every callback: built once, sent by name.
const insertEvent = namedQuery('record_carrier_event', (db) =>
  db
    .insert(carrierEvents)
    .values({ carrierCode: sql.placeholder('carrierCode'), eventId: sql.placeholder('eventId') })
    .onConflictDoNothing()
    .returning({ eventId: carrierEvents.eventId }),
);
