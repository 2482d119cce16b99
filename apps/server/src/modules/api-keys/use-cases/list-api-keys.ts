import type { TApiKey } from '@linedesk/domain';
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import { toApiKey } from '../api-keys.mapper.js';
import { apiKeys } from '../api-keys.schema.js';

/** Every key, newest first, revoked and expired ones included: an admin sees what was ever handed out. */
export async function listApiKeys(options: { db: DbOrTx }): Promise<TApiKey[]> {
  const { db } = options;
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  const creatorIds = [...new Set(rows.flatMap((row) => (row.createdBy ? [row.createdBy] : [])))];
  const names = new Map((await findUsers({ db, ids: creatorIds })).map((user) => [user.id, user.name]));
  return rows.map((row) => toApiKey(row, row.createdBy ? names.get(row.createdBy) : undefined));
}
