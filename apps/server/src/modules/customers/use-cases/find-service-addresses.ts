import type { TAddress } from '@linedesk/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { customerAddresses } from '../customers.schema.js';

/** The service address of each customer (where its lines are used), by customer id; customers without one are left out. */
export async function findServiceAddresses(options: { db: DbOrTx; customerIds: readonly string[] }): Promise<Map<string, TAddress>> {
  const { db, customerIds } = options;
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(customerAddresses)
    .where(and(inArray(customerAddresses.customerId, [...new Set(customerIds)]), eq(customerAddresses.kind, 'SERVICE')));
  return new Map(
    rows.map((row): [string, TAddress] => [row.customerId, { line1: row.line1, line2: row.line2, city: row.city, state: row.state as TAddress['state'], zip: row.zip, zip4: row.zip4 }]),
  );
}
