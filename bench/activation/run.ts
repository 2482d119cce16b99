// Sending orders to the carrier, end to end: Ready one-line orders sent, submitted to the carrier gateway
// simulator (a real process, no delay), and completed by its signed callbacks, on PostgreSQL and PGlite.
// Usage: npm run bench:activation -- [--orders=5000] [--warmup=200] [--senders=8] [--rate=0] [--concurrency=16]
//        [--engines=postgres,pglite] [--postgres-url=URL] [--profile=FILE] [--answer=minimal|page]
// For each engine: a migrated database with the demo catalog (Northwind Mobile's gateway pointed at the
// simulator, its credential and webhook secret sealed), a Northwind device (IMEI) and SIM (ICCID) per order
// imported into stock, and `warmup + orders` Ready orders made through the wizard's use cases and Create
// Order (each line scanned in the wizard: the stock is reserved at Create Order). The server runs in this
// process as `npm start` runs it: the app listening on a port (the carrier calls back at PUBLIC_URL) with
// the in-process job worker (WORKER_CONCURRENCY = --concurrency). `--senders` clients then Send every order
// through the route (POST /api/orders/:id/send with an Idempotency-Key); first the warm-up orders (waited
// for to complete), then the measured ones, as fast as the senders go or `--rate` a second: orders completed per second from the first Send to the last
// Complete, each order's Send → Complete latency, and the CPU it cost (this process, PostgreSQL, the
// simulator). At the end every order must be Complete, with its line Active and its stock Active, and the
// simulator must have activated each line exactly once. --postgres-url uses a database of your own (it
// gains the orders; a rerun makes new ones); --profile writes a CPU profile of the measured phase.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance as nodePerformance } from 'node:perf_hooks';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import { ZCatalogDocument } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../apps/server/src/db/client.js';
import { SYSTEM_ACTOR } from '../../apps/server/src/modules/audit/record-audit.js';
import { demoCatalogWithSecrets } from '../../apps/server/src/modules/catalog/demo-catalog.js';
import { importCatalog } from '../../apps/server/src/modules/catalog/use-cases/import-catalog.js';
import type { JobLogger } from '../../apps/server/src/modules/jobs/job-runner.js';
import { startWorker } from '../../apps/server/src/start-worker.js';
import type { TestApp } from '../../apps/server/test/test-app.js';
import { benchApp } from '../bench-app.js';
import { forEachEngine, type BenchEngine } from '../engines.js';
import { postgresCpuSeconds } from '../postgres-cpu.js';
import { makeReadyOrders, receiveStock } from './ready-orders.js';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '200' },
    senders: { type: 'string', default: '8' },
    rate: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '16' },
    engines: { type: 'string', default: 'postgres,pglite' },
    'postgres-url': { type: 'string' },
    profile: { type: 'string' },
    answer: { type: 'string', default: 'minimal' },
  },
});
const ORDERS = Number(args.orders);
const WARMUP = Number(args.warmup);
const SENDERS = Number(args.senders);
/** Sends per second at most (0: as fast as the senders go). */
const RATE = Number(args.rate);
const CONCURRENCY = Number(args.concurrency);
/** What each Send asks back: `minimal` (Prefer: return=minimal, 204, as a client sending many orders would) or `page` (the order page, as the Send button). */
const ANSWER = args.answer === 'page' ? 'page' : 'minimal';
/** No Send answered and no order completing for this long: the run stops and says where the orders are. */
const STALL_MS = 60_000;
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const eventLoopUtilization = nodePerformance.eventLoopUtilization.bind(nodePerformance);
const ms = (value: number) => Number(value.toFixed(2));
const loadAverage = () => os.loadavg().map((l) => Number(l.toFixed(2)));

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { n: sorted.length, p50ms: ms(at(50)), p95ms: ms(at(95)), p99ms: ms(at(99)), maxms: ms(sorted.at(-1) ?? 0) };
}

/** CPU seconds a process has used (user + system), from /proc. */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A list of ids as one array parameter (`${uuids(ids)}::uuid[]`). */
const uuids = (ids: string[]) => `{${ids.join(',')}}`;

