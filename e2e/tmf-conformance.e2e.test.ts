import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../apps/server/test/throwaway-postgres.js';
import { createProcessDatabase, type ProcessDatabase } from './processes/support/postgres-database.js';
import { REPO_ROOT, startServer, type ProcessEnv, type RunningServer } from './support/server-process.js';

/*
 * The TM Forum conformance test kits (CTK) for TMF622 Product Ordering and TMF629 Customer, run
 * unmodified by newman (Postman's runner) against the built server on a fresh demo database, on the
 * embedded database and on PostgreSQL. The kits are TM Forum's, kept unmodified with their licence
 * notice in `conformance/tmf/ctk` (or the folder TMF_CTK_DIR names, to try another kit version).
 * The only things added, on the in-memory copy, are the base URLs (the kits' own environment file with
 * our addresses) and the API key as the collection's bearer authentication. An agent has made one order
 * in the New Customer Wizard first, so the kits also check an account and order made the usual way.
 */

const CTK_DIR = process.env.TMF_CTK_DIR ? path.resolve(process.env.TMF_CTK_DIR) : path.resolve(REPO_ROOT, 'conformance/tmf/ctk');

type Kit = {
  api: string;
  collection: string;
  environment: string;
  /**
   * The assertions the kit makes when every request answers as it should: with fewer, the run stopped
   * early or a check never ran (a list check runs once per resource listed, so a full list gives more).
   */
  minimumAssertions: number;
};

const KITS: Kit[] = [
  {
    api: 'TMF629 Customer',
    collection: 'TMF629/CTK-Customer-4.0.0.postman_collection.json',
    environment: 'TMF629/TMFENV-V4.0.0.postman_environment.json',
    // POST 9; GET list 20 (status, 8 per customer: the wizard's and the kit's, 3 more on the one it created);
    // by id, ?id= and ?name= 12 each; ?fields=href and ?fields=id 1 each; PATCH 10; unknown id 1.
    minimumAssertions: 78,
  },
  {
    api: 'TMF622 Product Ordering',
    collection: 'TMF622/TMF622-ProductOrdering-v4.0.0.testkit.json',
    environment: 'TMF622/TMFENV-V4.0.0.postman_environment.json',
    // POST 10; GET list 22 (status, 9 per order: the wizard's and the kit's, 3 more on the one it created);
    // by id, ?id= and ?orderDate= 13 each; unknown id 1 (the ?fields= requests check nothing).
    minimumAssertions: 72,
  },
];

/** Where each kit's base URL variable points (with the trailing slash the kits' URLs expect). */
const baseUrlVariables = (serverUrl: string): Record<string, string> => ({
  Customer: `${serverUrl}/tmf-api/customerManagement/v4/`,
  Product_Ordering: `${serverUrl}/tmf-api/productOrderingManagement/v4/`,
});

type PostmanItem = { name: string; item?: PostmanItem[]; request?: unknown };
type PostmanEnvironment = { values: { key: string; value: string; enabled?: boolean }[] };

/** newman's JSON report: the run's totals, every request made and every failed assertion. */
type NewmanReport = {
  run: {
    stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
    executions: {
      cursor?: { ref?: string };
      item: { name: string };
      request?: { method?: string; url?: unknown };
      response?: { code?: number; stream?: { data?: number[] } };
      assertions?: { assertion: string }[];
    }[];
    failures: NewmanFailure[];
    error?: unknown;
  };
};

type NewmanFailure = {
  cursor?: { ref?: string };
  error: { name?: string; test?: string; message?: string };
  source?: { name?: string };
};

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A failed assertion (its name and error), or a request that got no answer. */
function failureText(failure: NewmanFailure): string {
  return `${failure.error.test ?? failure.error.name ?? 'error'}: ${oneLine(failure.error.message ?? '')}`;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function requestCount(items: PostmanItem[]): number {
  return items.reduce((count, item) => count + (item.item ? requestCount(item.item) : item.request ? 1 : 0), 0);
}

/** A Postman URL as newman reports it (a string, or an object with its parts). */
function urlText(url: unknown): string {
  if (typeof url === 'string') return url;
  if (!url || typeof url !== 'object') return '';
  const parts = url as { protocol?: string; host?: string[] | string; port?: string; path?: string[] | string; query?: { key: string; value: string | null }[] };
  const host = Array.isArray(parts.host) ? parts.host.join('.') : (parts.host ?? '');
  const pathname = Array.isArray(parts.path) ? parts.path.join('/') : (parts.path ?? '');
  const query = (parts.query ?? []).map((entry) => `${entry.key}=${entry.value ?? ''}`).join('&');
  return `${parts.protocol ? `${parts.protocol}://` : ''}${host}${parts.port ? `:${parts.port}` : ''}/${pathname}${query ? `?${query}` : ''}`;
}

function runNewman(options: { collection: object; environment: object; reportFile: string }): Promise<NewmanReport> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: options.collection,
        environment: options.environment,
        reporters: ['json'],
        reporter: { json: { export: options.reportFile } },
        timeoutRequest: 15_000,
      },
      (error) => {
        if (error) reject(error);
        else resolve(readJson<NewmanReport>(options.reportFile));
      },
    );
  });
}

