import { namedStatement, type DbOrTx } from '../../../db/client.js';
import { key, phoneKey, uniqueKeys } from '../match-keys.js';

/**
 * Numbers the carrier gave the customer's lines become searchable as the account's MDNs (Customers >
 * Search, the duplicate check). A number already known is skipped.
 */
export async function addCustomerNumbers(db: DbOrTx, options: { customerId: string; numbers: string[] }): Promise<void> {
  const keys = uniqueKeys(options.numbers.map((number) => key('MDN', phoneKey(number))));
  if (keys.length === 0) return;
  await insertKeys(db, [options.customerId, keys.map((k) => k.kind), keys.map((k) => k.value)]);
}

// Every completed order: one statement text for any number of numbers, sent by name.
const insertKeys = namedStatement(
  'add_customer_numbers',
  `insert into customer_match_keys (kind, value, customer_id)
   select k.kind, k.value, $1::uuid from unnest($2::text[], $3::text[]) as k(kind, value) on conflict do nothing`,
);
