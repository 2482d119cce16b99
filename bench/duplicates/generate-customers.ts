// Generates N realistic US customers SQL-side (generate_series), with their contacts, addresses and
// match keys written exactly as `createCustomer` writes them, into a migrated LineDesk database.
// Every value (but the creation time, counted back from now) is a pure function of the customer's
// number (hashint8extended), so PGlite and PostgreSQL get the same customers. A run that fails half
// way leaves the four tables without their constraints and indexes: start from a new database.
import { addressKey, emailKey, key, phoneKey, uniqueKeys } from '../../apps/server/src/modules/customers/match-keys.js';
import type { Database } from '../../apps/server/src/db/client.js';
import { normalizeStreetLine, parseNanp } from '@linedesk/domain';
import zipcodes from 'zipcodes';
import {
  AREA_CODES,
  COMPANY_FORMS,
  COMPANY_KINDS,
  DIRECTIONALS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  MIDDLE_NAMES,
  STREET_NAMES,
  STREET_SUFFIXES,
  SURNAME_HEADS,
  SURNAME_TAILS,
  UNIT_WORDS,
} from './us-people.js';

export type GenerateOptions = {
  customers: number;
  /** How many distinct ZIP codes the customers live in (weighted: a few busy ZIPs, a long tail). */
  zips: number;
  /** The user recorded as creator and sales person. */
  userId: string;
  log?: (line: string) => void;
};

export type GenerateReport = {
  customers: number;
  contacts: number;
  addresses: number;
  matchKeys: number;
  matchKeysByKind: Record<string, number>;
  customersPerZip: { median: number; p99: number; max: number };
  customersPerTaxId4: { median: number; max: number };
  seconds: { generate: number; indexes: number; analyze: number; total: number };
};

/** Runs SQL on one connection, so session settings (maintenance_work_mem) stick. */
type Session = { query<T>(text: string): Promise<T[]>; release(): Promise<void> };

async function openSession(database: Database): Promise<Session> {
  if (database.engine.kind === 'pglite') {
    const client = database.engine.client;
    return {
      query: async <T>(text: string) => {
        const results = await client.exec(text);
        return (results.at(-1)?.rows ?? []) as T[];
      },
      release: async () => undefined,
    };
  }
  const connection = await database.engine.pool.connect();
  return {
    query: async <T>(text: string) => {
      const result = (await connection.query(text)) as unknown as { rows?: T[] } | { rows?: T[] }[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return (last?.rows ?? []) as T[];
    },
    release: async () => connection.release(),
  };
}

const TABLES = ['customers', 'customer_contacts', 'customer_addresses', 'customer_match_keys'];
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(quote).join(',')}]::text[]`;
const intArray = (values: readonly number[]) => `array[${values.join(',')}]::int[]`;

/** A seeded PRNG (mulberry32), so the ZIPs chosen and their weights are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real US ZIPs (city, state) from the `zipcodes` data set, each with a lognormal weight. */
export function chooseZips(count: number): { zip: string; city: string; state: string; weight: number }[] {
  const rand = random(20261126);
  const all = Object.values(zipcodes.codes)
    .filter((z) => z.country === 'US' && /^\d{5}$/.test(String(z.zip)) && /^[A-Z]{2}$/.test(z.state) && !['AA', 'AE', 'AP'].includes(z.state))
    .sort((a, b) => String(a.zip).localeCompare(String(b.zip)));
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  // sigma 0.8: the busiest ZIP has about 13x the mean, as US ZIP populations do.
  return all.slice(0, count).map((z) => ({ zip: String(z.zip), city: z.city, state: z.state, weight: Math.exp(0.8 * Math.min(3.5, gaussian())) }));
}

/** Street lines as typed, with their USPS-normalised form computed by the app's own normaliser. */
function streetVariants(): { typed: string[]; key: string[] } {
  const typed: string[] = [];
  const rand = random(7);
  for (const name of STREET_NAMES) {
    for (let v = 0; v < 40; v += 1) {
      const suffix = STREET_SUFFIXES[Math.floor(rand() * STREET_SUFFIXES.length)]!;
      const direction = rand() < 0.15 ? `${DIRECTIONALS[Math.floor(rand() * DIRECTIONALS.length)]} ` : '';
      typed.push(`${direction}${name} ${suffix}`);
    }
  }
  const unique = [...new Set(typed)];
  // The house number is prepended SQL-side; the key of "1 <street>" minus its "1 " is the street's key.
  return { typed: unique, key: unique.map((line) => normalizeStreetLine(`1 ${line}`).replace(/^1 /, '')) };
}

function unitVariants(): { typed: string[]; key: string[] } {
  const typed: string[] = [];
  for (const word of UNIT_WORDS) {
    for (const id of ['1', '2', '3', '4', '5', '6', '8', '10', '12', '14', '101', '102', '204', '210', '305', '1A', '2B', '3C', '4D', 'A', 'B', 'C', '12F', '1420']) {
      typed.push(word === '#' ? `# ${id}` : `${word} ${id}`);
    }
  }
  return { typed, key: typed.map((line) => normalizeStreetLine(line)) };
}