/** A demo user's calls to /api as the web app makes them: signed in, with this site's Origin. */
async function signedInApi(serverUrl: string, role: 'admin' | 'agent') {
  const signIn = await fetch(`${serverUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify({ email: `${role}@demo.linedesk.app`, password: `linedesk-${role}` }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in as ${role} answered ${signIn.status}: ${await signIn.text()}`);
  const cookie = signIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  return async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${serverUrl}${path}`, {
      method,
      headers: { origin: serverUrl, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** The demo admin creates an admin API key, as an integrator would be given one. */
async function createAdminApiKey(serverUrl: string): Promise<string> {
  const call = await signedInApi(serverUrl, 'admin');
  return (await call<{ key: string }>('POST', '/api/api-keys', { name: 'TM Forum conformance kits', role: 'admin' })).key;
}

/**
 * A customer and order made by an agent in the New Customer Wizard (through its API): so the kits' lists
 * hold a LineDesk account and order made the usual way, beside what the kits create themselves.
 */
async function createWizardOrder(serverUrl: string): Promise<void> {
  const call = await signedInApi(serverUrl, 'agent');
  const salesPeople = await call<{ id: string; name: string }[]>('GET', '/api/users/sales-people');
  const offer = await call<{ products: { productCode: string; quantity: number; inclusion: string }[] }>(
    'GET',
    '/api/catalog/wizard/offer?carrierCode=NWM&packageCode=NWM-UNL-ESS&orderType=NEW',
  );
  const products = offer.products.filter((product) => product.inclusion !== 'optional').map(({ productCode, quantity }) => ({ productCode, quantity }));
  const draft = `/api/wizard/drafts/${(await call<{ id: string }>('POST', '/api/wizard/drafts', {})).id}`;
  const contact = { firstName: 'Marisol', lastName: 'Quintero', phone: '(312) 555-0163', email: 'marisol.quintero@example.com' };
  await call('PUT', `${draft}/start`, { carrierCode: 'NWM', orderType: 'NEW', contacts: [{ contactType: 'PRIMARY', ...contact }] });
  await call('PUT', `${draft}/profile`, { customerClass: 'RESIDENTIAL', billProfileCode: 'RES-STD', billMethod: 'EMAIL', billEmail: contact.email, salesPersonUserId: salesPeople[0]?.id });
  await call('PUT', `${draft}/names`, {
    firstName: contact.firstName,
    lastName: contact.lastName,
    serviceAddress: { line1: '2150 N Lincoln Ave', city: 'Chicago', state: 'IL', zip: '60614' },
    listingType: 'NON_PUBLISHED',
  });
  await call('POST', `${draft}/lines`, { orderType: 'NEW', lineTypeCode: 'SMARTPHONE', packageCode: 'NWM-UNL-ESS', products, properties: { userName: 'Marisol' }, areaCode: '312', deviceSource: 'STOCK' });
  await call('PUT', `${draft}/final`, { options: { fulfillment: 'PICKUP', sendAutomatically: false }, payment: { method: 'INVOICE' } });
  await call('POST', `${draft}/create-order`, {});
}

/**
 * Runs one kit against the server and answers what went wrong, one line each: every failed assertion
 * (its name, the request and the error), a request that got no answer, a request of the kit that was
 * not made, and too few assertions.
 */
async function runKit(kit: Kit, serverUrl: string, apiKey: string, reportDir: string): Promise<{ problems: string[]; report: NewmanReport }> {
  const collectionFile = path.join(CTK_DIR, kit.collection);
  const environmentFile = path.join(CTK_DIR, kit.environment);
  for (const file of [collectionFile, environmentFile]) {
    if (!existsSync(file)) {
      throw new Error(
        `The TM Forum conformance kit file ${file} is missing: the kits are kept in conformance/tmf/ctk ` +
          `(or the folder the TMF_CTK_DIR environment variable names).`,
      );
    }
  }

  // The kit as published, with the API key as its authentication (every request inherits it).
  const collection = readJson<{ item: PostmanItem[]; auth?: unknown }>(collectionFile);
  collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: apiKey, type: 'string' }] };
  // The kit's own environment, pointed at this server.
  const environment = readJson<PostmanEnvironment>(environmentFile);
  for (const [key, value] of Object.entries(baseUrlVariables(serverUrl))) {
    const existing = environment.values.find((entry) => entry.key === key);
    if (existing) Object.assign(existing, { value, enabled: true });
    else environment.values.push({ key, value, enabled: true });
  }

  const report = await runNewman({ collection, environment, reportFile: path.join(reportDir, `${kit.api.split(' ')[0]}.json`) });
  const { run } = report;
  const problems: string[] = [];
  if (run.error) problems.push(`the run stopped: ${JSON.stringify(run.error)}`);
  // Each failed assertion under the request it checked (as made, variables resolved), then what the server answered.
  const executed = new Set(run.executions.map((execution) => execution.cursor?.ref));
  for (const execution of run.executions) {
    const failures = run.failures.filter((failure) => failure.cursor?.ref === execution.cursor?.ref);
    if (failures.length === 0) continue;
    const where = `${execution.item.name} (${execution.request?.method ?? ''} ${urlText(execution.request?.url)})`;
    for (const failure of failures) problems.push(`${where}: ${failureText(failure)}`);
    if (execution.response) {
      const body = Buffer.from(execution.response.stream?.data ?? []).toString('utf8');
      problems.push(`${where} answered ${execution.response.code ?? '?'}: ${oneLine(body).slice(0, 400)}`);
    }
  }
  for (const failure of run.failures.filter((candidate) => !executed.has(candidate.cursor?.ref))) {
    problems.push(`${failure.source?.name ?? 'the run'}: ${failureText(failure)}`);
  }
  const expectedRequests = requestCount(collection.item);
  if (run.executions.length !== expectedRequests) problems.push(`${run.executions.length} of the kit's ${expectedRequests} requests were made`);
  if (run.stats.assertions.failed !== 0) problems.push(`${run.stats.assertions.failed} of ${run.stats.assertions.total} assertions failed`);
  if (run.stats.assertions.total < kit.minimumAssertions) {
    const perRequest = run.executions.map((execution) => `${execution.item.name} ${execution.request?.method ?? ''}: ${execution.assertions?.length ?? 0}`);
    problems.push(`only ${run.stats.assertions.total} assertions ran; the kit makes at least ${kit.minimumAssertions} (${perRequest.join(', ')})`);
  }
  return { problems, report };
}

