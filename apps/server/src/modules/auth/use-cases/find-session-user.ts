import type { TSessionInfo } from '@linedesk/domain';
import { and, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { toUser } from '../auth.mapper.js';
import { sessions, users } from '../auth.schema.js';

/** The session behind a cookie, if it is unexpired and its user still active. */
export async function findSessionUser(options: { db: DbOrTx; tokenHash: string }): Promise<TSessionInfo | null> {
  const [row] = await options.db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, options.tokenHash), gt(sessions.expiresAt, new Date()), eq(users.isActive, true)));
  return row ? { user: toUser(row.user), expiresAt: row.expiresAt.toISOString() } : null;
}
