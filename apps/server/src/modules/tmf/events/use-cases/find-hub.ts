import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/client.js';
import { tmfHubs, type TmfHubRow } from '../tmf-hubs.schema.js';

/** A hub by id, or null once it is deleted. */
export async function findHub(db: DbOrTx, id: string): Promise<TmfHubRow | null> {
  const [row] = await db.select().from(tmfHubs).where(eq(tmfHubs.id, id));
  return row ?? null;
}

/** Every hub subscribed to one of these APIs, oldest first. */
export async function listHubs(db: DbOrTx, apis: readonly string[]): Promise<TmfHubRow[]> {
  if (apis.length === 0) return [];
  return db.select().from(tmfHubs).where(inArray(tmfHubs.api, [...apis])).orderBy(tmfHubs.createdAt, tmfHubs.id);
}