type Engine = {
  name: string;
  /** Prepares an empty database and answers the server's environment for it. */
  start(): Promise<ProcessEnv>;
  stop(): Promise<void>;
};

const pglite = (): Engine => ({ name: 'the embedded database (PGlite)', start: async () => ({}), stop: async () => undefined });

const postgres = (): Engine => {
  let server: ThrowawayPostgres | undefined;
  let database: ProcessDatabase | undefined;
  return {
    name: 'PostgreSQL',
    start: async () => {
      server = await startThrowawayPostgres();
      database = await createProcessDatabase(server.url, 'linedesk_tmf_ctk');
      return database.env;
    },
    stop: async () => {
      await database?.close();
      server?.stop();
    },
  };
};

describe.each([pglite(), postgres()])('TM Forum conformance kits (newman) on $name', (engine) => {
  let server: RunningServer;
  let apiKey: string;
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-ctk-'));

  beforeAll(async () => {
    const env = await engine.start();
    server = await startServer({ env: { ...env, DEMO_MODE: 'on' } });
    apiKey = await createAdminApiKey(server.url);
    await createWizardOrder(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    await engine.stop();
    rmSync(reportDir, { recursive: true, force: true });
  });

  it.each(KITS)('should pass every check of the $api kit', async (kit) => {
    const { problems, report } = await runKit(kit, server.url, apiKey, reportDir);
    expect(problems, `${kit.api}: newman's failures`).toEqual([]);
    expect(report.run.stats.assertions.failed).toBe(0);
    expect(report.run.stats.assertions.total).toBeGreaterThanOrEqual(kit.minimumAssertions);
  });
});
