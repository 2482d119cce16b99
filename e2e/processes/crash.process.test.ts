import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../apps/server/test/throwaway-postgres.js';
import { freePort, startServer, startWorker, type ProcessEnv, type RunningProcess } from '../support/server-process.js';
import { acceptedCount, describeSim, expectEachOrderCompletedOnce, waitForCompletion, waitUntil } from './support/completion.js';
import { inParallel, sendOrder, sendRequestsFor, signIn, type SendOutcome } from './support/orders-api.js';
import { printLoggedProblems } from './support/logs.js';
import { createProcessDatabase, type ProcessDatabase } from './support/postgres-database.js';
import { simFaults } from './support/sim-faults.js';
import { makeReadyOrders } from './support/ready-orders.js';

/*
 * The crash test, with real processes on PostgreSQL: the built server (and, separately, a worker process)
 * is killed with SIGKILL while orders are being sent to the carrier gateway simulator, then started again
 * on the same database. Every order must still end Complete, and the simulator must have activated each
 * line exactly once: a job cut short runs again after its lease, with the submission's stable key, and
 * the carrier answers a repeated key with the first answer instead of activating again.
 */

const ORDERS = 60;
/** Leases short enough for a killed worker's jobs to be taken again within seconds; quick retries and status checks. */
const JOBS: ProcessEnv = { JOB_LEASE_SECONDS: '3', CARRIER_POLL_SECONDS: '2', JOB_RETRY_BASE_MS: '50', JOB_RETRY_CAP_MS: '1000', WORKER_CONCURRENCY: '4' };
/** Sends at once, like a few agents clicking: few enough that Sends are still being made when the server is killed. */
const SENDS_IN_FLIGHT = 2;
/** Submits the carrier takes but holds unanswered when the process is killed. */
const HELD = 2;
const COMPLETION_DEADLINE_MS = 90_000;

