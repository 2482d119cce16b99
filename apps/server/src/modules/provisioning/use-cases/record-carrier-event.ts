import { namedStatement, type DbOrTx } from '../../../db/client.js';

export type CarrierEventKey = { carrierCode: string; eventId: string };

/**
 * Notes carriers' callback events as taken, in one statement: answers those newly taken (`eventKeyOf`). One
 * already taken (a redelivery or a replay) is not: the caller acknowledges it and does nothing more. Call
 * it in the transaction that applies the events, so an event is taken exactly when its effect commits.
 */
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
