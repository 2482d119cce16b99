import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../apps/server/test/throwaway-postgres.js';
import { startServer, startWorker, type ProcessEnv, type RunningProcess, type RunningServer } from '../support/server-process.js';
import { cpuMeter } from './support/cpu.js';
import { describeSim, expectEachOrderCompletedOnce, waitForCompletion } from './support/completion.js';
import { inParallel, sendOrder, sendRequestsFor, signIn, type SendOutcome } from './support/orders-api.js';
import { printLoggedProblems } from './support/logs.js';
import { createProcessDatabase, type ProcessDatabase } from './support/postgres-database.js';
import { makeReadyOrders } from './support/ready-orders.js';

/*
 * The scale-out test on PostgreSQL: two server processes that only answer HTTP (WORKER=off) and two
 * worker processes (`npm run worker`) share one database. A burst of 1,000 Sends is spread over both
 * servers, and one Send in ten is made a second time, with the same Idempotency-Key, at the other server
 * at the same moment (a double click that a load balancer split). No order may be sent to the carrier
 * twice, and none may be left behind.
 */

const ORDERS = 1_000;
/** Every tenth order is also sent at the other server, at the same moment, with the same key. */
const TWICE_EVERY = 10;
const SENDS_IN_FLIGHT = 32;
const COMPLETION_DEADLINE_MS = 150_000;
const JOBS: ProcessEnv = { CARRIER_POLL_SECONDS: '5', JOB_RETRY_BASE_MS: '200', JOB_RETRY_CAP_MS: '5000' };

describe('scale-out: two servers and two workers on one PostgreSQL take a burst of 1,000 orders', () => {
  let postgres: ThrowawayPostgres;
  let world: ProcessDatabase;
  let sim: CarrierSim;
  let servers: RunningServer[] = [];
  let workers: RunningProcess[] = [];

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    world = await createProcessDatabase(postgres.url, 'linedesk_scale_out');
    sim = await startCarrierSim({ delayMs: 0 });
    // Both at once: they take turns to migrate and to seed the demo data (advisory locks), so it is done once.
    const env = { ...world.env, DEMO_MODE: 'on', DEMO_CARRIER_GATEWAY_URL: sim.baseUrl, WORKER: 'off', ...JOBS };
    servers = await Promise.all([startServer({ env }), startServer({ env })]);
    // Each worker asks the carrier to call back at one of the servers.
    workers = await Promise.all(servers.map((server) => startWorker({ env: { ...world.env, ...JOBS, PUBLIC_URL: server.url } })));
  });
  afterAll(async () => {
    await Promise.all([...workers, ...servers].map((running) => running.stop()));
    printLoggedProblems([...servers.map((running, i) => ({ name: `server ${i + 1}`, running })), ...workers.map((running, i) => ({ name: `worker ${i + 1}`, running }))]);
    await world?.close();
    await sim?.stop();
    postgres?.stop();
  });

  it('should send every order to the carrier exactly once and complete them all', async () => {
    const madeAt = performance.now();
    const orders = await makeReadyOrders(world, ORDERS);
    const madeIn = performance.now() - madeAt;
    const session = await signIn(servers[0]!.url);
    const requests = sendRequestsFor(orders.map((order) => order.orderId));

    const cpu = cpuMeter({ servers: servers.map((server) => server.pid), 'worker 1': [workers[0]!.pid], 'worker 2': [workers[1]!.pid], simulator: [sim.pid] }, postgres.url);
    const started = performance.now();
    const answers = await inParallel(requests, SENDS_IN_FLIGHT, async (request, index): Promise<SendOutcome[]> => {
      const [here, there] = index % 2 === 0 ? servers : [...servers].reverse();
      if (index % TWICE_EVERY !== 0) return [await sendOrder(here!.url, session, request)];
      return Promise.all([sendOrder(here!.url, session, request), sendOrder(there!.url, session, request)]);
    });
    const sentIn = performance.now() - started;

    const outcomes = answers.flat();
    console.log(`[scale-out] ${ORDERS} Ready orders made in ${seconds(madeIn)}; ${outcomes.length} Sends answered in ${seconds(sentIn)} (${Math.round(outcomes.length / (sentIn / 1000))}/s)`);
    const refused = outcomes.filter((outcome) => outcome.status !== 200);
    expect(refused, JSON.stringify(refused.slice(0, 3))).toEqual([]);
    expect(outcomes).toHaveLength(ORDERS + ORDERS / TWICE_EVERY);
    // Both servers took their share, and both answered the doubled Sends with the order as it then was.
    for (const server of servers) expect(outcomes.filter((outcome) => outcome.serverUrl === server.url).length).toBeGreaterThanOrEqual(ORDERS / 2);
    for (const outcome of outcomes) expect(['SENT', 'IN_PROGRESS', 'COMPLETE']).toContain(outcome.orderStatus);

    const { report, allCompleteAt } = await waitForCompletion(world.database.db, orders, COMPLETION_DEADLINE_MS);
    const completedIn = allCompleteAt - started;
    const settledIn = performance.now() - started;
    const cpuUsed = cpu.used();
    const stats = await sim.stats();
    console.log(
      `[scale-out] ${outcomes.length} Sends (${ORDERS / TWICE_EVERY} doubled at the other server); every order Complete ${seconds(completedIn)} after the first Send ` +
        `(${Math.round(ORDERS / (completedIn / 1000))} orders/s), no job left after ${seconds(settledIn)}. Simulator: ${describeSim(stats)}. ` +
        `CPU per order: ${Object.entries(cpuUsed).map(([name, used]) => `${name} ${((used * 1000) / ORDERS).toFixed(1)} ms`).join(', ')} ` +
        `(${Object.values(cpuUsed).reduce((sum, used) => sum + used, 0).toFixed(1)} CPU s in all for ${seconds(settledIn)} on ${availableParallelism()} cores)`,
    );
    expectEachOrderCompletedOnce(report, stats, orders);
    // Both workers took their share of the jobs (each claims what is due when it looks: neither sits idle).
    const workersCpu = cpuUsed['worker 1']! + cpuUsed['worker 2']!;
    expect(cpuUsed['worker 1']!).toBeGreaterThan(workersCpu / 10);
    expect(cpuUsed['worker 2']!).toBeGreaterThan(workersCpu / 10);
  });
});

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
