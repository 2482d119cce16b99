// Stock for the Inventory benchmark: a CSV file of N rows as a delivery's spreadsheet would hold them
// (for the import), and N items generated SQL-side with generate_series (for scanning at scale). Every
// identifier passes its check digit; each generator has TACs and ICCID issuers of its own, so neither
// collides with the other, the demo stockroom or each other's runs.
import { csvCell, isLuhnValid, luhnCheckDigit, STOCK_CSV_COLUMNS } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../apps/server/src/db/client.js';

const LOCATIONS = ['Elm Street store', 'Riverside store', 'Harbor Mall kiosk', 'Main warehouse', 'Airport store', 'Eastgate store', 'Westfield kiosk', 'Downtown store', 'Returns bench', 'North depot', 'South depot', 'Van 3'];
const CARRIERS = ['NWM', 'NWM', 'NWM', 'NWM', 'NWM', 'NWM', 'BSW', 'BSW', 'PCC', 'PCC'];
const MODELS = [
  ['Aurora', 'Aurora X5 128 GB', '419.00'],
  ['Aurora', 'Aurora A2 64 GB', '159.00'],
  ['Northwind', 'Northwind Flip 4G', '39.00'],
  ['Kestrel', 'Kestrel K9 5G', '289.00'],
] as const;

const imei = (tac: string, serial: number) => {
  const body = tac + String(serial).padStart(6, '0');
  return body + luhnCheckDigit(body);
};
const iccid = (issuer: string, serial: number) => {
  const body = `8901${issuer}${String(serial).padStart(11, '0')}`;
  return body + luhnCheckDigit(body);
};

/**
 * Rows `from`..`from + count - 1` of a delivery file: three devices in five (one in ten of them dual-SIM,
 * a third with no make or model, named from the TAC table), the rest SIMs; six in ten for Northwind.
 */
