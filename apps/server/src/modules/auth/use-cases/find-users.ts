import { eq, inArray, sql } from 'drizzle-orm';
import { namedQuery, type DbOrTx } from '../../../db/client.js';
import { users } from '../auth.schema.js';

const USER = { id: users.id, email: users.email, name: users.name, isActive: users.isActive };
// One user by id (who created an order, on every order page): built once, sent by name.
const findOne = namedQuery('find_user_by_id', (db) => db.select(USER).from(users).where(eq(users.id, sql.placeholder('id'))));

/** Ids and emails of the given users, for modules that refer to users without reading their table. */
export async function findUsers(options: {
  db: DbOrTx;
  ids?: string[];
  emails?: string[];
}): Promise<{ id: string; email: string; name: string; isActive: boolean }[]> {
  const { db, ids = [], emails = [] } = options;
  if (ids.length === 0 && emails.length === 0) return [];
  if (ids.length === 1) return findOne(db, { id: ids[0] });
  const where = ids.length ? inArray(users.id, ids) : inArray(users.email, emails.map((e) => e.toLowerCase()));
  return db.select(USER).from(users).where(where);
}

export type Creator = { createdBy: string | null; createdByLabel: string | null };

/** The user ids among records' creators (an API key's records have none), to look their names up once. */
export function creatorIds(records: readonly Creator[]): string[] {
  return [...new Set(records.flatMap((record) => (record.createdBy ? [record.createdBy] : [])))];
}

/** Who created a record, as a person reads it: the user's name, or the API key's label. */
export function creatorName(people: readonly { id: string; name: string }[], record: Creator): string {
  if (record.createdBy) return people.find((p) => p.id === record.createdBy)?.name ?? 'Unknown user';
  return record.createdByLabel ?? 'Unknown user';
}
