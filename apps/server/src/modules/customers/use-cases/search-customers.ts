import { parseNanp, type AccountType, type TCustomerSearchResult } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { selectRows, type DbOrTx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like-pattern.js';

type Row = {
  id: string;
  account_number: string;
  display_name: string;
  customer_class: TCustomerSearchResult['customerClass'];
  status: TCustomerSearchResult['status'];
  created_at: Date | string;
  primary_phone: string | null;
  email: string | null;
  service_address: string | null;
  matched_on: string;
};

/**
 * Customers > Search: one box that finds an account by account number, name, phone, email, service
 * address or MDN. Exact keys (account number, phone, MDN, email) come first, then names and
 * addresses containing the text (trigram-indexed).
 */
export async function searchCustomers(options: { db: DbOrTx; q: string; limit: number; accountType?: AccountType }): Promise<TCustomerSearchResult[]> {
  const { db, q, limit, accountType } = options;
  const text = q.trim();
  const phone = parseNanp(text);
  const digits = phone.ok ? phone.digits : null;
  const pattern = containsPattern(text.toLowerCase());
  const rows = await selectRows<Row>(
    db,
    sql`with matches as (
        select id as customer_id, 1 as rank, 'Account number' as matched_on from customers where account_number = upper(${text})
        union all
        select customer_id, case kind when 'MDN' then 3 else 2 end, case kind when 'MDN' then 'MDN' else 'Phone' end from customer_match_keys
          where kind in ('PHONE', 'MDN') and value = ${digits ?? ''}
        union all
        select customer_id, 2, 'Email' from customer_match_keys where kind = 'EMAIL' and value = lower(${text})
        union all
        select id, 4, 'Name' from customers where lower(display_name) like ${pattern}
        union all
        select customer_id, 5, 'Service address' from customer_addresses where kind = 'SERVICE' and lower(line1) like ${pattern}
      ),
      best as (select distinct on (customer_id) customer_id, rank, matched_on from matches order by customer_id, rank)
      select c.id, c.account_number, c.display_name, c.customer_class, c.status, c.created_at, b.matched_on,
        coalesce(c.primary_phone, (select coalesce(ct.phone, ct.mobile) from customer_contacts ct where ct.customer_id = c.id order by ct.position limit 1)) as primary_phone,
        coalesce(c.bill_email, (select ct.email from customer_contacts ct where ct.customer_id = c.id order by ct.position limit 1)) as email,
        (select a.line1 || coalesce(' ' || a.line2, '') || ', ' || a.city || ', ' || a.state || ' ' || a.zip
           from customer_addresses a where a.customer_id = c.id and a.kind = 'SERVICE' limit 1) as service_address
      from best b join customers c on c.id = b.customer_id
      ${accountType ? sql`where c.account_type = ${accountType}` : sql``}
      order by b.rank, c.display_name
      limit ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    accountNumber: row.account_number,
    displayName: row.display_name,
    customerClass: row.customer_class,
    status: row.status,
    serviceAddress: row.service_address,
    primaryPhone: row.primary_phone,
    email: row.email,
    matchedOn: row.matched_on,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