/** Generate and load the customers; the database must be migrated and hold no customers yet. */
export async function generateCustomers(database: Database, options: GenerateOptions): Promise<GenerateReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const session = await openSession(database);
  try {
    const [existing] = await session.query<{ n: number }>('select count(*)::int as n from customers');
    if (Number(existing?.n) !== 0) throw new Error('generateCustomers needs a database without customers');
    const zips = chooseZips(options.zips);
    const totalWeight = zips.reduce((sum, z) => sum + z.weight, 0);
    // 65,536 slots shared out by weight: a customer's ZIP is the ZIP of a hashed slot.
    const slots: number[] = [];
    zips.forEach((z, index) => {
      const share = Math.max(1, Math.round((z.weight / totalWeight) * 65536));
      for (let s = 0; s < share; s += 1) slots.push(index + 1);
    });
    const streets = streetVariants();
    const units = unitVariants();
    const areaCodes = AREA_CODES.filter((npa) => parseNanp(`${npa}2345678`).ok);

    await session.query(`
      drop schema if exists bench_gen cascade;
      create schema bench_gen;
      -- r(i, k): a uniform number in [0, 1) for customer i and stream k, the same on every engine and run.
      create function bench_gen.r(i bigint, k int) returns float8 language sql immutable parallel safe
        as $$ select ((hashint8extended(i, k) >> 11) & 4503599627370495)::float8 / 4503599627370496::float8 $$;
      create table bench_gen.zip (n int primary key, zip text not null, city text not null, state text not null);
      create table bench_gen.zip_slot (slot int primary key, zip_n int not null);
      create table bench_gen.street (n int primary key, typed text not null, key text not null);
      create table bench_gen.unit (n int primary key, typed text not null, key text not null);
      insert into bench_gen.zip select n, zip, city, state from unnest(${textArray(zips.map((z) => z.zip))}, ${textArray(zips.map((z) => z.city))}, ${textArray(zips.map((z) => z.state))}) with ordinality as t(zip, city, state, n);
      insert into bench_gen.zip_slot select slot - 1, zip_n from unnest(${intArray(slots)}) with ordinality as t(zip_n, slot);
      insert into bench_gen.street select n - 1, typed, key from unnest(${textArray(streets.typed)}, ${textArray(streets.key)}) with ordinality as t(typed, key, n);
      insert into bench_gen.unit select n - 1, typed, key from unnest(${textArray(units.typed)}, ${textArray(units.key)}) with ordinality as t(typed, key, n);
      analyze bench_gen.zip, bench_gen.zip_slot, bench_gen.street, bench_gen.unit;
    `);
    log(`lists ready (${zips.length} ZIPs, ${streets.typed.length} streets, ${slots.length} ZIP slots)`);

    const n = options.customers;
    const r = (on: string, stream: number) => `bench_gen.r(${on}, ${stream})`;
    /** An element of a constant list, at u in [0, 1) (skew > 1 favours the top of the list). */
    const pick = (values: readonly string[], u: string, skew = 1) =>
      `(${textArray(values)})[1 + floor(${skew === 1 ? u : `power(${u}, ${skew})`} * ${values.length})::int]`;
    /** Ten NANP digits: a real area code, an exchange 200-999 that is not N11 or 555, any line number. */
    const phone = (on: string, stream: number) => {
      const exchange = `(200 + floor(${r(on, stream + 1)} * 800)::int)`;
      return `(${intArray(areaCodes)})[1 + floor(${r(on, stream)} * ${areaCodes.length})::int]::text
        || (${exchange} + case when ${exchange} % 100 = 11 or ${exchange} = 555 then 1 else 0 end)::text
        || lpad(floor(${r(on, stream + 2)} * 10000)::int::text, 4, '0')`;
    };
    const email = (first: string, on: string, stream: number) =>
      `lower(replace(${first}, '-', '')) || (array['.', '', '_', '.'])[1 + floor(${r(on, stream)} * 4)::int] || lower(last_name)
        || (1 + floor(${r(on, stream + 1)} * 9999)::int)::text || '@' || ${pick(EMAIL_DOMAINS, r(on, stream + 2))}`;
    // One row per customer with every attribute; household members (6%) share the previous
    // customer's address (a = i - 1), and most of them its surname too (s).
    await session.query(`
      create unlogged table bench_gen.people as
      with base as (
        select i,
          case when i > 1 and ${r('i', 8)} < 0.06 then i - 1 else i end as a,
          case when i > 1 and ${r('i', 8)} < 0.06 and ${r('i', 9)} < 0.6 then i - 1 else i end as s
        from generate_series(1, ${n}) i
      ), drawn as (
        select b.i, b.a,
          ${r('b.i', 1)} < 0.05 as business,
          ${pick(FIRST_NAMES, r('b.i', 2), 1.6)} as first_name,
          case when ${r('b.i', 3)} < 0.12 then ${pick(MIDDLE_NAMES, r('b.i', 4))}
               when ${r('b.i', 3)} < 0.30 then chr(65 + floor(${r('b.i', 4)} * 26)::int) end as middle_name,
          case when ${r('b.s', 5)} < 0.75 then ${pick(LAST_NAMES, r('b.s', 6), 1.7)}
               else ${pick(SURNAME_HEADS, r('b.s', 6))} || ${pick(SURNAME_TAILS, r('b.s', 7))} end as last_name,
          case when ${r('b.i', 10)} < 0.012 then 'JR' when ${r('b.i', 10)} < 0.018 then 'SR' when ${r('b.i', 10)} < 0.02 then 'III' end as suffix,
          floor(${r('b.a', 11)} * ${slots.length})::int as zip_slot,
          (1 + floor(power(${r('b.a', 12)}, 1.4) * 19999)::int)::text as house,
          floor(${r('b.a', 13)} * ${streets.typed.length})::int as street_n,
          case when ${r('b.a', 14)} < 0.22 then floor(${r('b.a', 15)} * ${units.typed.length})::int end as unit_n
        from base b
      ), placed as (
        select d.*, z.zip, z.city, z.state, d.house || ' ' || st.typed as line1, u.typed as line2,
          d.house || ' ' || st.key || '|' || coalesce(u.key, '') || '|' || z.zip as address_key
        from drawn d
        join bench_gen.zip_slot zs on zs.slot = d.zip_slot
        join bench_gen.zip z on z.n = zs.zip_n
        join bench_gen.street st on st.n = d.street_n
        left join bench_gen.unit u on u.n = d.unit_n
      )
      select i, business, first_name, middle_name, last_name, suffix,
        case when business then last_name || ' ' || ${pick(COMPANY_KINDS, r('i', 16))} || ' ' || ${pick(COMPANY_FORMS, r('i', 17))} end as company_name,
        line1, line2, address_key, city, state, zip,
        case when ${r('i', 18)} < 0.3 then lpad(floor(${r('i', 19)} * 10000)::int::text, 4, '0') end as zip4,
        case when ${r('i', 20)} < 0.9 then ${phone('i', 21)} end as phone,
        case when ${r('i', 24)} < 0.55 then ${phone('i', 25)} end as mobile,
        case when ${r('i', 28)} < 0.85 then ${email('first_name', 'i', 29)} end as email,
        ${r('i', 32)} < 0.4 as sms_opt_in,
        ${r('i', 33)} < 0.15 as has_second,
        ${pick(FIRST_NAMES, r('i', 34))} as second_first,
        case when ${r('i', 35)} < 0.85 then ${phone('i', 36)} end as second_phone,
        case when ${r('i', 39)} < 0.5 then ${email(pick(FIRST_NAMES, r('i', 34)), 'i', 40)} end as second_email,
        ${r('i', 43)} < 0.3 as primary_phone_set,
        case when ${r('i', 44)} < 0.6 then 'EMAIL' when ${r('i', 44)} < 0.85 then 'PRINT' when ${r('i', 44)} < 0.95 then 'BOTH' else 'NONE' end as bill_method,
        case when business or ${r('i', 45)} < 0.92 then lpad((1 + floor(${r('i', 46)} * 9999)::int)::text, 4, '0') end as last4,
        ${r('i', 47)} < 0.35 as ports_phone,
        case when ${r('i', 48)} < 0.1 then ${phone('i', 49)} end as ported_extra,
        case when ${r('i', 52)} < 0.85 then 'OPEN' when ${r('i', 52)} < 0.9 then 'PENDING' else 'CLOSED' end as status,
        now() - make_interval(secs => ${r('i', 53)} * 5 * 365 * 86400) as created_at,
        case when not business and ${r('i', 54)} < 0.8 then date '1940-01-01' + floor(${r('i', 55)} * 24000)::int end as date_of_birth,
        case when ${r('i', 56)} < 0.85 then 'en' when ${r('i', 56)} < 0.97 then 'es' else 'vi' end as language,
        ${r('i', 57)} < 0.05 as separate_billing,
        (case when ${r('i', 58)} < 0.7 then 'NON_PUBLISHED' when ${r('i', 58)} < 0.9 then 'UNLISTED' else 'LISTED' end)::listing_type as listing_type
      from placed;
    `);
    log(`people: ${Math.round((performance.now() - started) / 1000)} s`);

    // Bulk load: foreign keys, constraints and indexes of the four tables are dropped, the rows
    // inserted, and everything rebuilt from its own catalog definition (checked identical after).
    const tableList = TABLES.map((t) => `'${t}'::regclass`).join(', ');
    const constraints = await session.query<{ name: string; table: string; def: string; type: string }>(`
      select conname as name, conrelid::regclass::text as table, pg_get_constraintdef(oid) as def, contype as type
      from pg_constraint where contype in ('p', 'u', 'f') and (conrelid in (${tableList}) or confrelid in (${tableList}))
      order by conname`);
    const indexes = await session.query<{ name: string; def: string }>(`
      select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def
      from pg_index i where indrelid in (${tableList}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u'))
      order by 1`);
    const schemaFingerprint = async () =>
      JSON.stringify(
        await session.query(`
          select pg_get_indexdef(indexrelid) as def from pg_index where indrelid in (${tableList})
          union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid in (${tableList}) or confrelid in (${tableList})
          order by 1`),
      );
    const before = await schemaFingerprint();
    const foreignKeys = constraints.filter((c) => c.type === 'f');
    const keys = constraints.filter((c) => c.type !== 'f');
    await session.query(
      [
        ...foreignKeys.map((c) => `alter table ${c.table} drop constraint ${c.name};`),
        ...keys.map((c) => `alter table ${c.table} drop constraint ${c.name};`),
        ...indexes.map((i) => `drop index ${i.name};`),
      ].join('\n'),
    );

    const sealed = (stream: number) => `'v1:' || left(md5(i::text || '${stream}'), 16) || ':' || left(md5(i::text || 't${stream}'), 22) || ':' || left(md5(i::text || 'b${stream}'), 12)`;
    const id = `md5('customer-' || i)::uuid`;
    await session.query(`
      insert into customers (id, account_number, status, customer_class, display_name, first_name, middle_name, last_name, suffix, company_name,
        carrier_code, bill_profile_code, bill_method, bill_email, sales_person_user_id, security_pin_sealed, language, account_type,
        primary_phone, ssn_sealed, ssn_last4, tax_id_sealed, tax_id_last4, date_of_birth, created_by, created_at, updated_at)
      select ${id}, 'ACC-' || (100000 + i), status::customer_status, case when business then 'BUSINESS' else 'RESIDENTIAL' end::customer_class,
        case when business then company_name else concat_ws(' ', first_name, middle_name, last_name, suffix) end,
        case when business then null else first_name end, case when business then null else middle_name end,
        case when business then null else last_name end, case when business then null else suffix end, company_name,
        (array['NWM', 'BSW', 'PCC'])[1 + i % 3], case when business then 'BUS-STD' else 'RES-STD' end, bill_method::bill_method,
        case when bill_method in ('EMAIL', 'BOTH') then email end, '${options.userId}', ${sealed(1)}, language, 'STANDARD',
        case when primary_phone_set then coalesce(phone, mobile) end,
        case when not business and last4 is not null then ${sealed(2)} end, case when not business then last4 end,
        case when business then ${sealed(3)} end, case when business then last4 end,
        date_of_birth, '${options.userId}', created_at, created_at
      from bench_gen.people;
      select setval('customer_account_number_seq', 100000 + ${n});
    `);
    log(`customers: ${Math.round((performance.now() - started) / 1000)} s`);
    await session.query(`
      insert into customer_contacts (customer_id, position, contact_type, first_name, last_name, phone, mobile, sms_opt_in, email, is_primary)
      select ${id}, 0, 'PRIMARY'::contact_type, first_name, last_name, phone, mobile, sms_opt_in, case when phone is null and mobile is null then coalesce(email, lower(first_name) || i || '@example.com') else email end, true
      from bench_gen.people
      union all
      select ${id}, 1, (case when business then 'BILLING' else 'AUTHORIZED_USER' end)::contact_type, second_first, last_name, second_phone, null, false,
        case when second_phone is null then coalesce(second_email, lower(second_first) || i || '@example.org') else second_email end, false
      from bench_gen.people where has_second;
    `);
    log(`contacts: ${Math.round((performance.now() - started) / 1000)} s`);
    await session.query(`
      insert into customer_addresses (customer_id, kind, line1, line2, city, state, zip, zip4, listing_type, listed_name)
      select ${id}, 'SERVICE'::address_kind, line1, line2, city, state, zip, zip4, null::listing_type, null from bench_gen.people
      union all
      select ${id}, 'BILLING'::address_kind, case when separate_billing then 'PO Box ' || (100 + i % 9000) else line1 end, case when separate_billing then null else line2 end,
        city, state, zip, case when separate_billing then null else zip4 end, null, null from bench_gen.people
      union all
      select ${id}, 'LISTING'::address_kind, line1, line2, city, state, zip, zip4, listing_type,
        case when listing_type = 'LISTED' then concat_ws(' ', first_name, last_name) end from bench_gen.people;
    `);
    log(`addresses: ${Math.round((performance.now() - started) / 1000)} s`);
    // The keys createCustomer derives: contacts' phones, mobiles and emails, the primary phone, the
    // bill email, the service address, its ZIP, SSN/Tax ID last 4 and the numbers being ported in.
    await session.query(`
      insert into customer_match_keys (kind, value, customer_id)
      select distinct kind, value, ${id} from (
        select i, 'PHONE' as kind, phone as value from bench_gen.people
        union all select i, 'PHONE', mobile from bench_gen.people
        union all select i, 'EMAIL', case when phone is null and mobile is null then coalesce(email, lower(first_name) || i || '@example.com') else email end from bench_gen.people
        union all select i, 'PHONE', second_phone from bench_gen.people where has_second
        union all select i, 'EMAIL', case when second_phone is null then coalesce(second_email, lower(second_first) || i || '@example.org') else second_email end from bench_gen.people where has_second
        union all select i, 'PHONE', coalesce(phone, mobile) from bench_gen.people where primary_phone_set
        union all select i, 'EMAIL', email from bench_gen.people where bill_method in ('EMAIL', 'BOTH')
        union all select i, 'ADDRESS', address_key from bench_gen.people
        union all select i, 'ZIP', zip from bench_gen.people
        union all select i, 'TAXID4', last4 from bench_gen.people
        union all select i, 'MDN', coalesce(mobile, phone) from bench_gen.people where ports_phone
        union all select i, 'MDN', ported_extra from bench_gen.people
      ) k where value is not null and value <> '';
    `);
    const generated = performance.now();
    log(`match keys: ${Math.round((generated - started) / 1000)} s`);

    await session.query(`set maintenance_work_mem = '${database.kind === 'pglite' ? '128MB' : '512MB'}'`);
    for (const c of keys) await session.query(`alter table ${c.table} add constraint ${c.name} ${c.def};`);
    for (const i of indexes) {
      await session.query(i.def);
      log(`index ${i.name}: ${Math.round((performance.now() - started) / 1000)} s`);
    }
    for (const c of foreignKeys) await session.query(`alter table ${c.table} add constraint ${c.name} ${c.def};`);
    if ((await schemaFingerprint()) !== before) throw new Error('the rebuilt constraints and indexes differ from the migrated ones');
    const indexed = performance.now();
    log(`constraints and indexes rebuilt: ${Math.round((indexed - started) / 1000)} s`);

    await session.query('drop schema bench_gen cascade');
    await session.query(`vacuum analyze ${TABLES.join(', ')}`);
    const analyzed = performance.now();

    const counts = await session.query<{ name: string; n: number }>(`
      select 'customers' as name, count(*)::int as n from customers union all select 'contacts', count(*)::int from customer_contacts
      union all select 'addresses', count(*)::int from customer_addresses union all select 'keys', count(*)::int from customer_match_keys`);
    const byKind = await session.query<{ kind: string; n: number }>('select kind, count(*)::int as n from customer_match_keys group by kind order by kind');
    const perZip = await session.query<{ median: number; p99: number; max: number }>(`
      select percentile_disc(0.5) within group (order by n) as median, percentile_disc(0.99) within group (order by n) as p99, max(n) as max
      from (select count(*)::int as n from customer_match_keys where kind = 'ZIP' group by value) z`);
    const perTaxId = await session.query<{ median: number; max: number }>(`
      select percentile_disc(0.5) within group (order by n) as median, max(n) as max
      from (select count(*)::int as n from customer_match_keys where kind = 'TAXID4' group by value) z`);
    const count = (name: string) => Number(counts.find((c) => c.name === name)?.n ?? 0);
    return {
      customers: count('customers'),
      contacts: count('contacts'),
      addresses: count('addresses'),
      matchKeys: count('keys'),
      matchKeysByKind: Object.fromEntries(byKind.map((k) => [k.kind, Number(k.n)])),
      customersPerZip: { median: Number(perZip[0]?.median), p99: Number(perZip[0]?.p99), max: Number(perZip[0]?.max) },
      customersPerTaxId4: { median: Number(perTaxId[0]?.median), max: Number(perTaxId[0]?.max) },
      seconds: {
        generate: Math.round((generated - started) / 1000),
        indexes: Math.round((indexed - generated) / 1000),
        analyze: Math.round((analyzed - indexed) / 1000),
        total: Math.round((analyzed - started) / 1000),
      },
    };
  } finally {
    await session.release();
  }
}

