// Inventory at scale, on PostgreSQL and PGlite: (a) a 100,000-row CSV delivery imported through the
// import use case (then the same file again, which must change nothing, and a second file over HTTP);
// (b) with 1,000,000 items in stock, scan-to-assign on real Pending orders, and searching the stock.
// Usage: npm run bench:inventory -- [--rows=100000] [--items=1000000] [--orders=500] [--warmup=50]
//        [--searches=200] [--engines=postgres,pglite] [--phases=import,stock] [--postgres-url=URL] [--pglite-dir=DIR]
// --phases=import measures only (a), --phases=stock only (b). --postgres-url uses a database of your own (empty, or kept from a run: the stock is reused) instead
// of a throwaway server; --pglite-dir keeps the PGlite folder for a rerun.
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { TStockImportReport } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../apps/server/src/db/client.js';
import { assignOrderInventory } from '../../apps/server/src/flows/assign-order-inventory.js';
import { getOrderPage } from '../../apps/server/src/flows/get-order-page.js';
import { loadStockReferences } from '../../apps/server/src/modules/inventory/stock-references.js';
import { importStockCsv } from '../../apps/server/src/modules/inventory/use-cases/import-stock-csv.js';
import { listStockItems } from '../../apps/server/src/modules/inventory/use-cases/list-stock-items.js';
import { lookUpIdentifier } from '../../apps/server/src/modules/inventory/use-cases/look-up-identifier.js';
import type { TestApp } from '../../apps/server/test/test-app.js';
import { FINAL, loadDemoCatalog, NAMES, NEW_LINE, profileFor, START, wizardClient } from '../../apps/server/test/wizard-fixture.js';
import { benchApp } from '../bench-app.js';
import { forEachEngine, type BenchEngine } from '../engines.js';
import { postgresCpuSeconds } from '../postgres-cpu.js';
import { generateStock, stockCsv, verifyGeneratedSample } from './generate-stock.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    items: { type: 'string', default: '1000000' },
    orders: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '50' },
    searches: { type: 'string', default: '200' },
    phases: { type: 'string', default: 'import,stock' },
    engines: { type: 'string', default: 'postgres,pglite' },
    'postgres-url': { type: 'string' },
    'pglite-dir': { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const ITEMS = Number(args.items);
const ORDERS = Number(args.orders);
const WARMUP = Number(args.warmup);
const SEARCHES = Number(args.searches);
const PHASES = new Set((args.phases ?? '').split(',').filter(Boolean));
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const ms = (value: number) => Number(value.toFixed(2));
function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { n: sorted.length, p50ms: ms(at(50)), p95ms: ms(at(95)), p99ms: ms(at(99)), maxms: ms(sorted.at(-1) ?? 0) };
}
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

const count = async (database: Database) =>
  (await selectRows<{ items: number; identifiers: number }>(database.db, sql`select (select count(*)::int from inventory_items) as items, (select count(*)::int from inventory_identifiers) as identifiers`))[0]!;

