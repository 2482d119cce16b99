// Create Order throughput: two-line orders (one New line, one port-in) on PostgreSQL and PGlite.
// Usage: npm run bench:create-order -- [--seconds=30] [--workers=8] [--engines=postgres,pglite]
//        [--calibrate=300] [--postgres-url=URL: a database on a server of your own instead of a throwaway
//        server, empty or made by bench:duplicates (Create Order at 1,000,000 customers); it gains orders]
// For each engine: a migrated database with the demo catalog and an agent; complete two-line drafts
// are made through the wizard's HTTP API in-process (the same calls as the Create Order tests),
// each for a different customer; then Create Order (`createOrderFromWizard`, the use case the
// route calls) is fired at them by a pool of concurrent workers. A short calibration run first
// sizes the measured run to about `seconds` at that engine's pace.
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { TWizardDraft } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { selectRows } from '../../apps/server/src/db/client.js';
import { createOrderFromWizard } from '../../apps/server/src/flows/create-order-from-wizard.js';
import { loadDemoCatalog, wizardClient } from '../../apps/server/test/wizard-fixture.js';
import { benchApp } from '../bench-app.js';
import { customer } from '../bench-customers.js';
import { forEachEngine, type BenchEngine } from '../engines.js';
import { postgresCpuSeconds } from '../postgres-cpu.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    workers: { type: 'string', default: '8' },
    engines: { type: 'string', default: 'postgres,pglite' },
    calibrate: { type: 'string', default: '300' },
    'postgres-url': { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const WORKERS = Number(args.workers);
const CALIBRATION = Number(args.calibrate);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure({ name: engine, database, postgresPort }: BenchEngine) {
  const t = await benchApp(database);
  try {
    await loadDemoCatalog(t);
    // An email of its own, so a rerun on a kept database (--postgres-url) finds it free.
    const agent = await t.createUser('agent', { name: 'Bench Agent', email: `agent-${Date.now()}@bench.example.com` });
    const wizard = wizardClient(t, await t.sessionFor(agent));
    const audit = { actorUserId: agent.id, actorLabel: agent.email, requestId: null };
    const totals = async () =>
      (
        await selectRows<{ orders: number; lines: number; customers: number }>(
          database.db,
          sql`select (select count(*)::int from orders) as orders, (select count(*)::int from lines) as lines, (select count(*)::int from customers) as customers`,
        )
      )[0]!;
    const before = await totals();
    // On a kept database (--postgres-url) a rerun goes on from the customers earlier runs made, one per order.
    let next = before.orders;

    /** `count` complete drafts, made through the API by 8 concurrent clients. */
    const prepare = async (count: number): Promise<string[]> => {
      const started = performance.now();
      const ids: string[] = [];
      let claimed = 0;
      const client = async () => {
        while (claimed < count) {
          claimed += 1;
          next += 1;
          const draft: TWizardDraft = await wizard.completeDraft(agent.id, customer(next));
          ids.push(draft.id);
        }
      };
      await Promise.all(Array.from({ length: 8 }, client));
      log(`${engine}: ${count} drafts prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return ids;
    };
    /** Create Order for every draft, `workers` at a time; each draft is taken by one worker. */
    const fire = async (ids: string[], workers: number) => {
      const latencies: number[] = [];
      const finished: number[] = [];
      const queue = [...ids];
      const cpuBefore = { node: process.cpuUsage(), postgres: postgresPort ? postgresCpuSeconds(postgresPort) : 0 };
      const started = performance.now();
      const worker = async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const begun = performance.now();
          const result = await createOrderFromWizard({
            db: database.db,
            draftId: id,
            userId: agent.id,
            audit,
            policy: { expiryDays: t.config.draftExpiryDays },
            // Every draft is a different customer; a similar name with the same SSN last 4 can still
            // happen by chance, and Create Order then wants a reason, as an agent would give.
            duplicateAcknowledgement: { reason: 'Benchmark: a different customer' },
          });
          if (!result.created) throw new Error(`draft ${id} was already an order`);
          latencies.push(performance.now() - begun);
          finished.push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: workers }, worker));
      const elapsed = (performance.now() - started) / 1000;
      const nodeCpu = process.cpuUsage(cpuBefore.node);
      const postgresCpu = postgresPort ? postgresCpuSeconds(postgresPort) - cpuBefore.postgres : 0;
      const sorted = latencies.sort((a, b) => a - b);
      const ms = (value: number) => Number(value.toFixed(2));
      return {
        orders: sorted.length,
        seconds: Number(elapsed.toFixed(1)),
        ordersPerSecond: Math.round(sorted.length / elapsed),
        p50ms: ms(percentile(sorted, 50)),
        p95ms: ms(percentile(sorted, 95)),
        p99ms: ms(percentile(sorted, 99)),
        /** Orders/s in each fifth of the run: a falling pace would show the database growing slower. */
        ordersPerSecondByFifth: [0, 1, 2, 3, 4].map((fifth) => Math.round(finished.filter((at) => at >= (fifth * elapsed * 1000) / 5 && at < ((fifth + 1) * elapsed * 1000) / 5).length / (elapsed / 5))),
        // CPU one order costs: the app (Node, with PGlite inside it on the embedded engine) and the PostgreSQL server.
        cpuMsPerOrder: { node: ms((nodeCpu.user + nodeCpu.system) / 1000 / sorted.length), postgres: postgresPort ? ms((postgresCpu * 1000) / sorted.length) : undefined },
      };
    };

    const calibration = await fire(await prepare(CALIBRATION), WORKERS);
    log(`${engine}: calibration ${JSON.stringify(calibration)}`);
    const count = Math.max(CALIBRATION, Math.ceil(calibration.ordersPerSecond * SECONDS * 1.1));
    const ids = await prepare(count);
    log(`${engine}: Create Order x ${count}, ${WORKERS} workers`);
    const run = await fire(ids, WORKERS);
    const counts = await totals();
    const made = { orders: counts.orders - before.orders, lines: counts.lines - before.lines };
    if (made.orders !== CALIBRATION + count || made.lines !== 2 * (CALIBRATION + count)) {
      throw new Error(`expected ${CALIBRATION + count} new orders with two lines each, found ${JSON.stringify(made)}`);
    }
    return { engine, workers: WORKERS, ...run, calibration, totals: counts };
  } finally {
    await t.close();
  }
}

const results = await forEachEngine(args.engines, { postgresUrl: args['postgres-url'], tmpPrefix: 'linedesk-bench-create-order-' }, measure);
console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, seconds: SECONDS, results }, null, 2));