const statusCounts = async (db: Db, orderIds: string[]) =>
  Object.fromEntries(
    (await selectRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from orders where id = any(${uuids(orderIds)}::uuid[]) group by status`)).map((r) => [r.status, r.n]),
  ) as Record<string, number>;

/**
 * Sends every order (`senders` clients, each Send through the route with an Idempotency-Key) and waits
 * until all are Complete. Answers when each Send began (epoch ms) and when the last one completed.
 */
async function sendAll(t: TestApp, session: string, orderIds: string[]): Promise<{ sentAt: Map<string, number>; firstSend: number; lastComplete: number }> {
  const db = t.database.db;
  const sentAt = new Map<string, number>();
  const queue = [...orderIds];
  const firstSend = Date.now();
  let next = 0;
  const sender = async () => {
    for (let orderId = queue.shift(); orderId; orderId = queue.shift()) {
      // Paced (--rate): the n-th Send not before n / rate seconds after the first.
      const due = RATE > 0 ? firstSend + (next++ * 1000) / RATE : 0;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      // Each Send starts from the event loop, as one arriving on a socket does: in-process requests chained
      // through promises alone would keep the carrier's callbacks (real sockets) waiting on PGlite.
      else await new Promise((resolve) => setImmediate(resolve));
      sentAt.set(orderId, Date.now());
      const headers = { 'idempotency-key': randomUUID(), ...(ANSWER === 'minimal' ? { prefer: 'return=minimal' } : {}) };
      const response = await t.request({ method: 'POST', url: `/api/orders/${orderId}/send`, session, headers });
      if (response.statusCode !== (ANSWER === 'minimal' ? 204 : 200)) throw new Error(`Send ${orderId} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      progressAt = Date.now();
    }
  };
  let complete = 0;
  // The last time a Send was answered or an order completed.
  let progressAt = Date.now();
  // A Send that fails ends the run (through the caller's clean-up), not the process.
  let failed: unknown = null;
  const sending = Promise.all(Array.from({ length: SENDERS }, sender)).catch((error: unknown) => {
    failed = error;
    queue.length = 0;
  });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (failed) throw failed;
    const counts = await statusCounts(db, orderIds);
    if ((counts.COMPLETE ?? 0) > complete) {
      complete = counts.COMPLETE ?? 0;
      progressAt = Date.now();
    }
    if (complete === orderIds.length) break;
    if (Date.now() - progressAt > STALL_MS) {
      queue.length = 0;
      throw new Error(`no Send answered and no order completed for ${STALL_MS / 1000} s; orders by status: ${JSON.stringify(counts)}`);
    }
  }
  await sending;
  if (failed) throw failed;
  const [last] = await selectRows<{ at: string }>(db, sql`select max(updated_at)::text as at from orders where id = any(${uuids(orderIds)}::uuid[])`);
  return { sentAt, firstSend, lastComplete: new Date(last!.at).getTime() };
}

