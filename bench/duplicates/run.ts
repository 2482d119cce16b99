// The duplicate check (`findDuplicateCustomers`) at 1,000,000 customers, on PGlite and on PostgreSQL.
// Usage: npm run bench:duplicates -- [--customers=1000000] [--probes=2000] [--warmup=300] [--zips=8000]
//        [--engines=postgres,pglite] [--pglite-dir=DIR] [--postgres-url=URL] [--drop-stats]
// For each engine: a migrated database (a throwaway PostgreSQL 15 server, or a PGlite data folder),
// the customers generated SQL-side, then probes built from existing customers (found by phone, by
// email, by service address, by a similar name at the ZIP, by SSN last 4 and a similar name) and
// misses, called one at a time as the wizard calls the check, after a warm-up.
// --pglite-dir keeps the PGlite folder, and --postgres-url uses a database on a server of your own
// instead of a throwaway server: either is reused when it already holds the customers, so a rerun
// skips the generation. --drop-stats measures without planner statistics on the customer tables
// (the generator ends with VACUUM ANALYZE, as autovacuum would on PostgreSQL; nothing analyzes an
// embedded PGlite database, so one that grew through the app has none). It changes a kept database
// for good; VACUUM ANALYZE of the four tables restores it.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../apps/server/src/db/client.js';
import { SYSTEM_ACTOR } from '../../apps/server/src/modules/audit/record-audit.js';
import { createUser } from '../../apps/server/src/modules/auth/use-cases/create-user.js';
import { findDuplicateCustomers } from '../../apps/server/src/modules/customers/use-cases/find-duplicate-customers.js';
import { forEachEngine } from '../engines.js';
import { postgresCpuSeconds } from '../postgres-cpu.js';
import { generateCustomers, verifySample, type GenerateReport } from './generate-customers.js';
import { buildProbes, PROBE_KINDS, type Probe } from './probes.js';

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    probes: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '300' },
    zips: { type: 'string', default: '8000' },
    engines: { type: 'string', default: 'postgres,pglite' },
    'pglite-dir': { type: 'string' },
    'postgres-url': { type: 'string' },
    'drop-stats': { type: 'boolean', default: false },
  },
});
const CUSTOMERS = Number(args.customers);
const PROBES = Number(args.probes);
const WARMUP = Number(args.warmup);
const ZIPS = Number(args.zips);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number) => Number(value.toFixed(2));
  return { n: sorted.length, p50ms: ms(percentile(sorted, 50)), p95ms: ms(percentile(sorted, 95)), p99ms: ms(percentile(sorted, 99)), maxms: ms(sorted.at(-1) ?? 0) };
};

/** Migrated, with the customers: generated now, or already there (a kept PGlite folder). */
async function prepare(database: Database, engine: string): Promise<GenerateReport | 'reused'> {
  const [row] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from customers`);
  if (Number(row?.n) === CUSTOMERS) return 'reused';
  const user = await createUser({ db: database.db, audit: SYSTEM_ACTOR, input: { email: 'bench@example.com', name: 'Bench Agent', role: 'agent', password: 'bench-password-1' } });
  log(`${engine}: generating ${CUSTOMERS.toLocaleString('en-US')} customers`);
  const report = await generateCustomers(database, { customers: CUSTOMERS, zips: ZIPS, userId: user.id, log: (line) => log(`${engine}: ${line}`) });
  log(`${engine}: generated in ${report.seconds.total} s; ${await verifySample(database, CUSTOMERS, 500)} customers' match keys checked against createCustomer's`);
  return report;
}

async function measure(database: Database, engine: string, postgresPort: string | null) {
  if (args['drop-stats']) {
    const tables = sql.raw(`'customers'::regclass, 'customer_contacts'::regclass, 'customer_addresses'::regclass, 'customer_match_keys'::regclass`);
    await database.db.execute(sql`delete from pg_statistic where starelid in (${tables})`);
    await database.db.execute(sql`update pg_class set reltuples = -1, relallvisible = 0 where oid in (${tables}) or oid in (select indexrelid from pg_index where indrelid in (${tables}))`);
    log(`${engine}: planner statistics of the customer tables dropped`);
  }
  const probes = await buildProbes(database, { customers: CUSTOMERS, zips: ZIPS, count: WARMUP + PROBES, seed: 42 });
  const run = async (list: Probe[]) => {
    const results: { kind: Probe['kind']; ms: number; found: boolean | null; candidates: number }[] = [];
    for (const { kind, targetId, probe } of list) {
      const started = performance.now();
      const candidates = await findDuplicateCustomers({ db: database.db, probe });
      const ms = performance.now() - started;
      results.push({ kind, ms, found: targetId ? candidates.some((c) => c.customerId === targetId) : null, candidates: candidates.length });
    }
    return results;
  };
  log(`${engine}: warm-up, ${WARMUP} probes`);
  await run(probes.slice(0, PROBES > 0 ? WARMUP : 0));
  log(`${engine}: measuring ${PROBES} probes`);
  const cpuBefore = { node: process.cpuUsage(), postgres: postgresPort ? postgresCpuSeconds(postgresPort) : 0 };
  const started = performance.now();
  const results = await run(probes.slice(WARMUP));
  const seconds = (performance.now() - started) / 1000;
  const nodeCpu = process.cpuUsage(cpuBefore.node);
  const postgresCpu = postgresPort ? postgresCpuSeconds(postgresPort) - cpuBefore.postgres : 0;
  const byKind = Object.fromEntries(
    PROBE_KINDS.map((kind) => {
      const of = results.filter((r) => r.kind === kind);
      const targeted = of.filter((r) => r.found !== null);
      return [
        kind,
        {
          ...summary(of.map((r) => r.ms)),
          found: kind === 'miss' ? undefined : `${targeted.filter((r) => r.found).length}/${targeted.length}`,
          withCandidates: of.filter((r) => r.candidates > 0).length,
        },
      ];
    }),
  );
  const cpuMs = (value: number) => Number(value.toFixed(2));
  return {
    engine,
    checksPerSecond: Math.round(results.length / seconds),
    all: summary(results.map((r) => r.ms)),
    // CPU one check costs: the app (Node, with PGlite inside it on the embedded engine) and the PostgreSQL server.
    cpuMsPerCheck: { node: cpuMs((nodeCpu.user + nodeCpu.system) / 1000 / results.length), postgres: postgresPort ? cpuMs((postgresCpu * 1000) / results.length) : undefined },
    byKind,
  };
}

const results = await forEachEngine(
  args.engines,
  { postgresUrl: args['postgres-url'], pgliteDir: args['pglite-dir'], tmpPrefix: 'linedesk-bench-duplicates-', log },
  async ({ name, database, postgresPort }) => {
    const generated = await prepare(database, name);
    return { ...(await measure(database, name, postgresPort)), generated };
  },
);
console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, customers: CUSTOMERS, zips: ZIPS, probes: PROBES, warmup: WARMUP, results }, null, 2));
