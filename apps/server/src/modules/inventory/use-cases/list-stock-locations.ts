import { sql } from 'drizzle-orm';
import { selectRows, type DbOrTx } from '../../../db/client.js';

/**
 * The locations stock is kept at, alphabetically. Read by skipping from one distinct value to the next
 * through the location index, so a million items cost a lookup per location, not a scan.
 */
export async function listStockLocations(options: { db: DbOrTx }): Promise<string[]> {
  const rows = await selectRows<{ location: string }>(
    options.db,
    sql`with recursive found(location) as (
          (select location from inventory_items where location is not null order by location limit 1)
          union all
          select (select i.location from inventory_items i where i.location > found.location order by i.location limit 1)
          from found where found.location is not null)
        select location from found where location is not null`,
  );
  return rows.map((row) => row.location);
}
