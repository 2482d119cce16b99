import { namedStatement, type DbOrTx } from '../../../db/client.js';
import { key, phoneKey, uniqueKeys } from '../match-keys.js';

/**
 * Numbers the carrier gave the customer's lines become searchable as the account's MDNs (Customers >
 * Search, the duplicate check). A number already known is skipped.
 */
export async function addCustomerNumbers(db: DbOrTx, options: { customerId: string; numbers: string[] }): Promise<void> {
  await addCustomersNumbers(db, [options]);
}

/** `addCustomerNumbers` for several customers in one statement. */
export async function addCustomersNumbers(db: DbOrTx, entries: { customerId: string; numbers: string[] }[]): Promise<void> {
  const rows = entries.flatMap(({ customerId, numbers }) => uniqueKeys(numbers.map((number) => key('MDN', phoneKey(number)))).map((k) => ({ customerId, ...k })));
  if (rows.length === 0) return;
  await insertKeys(db, [rows.map((r) => r.customerId), rows.map((r) => r.kind), rows.map((r) => r.value)]);
}

// Every completed order: one statement text for any number of numbers, sent by name.
const insertKeys = namedStatement(
  'add_customer_numbers',
  `insert into customer_match_keys (kind, value, customer_id)
   select k.kind, k.value, k.customer_id from unnest($1::uuid[], $2::text[], $3::text[]) as k(customer_id, kind, value) on conflict do nothing`,
);
