// Create Order throughput: two-line orders (one New line, one port-in) on PostgreSQL and PGlite.
// Usage: npm run bench:create-order -- [--seconds=30] [--workers=8] [--engines=postgres,pglite]
//        [--calibrate=300] [--postgres-url=URL: a database on a server of your own instead of a throwaway
//        server, empty or made by bench:duplicates (Create Order at 1,000,000 customers); it gains orders]
// For each engine: a migrated database with the demo catalog and an agent; complete two-line drafts
// are made through the wizard's HTTP API in-process (the same calls as the Create Order tests),
// each for a different customer; then Create Order (`createOrderFromWizard`, the use case the
// route calls) is fired at them by a pool of concurrent workers. A short calibration run first
// sizes the measured run to about `seconds` at that engine's pace.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TWizardDraft } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { openDatabase, selectRows, type Database } from '../../apps/server/src/db/client.js';
import { runMigrations } from '../../apps/server/src/db/migrate.js';
import { createOrderFromWizard } from '../../apps/server/src/flows/create-order-from-wizard.js';
import { SYSTEM_ACTOR } from '../../apps/server/src/modules/audit/record-audit.js';
import { sessions } from '../../apps/server/src/modules/auth/auth.schema.js';
import { SESSION_COOKIE, newSessionToken } from '../../apps/server/src/modules/auth/session-token.js';
import { createUser } from '../../apps/server/src/modules/auth/use-cases/create-user.js';
import { createSecretBox } from '../../apps/server/src/security/secret-box.js';
import type { TestApp } from '../../apps/server/test/test-app.js';
import { startThrowawayPostgres } from '../../apps/server/test/throwaway-postgres.js';
import { NAMES, PORT_LINE, START, loadDemoCatalog, wizardClient } from '../../apps/server/test/wizard-fixture.js';
import { chooseZips } from '../duplicates/generate-customers.js';
import { AREA_CODES, FIRST_NAMES, STREET_NAMES, SURNAME_HEADS, SURNAME_TAILS } from '../duplicates/us-people.js';
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

/** The app in-process with its database, as the tests build it (test-app.ts), without vitest. */
async function benchApp(database: Database): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  const secrets = createSecretBox(Buffer.alloc(32, 7));
  const app = await buildApp({ database, config, secrets });
  await app.ready();
  let counter = 0;
  return {
    app,
    database,
    config,
    secrets,
    request: ({ session, headers, ...options }) =>
      app.inject({ ...options, headers: { host: 'linedesk.bench', origin: 'http://linedesk.bench', ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}), ...headers } }),
    createUser: async (role, overrides = {}) => {
      counter += 1;
      const input = { email: overrides.email ?? `${role}${counter}@bench.example.com`, name: overrides.name ?? `Bench ${role} ${counter}`, role, password: 'bench-password-1' };
      const user = await createUser({ db: database.db, audit: SYSTEM_ACTOR, input });
      return { id: user.id, email: user.email, role: user.role };
    },
    sessionFor: async (user) => {
      const { token, tokenHash } = newSessionToken();
      await database.db.insert(sessions).values({ tokenHash, userId: user.id, expiresAt: new Date(Date.now() + 24 * 3_600_000) });
      return token;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const zips = chooseZips(2000);
/**
 * Customer number `n`: phones, email, SSN and ported number of its own, a name and an address (in one
 * of 2,000 real ZIPs) that rarely repeat.
 */
function customer(n: number) {
  const firstName = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const lastName = `${SURNAME_HEADS[Math.floor(n / FIRST_NAMES.length) % SURNAME_HEADS.length]}${SURNAME_TAILS[Math.floor(n / 7) % SURNAME_TAILS.length]}`;
  const npa = (k: number) => AREA_CODES[(n * 7 + k) % AREA_CODES.length]!;
  // Exchanges 200-899 avoiding N11 and 555, the line number from n: no number repeats in runs under 2 million drafts.
  const number = (k: number) => {
    const exchange = 200 + ((Math.floor(n / 10000) * 3 + k) % 700);
    const safe = exchange % 100 === 11 || exchange === 555 ? exchange + 1 : exchange;
    return `(${npa(k)}) ${safe}-${String(n % 10000).padStart(4, '0')}`;
  };
  const zip = zips[n % zips.length]!;
  const email = `${firstName}.${lastName}.${n}@example.net`.toLowerCase();
  const serial = String(1 + (n % 9999)).padStart(4, '0');
  const group = String(1 + (Math.floor(n / 9999) % 99)).padStart(2, '0');
  return {
    start: { ...START, contacts: [{ contactType: 'PRIMARY' as const, firstName, lastName, phone: number(0), mobile: number(1), email }] },
    names: { ...NAMES, firstName, lastName, serviceAddress: { line1: `${1 + (n % 9000)} ${STREET_NAMES[n % STREET_NAMES.length]} St`, city: zip.city, state: zip.state, zip: zip.zip } },
    profile: { ssn: `${String(100 + (n % 500)).padStart(3, '0')}-${group}-${serial}`, billEmail: email, securityPin: '8264' },
    portLine: { ...PORT_LINE, portIn: { ...PORT_LINE.portIn!, number: number(2), accountName: `${firstName} ${lastName}`, authorizedSigner: `${firstName} ${lastName}` } },
  };
}

async function measure(engine: string, database: Database, postgresPort: string | null) {
  await runMigrations(database);
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

const results = [];
for (const engine of (args.engines ?? '').split(',').filter(Boolean)) {
  if (engine === 'postgres') {
    const postgres = args['postgres-url'] ? null : await startThrowawayPostgres();
    const url = args['postgres-url'] ?? postgres!.url;
    try {
      results.push(await measure(engine, await openDatabase({ kind: 'postgres', url }), new URL(url).port || '5432'));
    } finally {
      postgres?.stop();
    }
  } else if (engine === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-bench-create-order-'));
    try {
      results.push(await measure(engine, await openDatabase({ kind: 'pglite', dataDir }), null));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  } else {
    throw new Error(`unknown engine ${engine}: use postgres and/or pglite`);
  }
}
console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, seconds: SECONDS, results }, null, 2));