/**
 * Recomputes the match keys of a sample of generated customers from their stored rows with the
 * app's own functions, as `createCustomer` derives them (MDN keys come from the draft's port-in
 * lines, which are not stored with the customer, so they are left out), and fails when any set
 * differs from what the generator wrote.
 */
export async function verifySample(database: Database, customers: number, sample: number): Promise<number> {
  const session = await openSession(database);
  try {
    const numbers = Array.from({ length: sample }, (_, s) => `'ACC-${100001 + ((s * 7919) % customers)}'`);
    const rows = await session.query<{
      id: string;
      primary_phone: string | null;
      bill_email: string | null;
      last4: string | null;
      address: { line1: string; line2: string | null; zip: string };
      contacts: { phone: string | null; mobile: string | null; email: string | null }[];
      keys: string[];
    }>(`
      select c.id, c.primary_phone, c.bill_email, coalesce(c.ssn_last4, c.tax_id_last4) as last4,
        (select json_build_object('line1', a.line1, 'line2', a.line2, 'zip', a.zip) from customer_addresses a where a.customer_id = c.id and a.kind = 'SERVICE') as address,
        (select json_agg(json_build_object('phone', t.phone, 'mobile', t.mobile, 'email', t.email) order by t.position) from customer_contacts t where t.customer_id = c.id) as contacts,
        (select array_agg(k.kind || ':' || k.value order by 1) from customer_match_keys k where k.customer_id = c.id and k.kind <> 'MDN') as keys
      from customers c where c.account_number in (${numbers.join(', ')})`);
    for (const row of rows) {
      const expected = uniqueKeys([
        ...row.contacts.flatMap((c) => [key('PHONE', phoneKey(c.phone)), key('PHONE', phoneKey(c.mobile)), key('EMAIL', emailKey(c.email))]),
        key('PHONE', phoneKey(row.primary_phone)),
        key('EMAIL', emailKey(row.bill_email)),
        key('ADDRESS', addressKey(row.address)),
        key('ZIP', row.address.zip),
        key('TAXID4', row.last4),
      ])
        .map((k) => `${k.kind}:${k.value}`)
        .sort();
      const stored = [...row.keys].sort();
      if (JSON.stringify(expected) !== JSON.stringify(stored)) {
        throw new Error(`customer ${row.id}: createCustomer would write ${expected.join(', ')} but the generator wrote ${stored.join(', ')}`);
      }
    }
    return rows.length;
  } finally {
    await session.release();
  }
}
