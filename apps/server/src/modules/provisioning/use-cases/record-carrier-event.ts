import { namedStatement, type DbOrTx } from '../../../db/client.js';

/**
 * Notes a carrier's callback event as taken. Answers false when this carrier's event id was already
 * taken (a redelivery or a replay): the caller then acknowledges it and does nothing more. Call it in
 * the transaction that applies the event, so an event is taken exactly when its effect commits.
 */
export async function recordCarrierEvent(db: DbOrTx, event: CarrierEventKey): Promise<boolean> {
  return (await recordCarrierEvents(db, [event])).has(eventKeyOf(event));
}

export type CarrierEventKey = { carrierCode: string; eventId: string };

/** `recordCarrierEvent` for several events in one statement: answers those newly taken (`eventKeyOf`). */
export async function recordCarrierEvents(db: DbOrTx, events: CarrierEventKey[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await insertEvents(db, [events.map((e) => e.carrierCode), events.map((e) => e.eventId)]);
  return new Set(rows.map(eventKeyOf));
}

export function eventKeyOf(event: CarrierEventKey): string {
  return `${event.carrierCode}\u0000${event.eventId}`;
}

// Every callback (or a batch of them): one statement text, sent by name.
const insertEvents = namedStatement<CarrierEventKey>(
  'record_carrier_events',
  `insert into carrier_events (carrier_code, event_id)
   select carrier_code, event_id from unnest($1::text[], $2::text[]) as e(carrier_code, event_id)
   on conflict do nothing
   returning carrier_code as "carrierCode", event_id as "eventId"`,
);
