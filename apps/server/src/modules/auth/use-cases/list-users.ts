import type { TUser, TUserListQuery } from '@linedesk/domain';
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like-pattern.js';
import { toUser } from '../auth.mapper.js';
import { users } from '../auth.schema.js';

export async function listUsers(options: { db: DbOrTx; query: TUserListQuery }): Promise<TUser[]> {
  const { db, query } = options;
  const conditions: SQL[] = [];
  if (query.search) {
    const pattern = containsPattern(query.search);
    const matches = or(ilike(users.email, pattern), ilike(users.name, pattern));
    if (matches) conditions.push(matches);
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.status !== 'all') conditions.push(eq(users.isActive, query.status === 'active'));
  const rows = await db.select().from(users).where(and(...conditions)).orderBy(asc(users.name), asc(users.email));
  return rows.map(toUser);
}