export function stockCsv(from: number, count: number): string {
  const lines = [STOCK_CSV_COLUMNS.join(',')];
  for (let n = from; n < from + count; n += 1) {
    const carrier = CARRIERS[n % CARRIERS.length]!;
    const isDevice = n % 5 < 3;
    const [make, model, cost] = MODELS[n % MODELS.length]!;
    const cells: Record<(typeof STOCK_CSV_COLUMNS)[number], string> = {
      kind: isDevice ? 'Device' : 'SIM',
      carrier,
      imei: isDevice ? imei('35999900', n) : '',
      imei2: isDevice && n % 10 === 0 ? imei('35999901', n) : '',
      meid: '',
      esn: '',
      iccid: isDevice ? '' : iccid('555', n),
      eid: '',
      make: isDevice ? (n % 3 === 0 ? '' : make) : 'Northwind',
      model: isDevice ? (n % 3 === 0 ? '' : model) : 'Nano SIM (4FF)',
      location: LOCATIONS[n % LOCATIONS.length]!,
      agent: n % 7 === 0 ? 'SUMMIT-ELM' : '',
      cost: isDevice ? cost : '1.50',
      received: `2026-${String(1 + (n % 10)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      purchase_order: `PO-B-${Math.floor(n / 1000)}`,
    };
    lines.push(STOCK_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// Luhn in SQL over a body of even length (an IMEI's 14 digits, an ICCID's 18): from the left, the digits
// at even positions are the ones doubled.
const luhn = (body: string) => `(select ((10 - sum(case when i % 2 = 0 then (2 * substr(${body}, i, 1)::int) / 10 + (2 * substr(${body}, i, 1)::int) % 10 else substr(${body}, i, 1)::int end) % 10) % 10)::text from generate_series(1, length(${body})) i)`;
const DEVICE_TACS = `(array['35209900','35460811','35332011','49015420','35777700'])[1 + (n / 2) % 5]`;

/**
 * `items` stock items made SQL-side, numbered 1..items: even numbers devices (IMEI from five TACs, one in
 * ten with a second IMEI, four in ten without a make or model of their own), odd numbers SIMs; 85%
 * Available, 10% Active, 3% Defective, 2% Removed; six in ten for Northwind. Done in chunks of 100,000
 * (each its own statement per table), then analyzed. No audit rows are written for them.
 */
export async function generateStock(database: Database, items: number, log: (line: string) => void): Promise<{ seconds: number }> {
  const { db } = database;
  const started = performance.now();
  const chunk = 100_000;
  for (let from = 1; from <= items; from += chunk) {
    const to = Math.min(items, from + chunk - 1);
    await db.execute(
      sql.raw(`
      insert into inventory_items (id, kind, status, carrier_code, make, model, location, agent_code, cost_cents, received_on, purchase_order, created_at, updated_at)
      select md5('inventory-bench-' || n)::uuid,
             (case when n % 2 = 0 then 'DEVICE' else 'SIM' end)::inventory_kind,
             (case when n % 100 < 85 then 'AVAILABLE' when n % 100 < 95 then 'ACTIVE' when n % 100 < 98 then 'DEFECTIVE' else 'REMOVED' end)::inventory_status,
             (array['NWM','NWM','NWM','NWM','NWM','NWM','BSW','BSW','PCC','PCC'])[1 + n % 10],
             case when n % 2 = 1 then 'Northwind' when n % 10 < 3 then null else (array['Aurora','Northwind','Aurora','Kestrel','Aurora'])[1 + (n / 2) % 5] end,
             case when n % 2 = 1 then 'Nano SIM (4FF)' when n % 10 < 3 then null else (array['Aurora X5 128 GB','Northwind Flip 4G','Aurora A2 64 GB','Kestrel K9 5G','Aurora Z1'])[1 + (n / 2) % 5] end,
             (array[${LOCATIONS.map((l) => `'${l}'`).join(',')}])[1 + n % ${LOCATIONS.length}],
             case when n % 7 = 0 then 'SUMMIT-ELM' end,
             case when n % 2 = 1 then 150 else 15900 + (n % 5) * 10000 end,
             date '2025-01-01' + (n % 600),
             'PO-G-' || (n / 1000),
             now() - make_interval(secs => ${items} - n),
             now() - make_interval(secs => ${items} - n)
      from generate_series(${from}, ${to}) n`),
    );
    await db.execute(
      sql.raw(`
      insert into inventory_identifiers (value, kind, item_id, slot)
      select body || ${luhn('body')}, kind::identifier_kind, md5('inventory-bench-' || n)::uuid, slot
      from (
        select n, ${DEVICE_TACS} || lpad((n / 2)::text, 6, '0') as body, 'IMEI' as kind, 1 as slot from generate_series(${from}, ${to}) n where n % 2 = 0
        union all
        select n, '35888800' || lpad((n / 2)::text, 6, '0'), 'IMEI', 2 from generate_series(${from}, ${to}) n where n % 20 = 0
        union all
        select n, '8901777' || lpad(n::text, 11, '0'), 'ICCID', 1 from generate_series(${from}, ${to}) n where n % 2 = 1
      ) s`),
    );
    log(`${to.toLocaleString('en-US')} items`);
  }
  await db.execute(sql`analyze inventory_items`);
  await db.execute(sql`analyze inventory_identifiers`);
  return { seconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
}

/** Every generated identifier of a sample passes its check digit, or the run stops. */
export async function verifyGeneratedSample(database: Database): Promise<number> {
  const rows = await selectRows<{ value: string }>(database.db, sql`select value from inventory_identifiers where item_id in (select id from inventory_items tablesample system (1)) limit 2000`);
  const bad = rows.filter((row) => !isLuhnValid(row.value));
  if (bad.length) throw new Error(`generated identifiers fail their check digit: ${bad.slice(0, 5).map((r) => r.value).join(', ')}`);
  return rows.length;
}