async function measureImport(t: TestApp, engine: string, postgresPort: string | null) {
  const { database } = t;
  const stock = await t.createUser('inventory', { name: 'Bench Stock' });
  const audit = { actorUserId: stock.id, actorLabel: stock.email, requestId: null };
  const refs = await loadStockReferences({ db: database.db, secrets: t.secrets });
  const csv = stockCsv(1, ROWS);
  const before = await count(database);
  const cpu = { node: process.cpuUsage(), postgres: postgresPort ? postgresCpuSeconds(postgresPort) : 0 };
  const first = await timed(() => importStockCsv({ db: database.db, audit, refs, fileName: 'bench-delivery.csv', csv }));
  const nodeCpu = process.cpuUsage(cpu.node);
  const postgresCpu = postgresPort ? postgresCpuSeconds(postgresPort) - cpu.postgres : null;
  const after = await count(database);
  const check = (report: TStockImportReport, accepted: number, unchanged: number) => {
    if (report.accepted !== accepted || report.unchanged !== unchanged || report.refused !== 0) throw new Error(`unexpected report ${JSON.stringify({ ...report, entries: report.entries.filter((e) => e.outcome === "REFUSED").slice(0, 3) })}`);
  };
  check(first.result, ROWS, 0);
  if (after.items - before.items !== ROWS) throw new Error(`expected ${ROWS} new items, found ${after.items - before.items}`);
  log(`${engine}: imported ${ROWS} rows in ${(first.ms / 1000).toFixed(2)} s`);
  const again = await timed(() => importStockCsv({ db: database.db, audit, refs, fileName: 'bench-delivery.csv', csv }));
  check(again.result, 0, ROWS);
  if ((await count(database)).items !== after.items) throw new Error('the second import of the same file changed the stock');
  log(`${engine}: the same file again (nothing changes) in ${(again.ms / 1000).toFixed(2)} s`);

  // A second delivery of the same size through the HTTP route, as the Import CSV screen sends it.
  const session = await t.sessionFor(stock);
  const body = JSON.stringify({ fileName: 'bench-delivery-2.csv', csv: stockCsv(ROWS + 1, ROWS) });
  const http = await timed(() => t.request({ method: 'POST', url: '/api/inventory/imports', session, headers: { 'content-type': 'application/json' }, payload: body }));
  if (http.result.statusCode !== 200) throw new Error(`HTTP import answered ${http.result.statusCode}: ${http.result.body.slice(0, 300)}`);
  check(http.result.json(), ROWS, 0);
  log(`${engine}: imported ${ROWS} more rows over HTTP in ${(http.ms / 1000).toFixed(2)} s`);
  return {
    rows: ROWS,
    csvMegabytes: Number((csv.length / 1024 / 1024).toFixed(1)),
    firstImportSeconds: Number((first.ms / 1000).toFixed(2)),
    cpuSeconds: { node: Number(((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(2)), postgres: postgresCpu === null ? undefined : Number(postgresCpu.toFixed(2)) },
    sameFileAgainSeconds: Number((again.ms / 1000).toFixed(2)),
    httpImportSeconds: Number((http.ms / 1000).toFixed(2)),
  };
}

/**
 * A Pending order with one new Northwind smartphone line (it needs a device and a SIM from stock), made
 * as an agent makes it: the wizard's API, then Create Order. Each customer has a phone, email and SSN of
 * its own in this run; a kept database holds earlier runs' customers, so a possible duplicate is
 * acknowledged as an agent would.
 */
async function makePendingOrder(t: TestApp, session: string, agentId: string, n: number, run: number): Promise<string> {
  const wizard = wizardClient(t, session);
  const draft = await wizard.newDraft();
  const base = `/api/wizard/drafts/${draft.id}`;
  const line = String(n).padStart(4, '0');
  const email = `bench.${run}.${n}@example.net`;
  // A valid exchange (not N11, not 555) and SSN area (not 666) of this run.
  const exchange = 200 + (run % 700);
  const nxx = exchange % 100 === 11 || exchange === 555 ? exchange + 1 : exchange;
  const area = 100 + (run % 600) === 666 ? 667 : 100 + (run % 600);
  await wizard.ok('PUT', `${base}/start`, { ...START, orderType: 'NEW', contacts: [{ contactType: 'PRIMARY', firstName: 'Bench', lastName: `Scanner${run}x${n}`, phone: `(406) ${nxx}-${line}`, email }] });
  await wizard.ok('PUT', `${base}/profile`, { ...profileFor(agentId), ssn: `${area}-45-${line}`, billEmail: email });
  await wizard.ok('PUT', `${base}/names`, { ...NAMES, firstName: 'Bench', lastName: `Scanner${run}x${n}`, serviceAddress: { line1: `${n} Scan Street`, city: 'Helena', state: 'MT', zip: '59601' } });
  await wizard.ok('POST', `${base}/lines`, NEW_LINE);
  await wizard.ok('PUT', `${base}/final`, FINAL);
  const result = await wizard.ok('POST', `${base}/create-order`, { duplicateAcknowledgement: { reason: 'Benchmark: a different customer' } });
  return result.orderId;
}

async function measureScans(t: TestApp, engine: string, postgresPort: string | null) {
  const { database } = t;
  const agent = await t.createUser('agent', { name: 'Bench Agent' });
  const session = await t.sessionFor(agent);
  const audit = { actorUserId: agent.id, actorLabel: agent.email, requestId: null };
  const total = WARMUP + ORDERS;
  // Available Northwind stock from the generated million, picked at random: a device and a SIM per order.
  const pick = (kind: 'IMEI' | 'ICCID') =>
    selectRows<{ value: string }>(
      database.db,
      sql`select x.value from inventory_identifiers x join inventory_items i on i.id = x.item_id
          where x.kind = ${kind} and x.slot = 1 and i.status = 'AVAILABLE' and i.carrier_code = 'NWM' and i.id::text like '0%'
          order by md5(x.value) limit ${total}`,
    );
  const [devices, sims] = [await pick('IMEI'), await pick('ICCID')];
  if (devices.length < total || sims.length < total) throw new Error('not enough Available Northwind stock to scan');

  log(`${engine}: making ${total} Pending orders through the wizard API`);
  const started = performance.now();
  const orders: string[] = [];
  const run = Math.floor(Date.now() / 1000) % 100_000;
  for (let i = 0; i < total; i += 1) orders.push(await makePendingOrder(t, session, agent.id, i + 1, run));
  log(`${engine}: ${total} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const scan = async (orderId: string, text: string) => {
    const { result, ms: took } = await timed(() => assignOrderInventory({ db: database.db, audit, orderId, text }));
    const entry = result.entries[0];
    if (result.entries.length !== 1 || entry?.outcome !== 'ASSIGNED') throw new Error(`scan ${text} on ${orderId}: ${JSON.stringify(result.entries)}`);
    return { took, status: result.order.status };
  };
  const deviceScans: number[] = [];
  const simScans: number[] = [];
  const pageReads: number[] = [];
  let cpu = { node: process.cpuUsage(), postgres: 0 };
  for (let i = 0; i < total; i += 1) {
    if (i === WARMUP) cpu = { node: process.cpuUsage(), postgres: postgresPort ? postgresCpuSeconds(postgresPort) : 0 };
    const device = await scan(orders[i]!, devices[i]!.value);
    const sim = await scan(orders[i]!, sims[i]!.value);
    if (sim.status !== 'READY') throw new Error(`order ${orders[i]} is ${sim.status} after its device and SIM`);
    if (i >= WARMUP) {
      deviceScans.push(device.took);
      simScans.push(sim.took);
    }
  }
  const nodeCpu = process.cpuUsage(cpu.node);
  const postgresCpu = postgresPort ? postgresCpuSeconds(postgresPort) - cpu.postgres : null;
  // Each scan answers with the whole order page (what the Inventory tab shows next): read on its own here.
  for (const orderId of orders.slice(WARMUP)) pageReads.push((await timed(() => getOrderPage({ db: database.db, orderId }))).ms);

  // The stock side alone: classify the scanned text and find it among the million (no order involved).
  const lookups: number[] = [];
  const probes = await selectRows<{ value: string }>(database.db, sql`select value from inventory_identifiers where item_id::text like 'a%' order by md5(value) limit ${SEARCHES + 50}`);
  for (const [i, { value }] of probes.entries()) {
    const { ms: took } = await timed(() => lookUpIdentifier({ db: database.db, value }));
    if (i >= 50) lookups.push(took);
  }
  return {
    scanToAssign: summary([...deviceScans, ...simScans]),
    cpuMsPerScan: { node: ms((nodeCpu.user + nodeCpu.system) / 1000 / (deviceScans.length + simScans.length)), postgres: postgresCpu === null ? undefined : ms((postgresCpu * 1000) / (deviceScans.length + simScans.length)) },
    orderPageReadAlone: summary(pageReads),
    deviceScan: summary(deviceScans),
    simScanThatMakesTheOrderReady: summary(simScans),
    stockLookupOnly: summary(lookups),
  };
}

async function measureSearch(database: Database) {
  const values = (await selectRows<{ value: string }>(database.db, sql`select value from inventory_identifiers where item_id::text like 'b%' order by md5(value) limit ${SEARCHES}`)).map((r) => r.value);
  const run = async (queries: Parameters<typeof listStockItems>[0]['query'][]) => {
    const latencies: number[] = [];
    let matched = 0;
    for (const query of queries) {
      const { result, ms: took } = await timed(() => listStockItems({ db: database.db, query }));
      latencies.push(took);
      matched += result.total;
    }
    return { ...summary(latencies), meanMatches: Math.round(matched / queries.length) };
  };
  const base = { limit: 50, offset: 0 };
  return {
    wholeIdentifierAsScanned: await run(values.map((value) => ({ ...base, q: value }))),
    lastSixDigits: await run(values.map((value) => ({ ...base, q: value.slice(-7, -1) }))),
    fourDigitFragment: await run(values.slice(0, 50).map((value) => ({ ...base, q: value.slice(-5, -1) }))),
    firstPageUnfiltered: await run(Array.from({ length: 20 }, () => base)),
    availableNorthwindSims: await run(Array.from({ length: 20 }, () => ({ ...base, kind: 'SIM' as const, status: 'AVAILABLE' as const, carrierCode: 'NWM' }))),
    modelText: await run(['x5', 'flip', 'kestrel', 'a2 64'].map((model) => ({ ...base, model }))),
  };
}

async function measure({ name: engine, database, postgresPort }: BenchEngine) {
  const t = await benchApp(database);
  try {
    const existing = await count(database);
    const fresh = existing.items === 0;
    if (fresh) await loadDemoCatalog(t);
    const importFigures = !PHASES.has('import') ? 'not asked' : fresh ? await measureImport(t, engine, postgresPort) : 'skipped: the database already holds stock';
    if (!PHASES.has('stock')) return { engine, import: importFigures };
    let generation: { seconds: number } | 'reused' = 'reused';
    if ((await count(database)).items < ITEMS) {
      log(`${engine}: generating ${ITEMS.toLocaleString('en-US')} stock items`);
      generation = await generateStock(database, ITEMS, (line) => log(`${engine}: ${line}`));
      log(`${engine}: generated in ${generation.seconds} s; ${await verifyGeneratedSample(database)} sampled identifiers pass their check digit`);
    }
    const stock = await count(database);
    const search = await measureSearch(database);
    log(`${engine}: search ${JSON.stringify(search)}`);
    const scans = await measureScans(t, engine, postgresPort);
    log(`${engine}: scans ${JSON.stringify(scans)}`);
    return { engine, import: importFigures, generation, stock, scans, search };
  } finally {
    await t.close();
  }
}

const results = await forEachEngine(
  args.engines,
  { postgresUrl: args['postgres-url'], pgliteDir: args['pglite-dir'], tmpPrefix: 'linedesk-bench-inventory-', log },
  measure,
);
console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), results }, null, 2));
