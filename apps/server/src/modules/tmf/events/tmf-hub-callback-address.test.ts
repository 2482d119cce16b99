import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, like } from 'drizzle-orm';
import type { TTmfHubView } from '@linedesk/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newImei } from '../../../../test/order-fixture.js';
import { createTestApp } from '../../../../test/test-app.js';
import { startCallbackServer, type CallbackServer } from '../../../../test/tmf-callback-server.js';
import { loadDemoCatalog } from '../../../../test/wizard-fixture.js';
import { auditLog } from '../../audit/audit.schema.js';
import { jobs } from '../../jobs/jobs.schema.js';
import { forgetHubApis } from './hub-cache.js';
import { TMF_DELIVERY_JOB } from './tmf-event-jobs.js';
import { tmfHubs } from './tmf-hubs.schema.js';
import { startTmfEventRunner } from '../../../../test/tmf-fixture.js';

const RESOURCES = 'resourceInventoryManagement/v4';

/** An app with its admin and inventory sessions. */
async function appWith(env: Record<string, string>) {
  const t = await createTestApp({ LOG_LEVEL: 'error', ...env });
  await loadDemoCatalog(t);
  const admin = await t.sessionFor(await t.createUser('admin'));
  const inventory = await t.sessionFor(await t.createUser('inventory'));
  return { t, admin, inventory };
}

type Harness = Awaited<ReturnType<typeof appWith>>;

const subscribe = (h: Harness, callback: string) => h.t.request({ method: 'POST', url: `/tmf-api/${RESOURCES}/hub`, session: h.admin, payload: { callback } });

