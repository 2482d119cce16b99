import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { lineProducts } from '../orders.schema.js';

/** A line's products as sold (its snapshot), for tests and the order page. */
export async function listLineProducts(options: { db: DbOrTx; lineId: string }) {
  return options.db.select().from(lineProducts).where(eq(lineProducts.lineId, options.lineId)).orderBy(asc(lineProducts.position));
}
