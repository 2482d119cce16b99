import type { CustomerStatus } from '@linedesk/domain';
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type DbOrTx } from '../../../db/client.js';

export type CustomerPageFilters = {
  id?: string;
  /** The account's name exactly as shown. */
  displayName?: string;
  status?: CustomerStatus;
  /**
   * The party an integrator knows the customer as: the id it gave (TMF629 `engagedParty.id`), or, for an
   * account made in LineDesk, the account's own id.
   */
  engagedPartyId?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of accounts matching every filter given, newest first: their ids, and how many match in all. */
export async function listCustomersPage(options: {
  db: DbOrTx;
  offset: number;
  limit: number;
  filters: CustomerPageFilters;
}): Promise<{ ids: string[]; total: number }> {
  const { db, offset, limit, filters } = options;
  const where: SQL[] = [];
  if (filters.id !== undefined) where.push(sql`c.id = ${filters.id}::uuid`);
  if (filters.displayName !== undefined) where.push(sql`c.display_name = ${filters.displayName}`);
  if (filters.status !== undefined) where.push(sql`c.status = ${filters.status}`);
  if (filters.engagedPartyId !== undefined) {
    const party = filters.engagedPartyId;
    where.push(
      UUID.test(party)
        ? sql`(c.engaged_party_id = ${party} or (c.engaged_party_id is null and c.id = ${party.toLowerCase()}::uuid))`
        : sql`c.engaged_party_id = ${party}`,
    );
  }
  const condition = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const rows = await selectRows<{ id: string; total: number | string }>(
    db,
    sql`select c.id, count(*) over () as total from customers c ${condition}
        order by c.created_at desc, c.id desc offset ${offset} limit ${limit}`,
  );
  if (rows.length > 0 || offset === 0) return { ids: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
  // Past the last page: count alone.
  const [counted] = await selectRows<{ total: number | string }>(db, sql`select count(*) as total from customers c ${condition}`);
  return { ids: [], total: Number(counted?.total ?? 0) };
}