describe('crash test: kill -9 in the middle of sends, restart, every order completes exactly once', () => {
  let postgres: ThrowawayPostgres;
  let world: ProcessDatabase;
  let sim: CarrierSim;
  const processes: { name: string; running: RunningProcess }[] = [];

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    world = await createProcessDatabase(postgres.url, 'linedesk_crash');
    // Each request takes the carrier a moment: accepted at once, in progress after 200 ms, done 200 ms later.
    // A callback that finds no server is tried once more, 100 ms later, then dropped: what a dead server
    // missed, the restarted one learns from its status checks, or by submitting again.
    sim = await startCarrierSim({ delayMs: 200, callbackAttempts: 2 });
  });
  // Each test's processes stop when it ends: a server left running would run the next test's jobs.
  afterEach(async () => {
    const ended = processes.splice(0);
    await Promise.all(ended.map(({ running }) => running.stop()));
    printLoggedProblems(ended);
  });
  afterAll(async () => {
    await world?.close();
    await sim?.stop();
    postgres?.stop();
  });

  /** A server in demo mode (the first one seeds the database), its demo carriers sending to this simulator. */
  const serverEnv = (extra: ProcessEnv): ProcessEnv => ({ ...world.env, DEMO_MODE: 'on', DEMO_CARRIER_GATEWAY_URL: sim.baseUrl, ...JOBS, ...extra });
  const track = <T extends RunningProcess>(name: string, running: T): T => {
    processes.push({ name, running });
    return running;
  };
  /**
   * The kill, in the middle of the sends: once the carrier has been sent half the orders, it is made to take
   * the next HELD submits but not answer them, and the process is killed while it waits for those answers.
   * So at least HELD activations are done at the carrier that the database does not know of yet.
   */
  const killMidSends = async (victim: RunningProcess) => {
    await waitUntil('half the orders submitted to the carrier', async () => (await sim.stats()).submits >= ORDERS / 2, { timeoutMs: 60_000, intervalMs: 10 });
    await sim.setFaults({ timeouts: HELD, timeoutAfterAccept: true });
    await waitUntil(`the carrier to take and hold ${HELD} submits`, async () => (await simFaults(sim)).timeouts === 0, { timeoutMs: 30_000, intervalMs: 10 });
    await victim.stop('SIGKILL');
    await sim.setFaults({});
  };

  it('should complete every order once when the server, running the worker in-process, is killed and restarted', async () => {
    await sim.reset();
    const port = await freePort();
    let server = track('first server', await startServer({ port, env: serverEnv({ WORKER: 'in-process' }) }));
    const orders = await makeReadyOrders(world, ORDERS);
    const session = await signIn(server.url);
    const requests = sendRequestsFor(orders.map((order) => order.orderId));

    const started = performance.now();
    const sending = inParallel(requests, SENDS_IN_FLIGHT, (request) => sendOrder(server.url, session, request));
    await killMidSends(server);
    const killedAt = performance.now();
    const firstTry = await sending;
    const atKill = await sim.stats();
    const acceptedAtKill = await acceptedCount(world.database.db, orders);
    // The kill came in the middle: the carrier had not been sent every order yet.
    expect(atKill.submits).toBeLessThan(ORDERS);

    server = track('restarted server', await startServer({ port, env: serverEnv({ WORKER: 'in-process' }) }));
    const restartedAt = performance.now();
    // The browser retries a Send that got no answer with the same Idempotency-Key: whether or not the first one committed, the order is sent once.
    const unanswered = firstTry.filter((outcome) => outcome.status === null);
    const retried = await inParallel(unanswered, SENDS_IN_FLIGHT, (outcome) => sendOrder(server.url, session, outcome.request));
    expectEverySendTaken([...firstTry.filter((outcome) => outcome.status !== null), ...retried], ORDERS);

    const { report, allCompleteAt } = await waitForCompletion(world.database.db, orders, COMPLETION_DEADLINE_MS);
    const stats = await sim.stats();
    console.log(
      `[crash: server] ${ORDERS} orders; killed after ${seconds(killedAt - started)} with ${atKill.submits} submits made and ${acceptedAtKill} recorded as accepted, ` +
        `${unanswered.length} Sends unanswered (retried); restarted in ${seconds(restartedAt - killedAt)}; all Complete ${seconds(allCompleteAt - started)} after the first Send. ` +
        `Simulator: ${describeSim(stats)}`,
    );
    expectEachOrderCompletedOnce(report, stats, orders);
    // The held submits were made again after the restart, with the same key, and answered with the first answer.
    expect(stats.submits - ORDERS).toBeGreaterThanOrEqual(HELD);
  });

  it('should complete every order once when a worker process is killed mid-sends and a new worker is started', async () => {
    await sim.reset();
    const server = track('server', await startServer({ env: serverEnv({ WORKER: 'off' }) }));
    // The worker asks the carrier to call back at the server (which keeps running throughout).
    const workerEnv = { ...world.env, ...JOBS, PUBLIC_URL: server.url };
    const firstWorker = track('first worker', await startWorker({ env: workerEnv }));
    const orders = await makeReadyOrders(world, ORDERS);
    const session = await signIn(server.url);
    const requests = sendRequestsFor(orders.map((order) => order.orderId));

    const started = performance.now();
    const sending = inParallel(requests, SENDS_IN_FLIGHT, (request) => sendOrder(server.url, session, request));
    await killMidSends(firstWorker);
    const killedAt = performance.now();
    const atKill = await sim.stats();
    const acceptedAtKill = await acceptedCount(world.database.db, orders);
    expect(atKill.submits).toBeLessThan(ORDERS);
    expectEverySendTaken(await sending, ORDERS);

    // Nothing runs the jobs until a new worker starts; it takes the dead worker's jobs once their lease lapses.
    track('new worker', await startWorker({ env: workerEnv }));
    const restartedAt = performance.now();
    const { report, allCompleteAt } = await waitForCompletion(world.database.db, orders, COMPLETION_DEADLINE_MS);
    const stats = await sim.stats();
    console.log(
      `[crash: worker] ${ORDERS} orders; worker killed after ${seconds(killedAt - started)} with ${atKill.submits} submits made and ${acceptedAtKill} recorded as accepted; ` +
        `new worker after ${seconds(restartedAt - killedAt)}; all Complete ${seconds(allCompleteAt - started)} after the first Send. Simulator: ${describeSim(stats)}`,
    );
    expectEachOrderCompletedOnce(report, stats, orders);
  });
});

/** Every order's Send was answered 200 with the order Sent (or already further along, for a retried one). */
function expectEverySendTaken(outcomes: SendOutcome[], count: number): void {
  const refused = outcomes.filter((outcome) => outcome.status !== 200);
  expect(refused, JSON.stringify(refused.slice(0, 3))).toEqual([]);
  expect(new Set(outcomes.map((outcome) => outcome.request.orderId)).size).toBe(count);
  for (const outcome of outcomes) expect(['SENT', 'IN_PROGRESS', 'COMPLETE']).toContain(outcome.orderStatus);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
