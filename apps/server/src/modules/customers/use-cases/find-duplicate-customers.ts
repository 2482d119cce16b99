import { scoreDuplicate, type DuplicateReason, type TDuplicateCandidate, type TDuplicateProbe } from '@linedesk/domain';
import { namedStatement, type DbOrTx } from '../../../db/client.js';
import { addressKey, emailKey, key, phoneKey, uniqueKeys, type MatchKind } from '../match-keys.js';

/** Trigram similarity above which two names count as "similar" (0–1; "Jon Smith" ~ "John Smith" is 0.6). */
const SIMILAR_NAME = 0.45;
const LIMIT = 10;

type Row = {
  id: string;
  account_number: string;
  display_name: string;
  status: TDuplicateCandidate['status'];
  created_at: Date | string;
  service_address: string | null;
  hits: string[];
  name_similarity: number | string | null;
};

/**
 * Existing customers that may be the one being signed up, each with the reasons it matched: one
 * indexed lookup of every typed phone, email, address, ZIP and SSN/Tax ID last 4, then trigram name
 * similarity for the ZIP and last-4 candidates, which alone prove nothing.
 */
export async function findDuplicateCustomers(options: { db: DbOrTx; probe: TDuplicateProbe }): Promise<TDuplicateCandidate[]> {
  const { db, probe } = options;
  const phones = probe.phones.map(phoneKey);
  const keys = uniqueKeys([
    ...phones.map((p) => key('PHONE', p)),
    ...phones.map((p) => key('MDN', p)),
    ...probe.emails.map((e) => key('EMAIL', emailKey(e))),
    probe.serviceAddress ? key('ADDRESS', addressKey(probe.serviceAddress)) : null,
    key('ZIP', probe.zip ?? probe.serviceAddress?.zip),
    key('TAXID4', probe.taxIdLast4),
  ]);
  if (keys.length === 0) return [];
  const names = [...new Set(probe.names.map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 2))];
  const rows = await selectCandidates(db, [keys.map((k) => k.kind), keys.map((k) => k.value), names]);
  return rows
    .map((row) => toCandidate(row))
    .filter((candidate): candidate is TDuplicateCandidate => candidate !== null)
    .sort((a, b) => b.score - a.score || a.accountNumber.localeCompare(b.accountNumber))
    .slice(0, LIMIT);
}

// One text for every probe (the keys and names come as arrays), so PostgreSQL plans it once per connection.
const selectCandidates = namedStatement<Row>(
  'find_duplicate_customers',
  `with probe(kind, value) as (select * from unnest($1::text[], $2::text[])),
    hits as (
      select k.customer_id, array_agg(distinct k.kind || ':' || k.value) as hits, bool_or(k.kind not in ('ZIP', 'TAXID4')) as strong
      from customer_match_keys k join probe p on p.kind = k.kind and p.value = k.value
      group by k.customer_id
    )
    select c.id, c.account_number, c.display_name, c.status, c.created_at, h.hits, s.name_similarity,
      (select a.line1 || coalesce(' ' || a.line2, '') || ', ' || a.city || ', ' || a.state || ' ' || a.zip
         from customer_addresses a where a.customer_id = c.id and a.kind = 'SERVICE' limit 1) as service_address
    from hits h join customers c on c.id = h.customer_id
      cross join lateral (select coalesce(max(similarity(lower(c.display_name), n)), 0) as name_similarity from unnest($3::text[]) as n) s
    where h.strong or s.name_similarity >= ${SIMILAR_NAME}::real`,
);

function toCandidate(row: Row): TDuplicateCandidate | null {
  const nameSimilarity = Number(row.name_similarity ?? 0);
  const similarName = nameSimilarity >= SIMILAR_NAME;
  const reasons: TDuplicateCandidate['reasons'] = [];
  const add = (reason: DuplicateReason, detail: string) => {
    if (!reasons.some((r) => r.reason === reason)) reasons.push({ reason, detail });
  };
  for (const hit of row.hits) {
    const [kind, value] = hit.split(/:(.*)/s) as [MatchKind, string];
    if (kind === 'PHONE' || kind === 'MDN') add('SAME_PHONE', formatPhone(value));
    if (kind === 'EMAIL') add('SAME_EMAIL', value);
    if (kind === 'ADDRESS') add('SAME_SERVICE_ADDRESS', value.split('|').filter(Boolean).slice(0, -1).join(' '));
    if (kind === 'ZIP' && similarName) add('SIMILAR_NAME_SAME_ZIP', `${row.display_name} at ${value}`);
    if (kind === 'TAXID4' && similarName) add('SAME_TAX_ID_SIMILAR_NAME', `last 4 ${value}, ${row.display_name}`);
  }
  if (reasons.length === 0) return null;
  const { level, score } = scoreDuplicate(reasons.map((r) => r.reason));
  return {
    customerId: row.id,
    accountNumber: row.account_number,
    displayName: row.display_name,
    status: row.status,
    serviceAddress: row.service_address,
    createdAt: new Date(row.created_at).toISOString(),
    reasons,
    level,
    score,
  };
}

const formatPhone = (digits: string) => `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
