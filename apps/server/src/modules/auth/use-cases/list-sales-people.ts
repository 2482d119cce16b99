import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { users } from '../auth.schema.js';

/** Who can be a customer's Sales Person: active users who sell (agents and admins). */
export async function listSalesPeople(options: { db: DbOrTx }): Promise<{ id: string; name: string; email: string }[]> {
  return options.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.isActive, true), inArray(users.role, ['admin', 'agent'])))
    .orderBy(asc(users.name));
}
