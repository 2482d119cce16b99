import type { DbOrTx } from '../../../db/client.js';
import { customerMatchKeys } from '../customers.schema.js';
import { key, phoneKey, uniqueKeys } from '../match-keys.js';

/**
 * Numbers the carrier gave the customer's lines become searchable as the account's MDNs (Customers >
 * Search, the duplicate check). A number already known is skipped.
 */
export async function addCustomerNumbers(db: DbOrTx, options: { customerId: string; numbers: string[] }): Promise<void> {
  const keys = uniqueKeys(options.numbers.map((number) => key('MDN', phoneKey(number))));
  if (keys.length === 0) return;
  await db
    .insert(customerMatchKeys)
    .values(keys.map((k) => ({ ...k, customerId: options.customerId })))
    .onConflictDoNothing();
}