/** A stock item received: a ResourceCreateEvent for every resource hub. */
async function receiveStock(h: Harness): Promise<void> {
  const response = await h.t.request({
    method: 'POST',
    url: '/api/inventory/items',
    session: h.inventory,
    payload: { kind: 'DEVICE', carrierCode: 'NWM', identifiers: [newImei()], make: 'Aurora', model: 'Aurora X5 128 GB' },
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** A hub row as an older LineDesk (or a name that resolved elsewhere then) left it: no check at registration. */
async function storeHub(h: Harness, callback: string): Promise<string> {
  const [row] = await h.t.database.db.insert(tmfHubs).values({ api: RESOURCES, callback, query: null, createdBy: 'test' }).returning();
  forgetHubApis();
  return row!.id;
}

/** Runs the TMF event jobs until the hub's delivery has been tried `tries` times (or is done or given up), then stops. */
async function deliverFor(h: Harness, hubId: string, options: { tries: number; callbackTimeoutMs?: number }) {
  const runner = startTmfEventRunner(h.t, { concurrency: 2, retry: { baseMs: 20, capMs: 40 }, ...(options.callbackTimeoutMs ? { callbackTimeoutMs: options.callbackTimeoutMs } : {}) });
  try {
    for (let wait = 0; wait < 600; wait += 1) {
      const [delivery] = (await h.t.database.db.select().from(jobs).where(eq(jobs.kind, TMF_DELIVERY_JOB))).filter((job) => job.payload.hubId === hubId);
      // A claim counts a try before it runs: a try is over when the job is no longer running.
      if (delivery && delivery.status !== 'RUNNING' && (delivery.status !== 'QUEUED' || delivery.attempts >= options.tries)) return delivery;
      await sleep(25);
    }
    throw new Error(`the delivery to hub ${hubId} was not tried ${options.tries} times`);
  } finally {
    await runner.stop();
  }
}

async function hubView(h: Harness, hubId: string): Promise<TTmfHubView | undefined> {
  const response = await h.t.request({ method: 'GET', url: '/api/tmf-hubs', session: h.admin });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as TTmfHubView[]).find((hub) => hub.id === hubId);
}

async function clearHubs(h: Harness): Promise<void> {
  const response = await h.t.request({ method: 'GET', url: '/api/tmf-hubs', session: h.admin });
  for (const hub of response.json() as TTmfHubView[]) await h.t.request({ method: 'DELETE', url: `/api/tmf-hubs/${hub.id}`, session: h.admin });
  await h.t.database.db.delete(jobs).where(like(jobs.kind, 'tmf.%'));
}

describe('TMF hub callbacks cannot reach this server or the cloud metadata service', () => {
  let strict: Harness;
  let local: Harness;
  let listener: CallbackServer;

  beforeAll(async () => {
    // As in production: no TMF_CALLBACK_ALLOW_LOCAL.
    strict = await appWith({});
    local = await appWith({ TMF_CALLBACK_ALLOW_LOCAL: 'true' });
    listener = await startCallbackServer();
  }, 60_000);
  afterEach(async () => {
    await clearHubs(strict);
    await clearHubs(local);
  });
  afterAll(async () => {
    await listener?.close();
    await strict?.t.close();
    await local?.t.close();
  });

  const storedHubs = (h: Harness) => h.t.database.db.select().from(tmfHubs);
  const hubAudits = (h: Harness) => h.t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'tmf_hub'));

  it('should refuse a callback on loopback, the metadata service or a name resolving to them, naming body.callback: nothing stored, nothing audited', async () => {
    const cases: [string, string, string][] = [
      ['http://127.0.0.1:1/x', 'callback_address', "The callback's address 127.0.0.1 is this server's own network (loopback) and cannot receive events"],
      ['http://[::1]/x', 'callback_address', "The callback's address ::1 is this server's own network (loopback) and cannot receive events"],
      ['http://169.254.169.254/latest', 'callback_address', "The callback's address 169.254.169.254 is the cloud metadata service (link-local) and cannot receive events"],
      ['http://[::ffff:127.0.0.1]/', 'callback_address', "The callback's address ::ffff:7f00:1 is this server's own network (loopback) and cannot receive events"],
      ['http://0.0.0.0:3000/api/users', 'callback_address', "The callback's address 0.0.0.0 is the unspecified address (this server itself) and cannot receive events"],
      ['http://[fe80::1]/x', 'callback_address', "The callback's address fe80::1 is a link-local address and cannot receive events"],
      ['https://listener.linedesk.invalid/x', 'callback_host', "The callback's host listener.linedesk.invalid cannot be found"],
    ];
    for (const [callback, rule, message] of cases) {
      const response = await subscribe(strict, callback);
      expect(response.statusCode, callback).toBe(400);
      expect(response.json(), callback).toMatchObject({ code: 'VALIDATION_FAILED', status: '400', fields: [{ field: 'body.callback', rule, message }] });
    }
    // localhost resolves to loopback (127.0.0.1, or ::1 on some machines).
    const byName = await subscribe(strict, 'http://localhost/x');
    expect(byName.statusCode).toBe(400);
    expect(byName.json().fields).toEqual([
      { field: 'body.callback', rule: 'callback_address', message: expect.stringMatching(/^The callback's address (127\.0\.0\.1|::1) is this server's own network \(loopback\) and cannot receive events$/) },
    ]);
    expect(await storedHubs(strict)).toEqual([]);
    expect(await hubAudits(strict)).toEqual([]);
  });

  it('should accept a callback on the private LAN, and loopback only with TMF_CALLBACK_ALLOW_LOCAL', async () => {
    const lan = await subscribe(strict, 'http://10.1.2.3/x');
    expect(lan.statusCode, lan.body).toBe(201);
    expect(lan.json()).toMatchObject({ callback: 'http://10.1.2.3/x' });
    expect((await storedHubs(strict)).map((hub) => hub.callback)).toEqual(['http://10.1.2.3/x']);
    expect((await hubAudits(strict)).map((row) => row.action)).toEqual(['create']);

    for (const callback of ['http://127.0.0.1:1/x', 'http://[::1]/x', 'http://localhost/x']) {
      const response = await subscribe(local, callback);
      expect(response.statusCode, `${callback}: ${response.body}`).toBe(201);
    }
    // Never the metadata service, flag or not.
    const metadata = await subscribe(local, 'http://169.254.169.254/latest');
    expect(metadata.statusCode).toBe(400);
    expect(metadata.json().fields[0]).toMatchObject({ field: 'body.callback', rule: 'callback_address' });
  });

  it('should refuse at delivery a hub whose callback now reaches loopback, as a failed try the Integrations page shows, sending nothing', async () => {
    // Stored without the check (a name that resolved to a LAN address when the hub was registered, since re-pointed).
    const byName = await storeHub(strict, `${listener.url('/rebound').replace('127.0.0.1', 'localhost')}`);
    const byAddress = await storeHub(strict, listener.url('/literal'));
    await receiveStock(strict);

    const named = await deliverFor(strict, byName, { tries: 2 });
    const literal = await deliverFor(strict, byAddress, { tries: 2 });
    // A name may resolve elsewhere later: tried again. An address in the URL cannot change: failed at once.
    expect(named.status).toBe('QUEUED');
    expect(named.attempts).toBeGreaterThanOrEqual(2);
    expect(named.lastError).toMatch(/^callback address (127\.0\.0\.1|::1) refused: loopback$/);
    expect(literal).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'callback address 127.0.0.1 refused: loopback' });
    expect(listener.attempts('/rebound')).toBe(0);
    expect(listener.attempts('/literal')).toBe(0);
    expect((await hubView(strict, byName))?.deliveries).toMatchObject({ waiting: 1, lastError: expect.stringMatching(/refused: loopback$/) });
  });

  it('should deliver through a name resolved on connecting when its address is allowed, follow no redirect and give up on a silent callback in time', async () => {
    const named = await subscribe(local, listener.url('/named').replace('127.0.0.1', 'localhost'));
    expect(named.statusCode, named.body).toBe(201);
    await receiveStock(local);
    const delivered = await deliverFor(local, named.json().id, { tries: 1 });
    expect(delivered.status).toBe('DONE');
    const [event] = await listener.waitFor('/named', 1);
    expect(event!.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'LineDesk', 'x-linedesk-event-id': event!.body.eventId });
    expect(event!.body).toMatchObject({ eventType: 'ResourceCreateEvent', event: { resource: { id: expect.any(String) } } });
    await clearHubs(local);

    // A redirect is an answer that is not 2xx: not followed (it could point anywhere).
    const redirecting = createTcpServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 307 Temporary Redirect\r\nLocation: http://169.254.169.254/latest\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    });
    // A callback that takes the connection and never answers.
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => void sockets.push(socket));
    await Promise.all([redirecting, silent].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    try {
      const redirectHub = await subscribe(local, `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hook`);
      const silentHub = await subscribe(local, `http://localhost:${(silent.address() as AddressInfo).port}/hook`);
      await receiveStock(local);
      const redirected = await deliverFor(local, redirectHub.json().id, { tries: 1, callbackTimeoutMs: 300 });
      expect(redirected.lastError).toBe('callback answered 307');
      const timedOut = await deliverFor(local, silentHub.json().id, { tries: 1, callbackTimeoutMs: 300 });
      expect(timedOut.lastError).toBe('callback did not answer within 300 ms');
    } finally {
      for (const socket of sockets) socket.destroy();
      await Promise.all([redirecting, silent].map((server) => new Promise((resolve) => server.close(resolve))));
    }
    const unreachable = await subscribe(local, 'http://127.0.0.1:1/nothing-listens');
    await receiveStock(local);
    const refusedConnection = await deliverFor(local, unreachable.json().id, { tries: 1 });
    expect(refusedConnection.lastError).toBe('callback unreachable: ECONNREFUSED');
    expect(await local.t.database.db.select().from(jobs).where(and(eq(jobs.kind, TMF_DELIVERY_JOB), eq(jobs.status, 'DONE')))).toEqual([]);
  });
});
