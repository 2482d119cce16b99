import { randomUUID } from 'node:crypto';
import type { CarrierSim } from '@linedesk/carrier-sim/testing';
import type { TCarrierMessage, TOrderDetail, TWizardLineInput } from '@linedesk/domain';
import { expect } from 'vitest';
import { CARRIER_SUBMIT_JOB } from '../src/flows/carrier-jobs.js';
import { provisioningJobHandlers } from '../src/flows/provisioning-jobs.js';
import { demoCatalogWithSecrets } from '../src/modules/catalog/demo-catalog.js';
import { startJobRunner, type JobHandlers, type JobLogger, type JobRunner } from '../src/modules/jobs/job-runner.js';
import { createAdapterRegistry } from '../src/modules/provisioning/adapters/adapter-registry.js';
import { DEMO_CARRIER_ACCOUNTS_FILE } from '../src/paths.js';
import { startWorker } from '../src/start-worker.js';
import { addStock, aDevice, aSim, createWizardOrder, newIccid, newImei, OWN_DEVICE_TAC } from './order-fixture.js';
import { createTestApp, type TestApp, type TestUser } from './test-app.js';
import { loadDemoCatalog, NEW_LINE } from './wizard-fixture.js';

/** What the job worker logged: retries are warnings; a job that failed or was given up is an error. */
export type LoggedEntry = { level: 'info' | 'warn' | 'error'; fields: object; message: string | undefined };

export type CarrierTestApp = TestApp & {
  /** Where the app listens (http://127.0.0.1:<port>): carriers call back at `<url>/api/carrier-callbacks/<code>`. */
  url: string;
  worker: JobRunner;
  logged: LoggedEntry[];
};

/**
 * The app as `npm start` runs it, on its own database: listening on a free port over real HTTP (the
 * carrier's callbacks come there, PUBLIC_URL being the server's own address as main.ts sets it when
 * unset), the job worker in-process (`startWorker`, configured by `env`: JOB_RETRY_BASE_MS,
 * CARRIER_TIMEOUT_MS, CARRIER_POLL_SECONDS …), and the demo carriers NWM and BSW connected to the given
 * carrier gateway simulator with the demo accounts' credentials and webhook secrets.
 */
export async function createCarrierTestApp(sim: CarrierSim, env: Record<string, string> = {}): Promise<CarrierTestApp> {
  const t = await createTestApp(env);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the test app is not listening on a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  t.config.publicUrl ??= url;

  await loadSimCatalog(t, sim);

  const logged: LoggedEntry[] = [];
  const entry = (level: LoggedEntry['level']) => (fields: object, message?: string) => void logged.push({ level, fields, message });
  const log: JobLogger = { info: entry('info'), warn: entry('warn'), error: entry('error') };
  const worker = startWorker({ db: t.database.db, config: t.config, secrets: t.secrets, log });
  return {
    ...t,
    url,
    worker,
    logged,
    close: async () => {
      await worker.stop();
      await t.close();
    },
  };
}

/**
 * The demo catalog with the demo carrier accounts' credentials and webhook secrets, its carrier-gateway
 * carriers (Northwind Mobile, Bluestar Wireless) sending to the given carrier gateway simulator.
 */
export async function loadSimCatalog(t: TestApp, sim: CarrierSim): Promise<void> {
  await loadDemoCatalog(t, demoCatalogWithSecrets(DEMO_CARRIER_ACCOUNTS_FILE, sim.baseUrl));
}

const QUIET: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A job runner of the app's provisioning jobs, quiet and quick to retry: every kind (submits, status
 * checks …), or only the submits (`'submit'`: status checks are left queued).
 */
export function startProvisioningRunner(t: TestApp, kinds: 'submit' | 'all' = 'all'): JobRunner {
  const all = provisioningJobHandlers({ db: t.database.db, config: t.config, secrets: t.secrets, adapters: createAdapterRegistry({ carrierTimeoutMs: 5000 }), log: QUIET });
  const handlers: JobHandlers = kinds === 'all' ? all : { [CARRIER_SUBMIT_JOB]: all[CARRIER_SUBMIT_JOB]! };
  return startJobRunner({ db: t.database.db, handlers, concurrency: 4, leaseSeconds: 30, retry: { baseMs: 20, capMs: 200 }, pollMs: 50, log: QUIET });
}

/** What an agent does and sees around sending: Ready orders, Send, the order page and its Carrier Messages. */
export function carrierOrderClient(t: TestApp, agent: TestUser, session: string) {
  const page = async (orderId: string): Promise<TOrderDetail> => {
    const response = await t.request({ method: 'GET', url: `/api/orders/${orderId}`, session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const messages = async (orderId: string): Promise<TCarrierMessage[]> => {
    const response = await t.request({ method: 'GET', url: `/api/orders/${orderId}/carrier-messages`, session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Waits until the order is in that status (or one of those: Complete, Error …) and answers its page. */
  const waitForStatus = (orderId: string, status: TOrderDetail['status'] | TOrderDetail['status'][], timeoutMs?: number) => {
    const statuses = Array.isArray(status) ? status : [status];
    return waitFor(`the order to be ${statuses.join(' or ')}`, async () => {
      const order = await page(orderId);
      return statuses.includes(order.status) ? order : null;
    }, timeoutMs);
  };

  /**
   * An order of Northwind Mobile lines (default one new line), each given a SIM from stock and its device
   * (from stock, or the customer's own on a line that brings one): Ready.
   */
  const readyOrder = async (lines: TWizardLineInput[] = [NEW_LINE], options: Parameters<typeof createWizardOrder>[4] = {}) => {
    const created = await createWizardOrder(t, session, agent.id, lines, options);
    const before = await page(created.orderId);
    for (const [index, line] of lines.entries()) {
      const fromStock = line.deviceSource === 'STOCK';
      const [sim, device] = [newIccid(), fromStock ? newImei() : newImei(OWN_DEVICE_TAC)];
      await addStock(t, fromStock ? [aSim(sim), aDevice(device)] : [aSim(sim)]);
      const response = await t.request({ method: 'POST', url: `/api/orders/${created.orderId}/inventory`, session, payload: { text: `${sim}\n${device}`, lineId: before.lines[index]!.id } });
      expect(response.statusCode, `line ${index + 1}: ${response.body}`).toBe(200);
    }
    expect((await page(created.orderId)).status).toBe('READY');
    return created;
  };

  /** The Send button: answers the order page as Send does. */
  const send = async (orderId: string): Promise<TOrderDetail> => {
    const response = await t.request({ method: 'POST', url: `/api/orders/${orderId}/send`, session, headers: { 'idempotency-key': randomUUID() } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  return { session, page, messages, waitFor, waitForStatus, readyOrder, send };
}
