import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { users } from '../auth.schema.js';

/** Ids and emails of the given users, for modules that refer to users without reading their table. */
export async function findUsers(options: {
  db: DbOrTx;
  ids?: string[];
  emails?: string[];
}): Promise<{ id: string; email: string; name: string; isActive: boolean }[]> {
  const { db, ids = [], emails = [] } = options;
  if (ids.length === 0 && emails.length === 0) return [];
  const where = ids.length ? inArray(users.id, ids) : inArray(users.email, emails.map((e) => e.toLowerCase()));
  return db.select({ id: users.id, email: users.email, name: users.name, isActive: users.isActive }).from(users).where(where);
}
