import type { TUser } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { toUser } from '../auth.mapper.js';
import { users } from '../auth.schema.js';

export async function getUser(options: { db: DbOrTx; id: string }): Promise<TUser> {
  const [row] = await options.db.select().from(users).where(eq(users.id, options.id));
  if (!row) throw new AppError('NOT_FOUND', `No user with id ${options.id}`);
  return toUser(row);
}