async function measure({ name: engine, database, postgresPort }: BenchEngine) {
  const sim: CarrierSim = await startCarrierSim({ delayMs: 0 });
  // LOG_LEVEL=warn shows the server's warnings and errors (the bench's own app is silent otherwise).
  const t = await benchApp(database, { WORKER_CONCURRENCY: String(CONCURRENCY), ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}) });
  let worker: ReturnType<typeof startWorker> | null = null;
  try {
    const db = database.db;
    // Listening as `npm start` does: the carrier calls back at PUBLIC_URL (here the server's own address).
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.config.publicUrl = url;
    const document = demoCatalogWithSecrets(undefined, sim.baseUrl);
    await importCatalog({
      db,
      audit: SYSTEM_ACTOR,
      secrets: t.secrets,
      document: ZCatalogDocument.parse({ ...document, agents: (document.agents ?? []).map((agent) => ({ ...agent, salesPersonEmails: [] })) }),
    });
    const agent = await t.createUser('agent', { name: 'Bench Agent' });
    const session = await t.sessionFor(agent);
    const run = Math.floor(Date.now() / 1000) % 1_000_000;
    const [{ n: existing }] = (await selectRows<{ n: number }>(db, sql`select count(*)::int as n from orders`)) as [{ n: number }];

    let started = performance.now();
    await receiveStock(t, run, WARMUP + ORDERS);
    log(`${engine}: ${2 * (WARMUP + ORDERS)} stock items imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const orderIds = await makeReadyOrders(t, agent, run, existing, WARMUP + ORDERS);
    const generationSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const made = await statusCounts(db, orderIds);
    if (made.READY !== WARMUP + ORDERS) throw new Error(`expected ${WARMUP + ORDERS} Ready orders, found ${JSON.stringify(made)}`);
    log(`${engine}: ${WARMUP + ORDERS} Ready orders made in ${generationSeconds} s`);

    const quiet: JobLogger = { info: () => undefined, warn: (o, m) => log(`worker warn: ${m} ${JSON.stringify(o)}`), error: (o, m) => log(`worker error: ${m} ${JSON.stringify(o)}`) };
    worker = startWorker({ db, config: t.config, secrets: t.secrets, log: quiet });
    const warmupIds = orderIds.slice(0, WARMUP);
    const measuredIds = orderIds.slice(WARMUP);
    if (warmupIds.length > 0) {
      await sendAll(t, session, warmupIds);
      log(`${engine}: ${WARMUP} warm-up orders complete`);
    }

    const profiler = args.profile ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    // On a server with pg_stat_statements (--postgres-url), its figures start with the measured phase.
    if (engine === 'postgres') {
      const [statements] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from pg_extension where extname = 'pg_stat_statements'`);
      if (statements?.n) await db.execute(sql`select pg_stat_statements_reset()`);
    }
    const load = { before: loadAverage() };
    const loopBefore = eventLoopUtilization();
    const cpuBefore = { node: process.cpuUsage(), postgres: postgresPort ? postgresCpuSeconds(postgresPort) : 0, sim: processCpuSeconds(sim.pid) };
    log(`${engine}: sending ${ORDERS} orders (${SENDERS} senders${RATE > 0 ? `, ${RATE}/s` : ''}, worker concurrency ${CONCURRENCY}), load ${load.before.join(' ')}`);
    const { sentAt, firstSend, lastComplete } = await sendAll(t, session, measuredIds);
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    const eventLoopBusy = eventLoopUtilization(loopBefore).utilization;
    const postgresCpu = postgresPort ? postgresCpuSeconds(postgresPort) - cpuBefore.postgres : null;
    const simCpu = processCpuSeconds(sim.pid) - cpuBefore.sim;
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(`${args.profile}.${engine}.cpuprofile`, JSON.stringify(profile));
      profiler.disconnect();
      log(`${engine}: CPU profile written to ${args.profile}.${engine}.cpuprofile`);
    }
    const seconds = (lastComplete - firstSend) / 1000;

    // Send → Complete, each order: when its Send began, and when it went Complete (the status change's time).
    const completions = await selectRows<{ id: string; at: string }>(db, sql`select id, updated_at::text as at from orders where id = any(${uuids(measuredIds)}::uuid[])`);
    const latencies = completions.map((row) => new Date(row.at).getTime() - sentAt.get(row.id)!);
    const finished = completions.map((row) => new Date(row.at).getTime() - firstSend);

    // What a user (and the carrier) would check.
    const [check] = await selectRows<{ complete: number; activeLines: number; withNumber: number; activeStock: number }>(
      db,
      sql`select (select count(*)::int from orders where id = any(${uuids(orderIds)}::uuid[]) and status = 'COMPLETE') as complete,
                 (select count(*)::int from lines where order_id = any(${uuids(orderIds)}::uuid[]) and status = 'ACTIVE') as "activeLines",
                 (select count(*)::int from lines where order_id = any(${uuids(orderIds)}::uuid[]) and status = 'ACTIVE' and mdn is not null and activated_at is not null) as "withNumber",
                 (select count(*)::int from inventory_items where order_id = any(${uuids(orderIds)}::uuid[]) and status = 'ACTIVE') as "activeStock"`,
    );
    const jobs = Object.fromEntries((await selectRows<{ status: string; n: number }>(db, sql`select status::text, count(*)::int as n from jobs group by status`)).map((r) => [r.status, r.n]));
    const stats = await sim.stats();
    const total = WARMUP + ORDERS;
    const twice = Object.entries(stats.activationsByRequestKey).filter(([, n]) => n !== 1);
    const expected = { complete: total, activeLines: total, withNumber: total, activeStock: 2 * total };
    if (JSON.stringify(check) !== JSON.stringify(expected) || stats.activations !== total || twice.length > 0 || (jobs.FAILED ?? 0) > 0) {
      throw new Error(`wrong outcome: ${JSON.stringify({ check, expected, simActivations: stats.activations, activatedMoreThanOnce: twice.slice(0, 5), jobs })}`);
    }
    const result = {
      engine,
      orders: ORDERS,
      warmup: WARMUP,
      senders: SENDERS,
      sendsPerSecond: RATE > 0 ? RATE : 'as fast as the senders go',
      sendAnswer: ANSWER,
      workerConcurrency: CONCURRENCY,
      seconds: Number(seconds.toFixed(1)),
      ordersCompletedPerSecond: Math.round(ORDERS / seconds),
      /** Completions per second in each fifth of the run. */
      completedPerSecondByFifth: [0, 1, 2, 3, 4].map((fifth) => Math.round(finished.filter((at) => at >= (fifth * seconds * 1000) / 5 && at < ((fifth + 1) * seconds * 1000) / 5 + (fifth === 4 ? 1 : 0)).length / (seconds / 5))),
      sendToComplete: summary(latencies),
      // CPU one order costs: this process (the server, its job worker and the senders; PGlite inside it on
      // the embedded engine), the PostgreSQL server, and the carrier simulator.
      cpuMsPerOrder: {
        node: ms((nodeCpu.user + nodeCpu.system) / 1000 / ORDERS),
        nodeSystem: ms(nodeCpu.system / 1000 / ORDERS),
        postgres: postgresCpu === null ? undefined : ms((postgresCpu * 1000) / ORDERS),
        carrierSim: ms((simCpu * 1000) / ORDERS),
      },
      // How much of the run this process's one thread (server, worker, senders) was busy: near 1, it is the limit.
      eventLoopBusy: Number(eventLoopBusy.toFixed(2)),
      loadAverage: { before: load.before, after: loadAverage() },
      generationSeconds,
      checked: { ...check, simActivations: stats.activations, simCallbacksSent: stats.callbacksSent, simCallbacksFailed: stats.callbacksFailed, jobs },
    };
    log(`${engine}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await worker?.stop();
    await t.close();
    await sim.stop();
  }
}

const results = await forEachEngine(args.engines, { postgresUrl: args['postgres-url'], unixSocket: true, tmpPrefix: 'linedesk-bench-activation-', log }, measure);
console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, results }, null, 2));
