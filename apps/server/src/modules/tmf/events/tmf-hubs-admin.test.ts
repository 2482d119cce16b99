import { setTimeout as sleep } from 'node:timers/promises';
import type { TTmfHubView } from '@linedesk/domain';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newImei } from '../../../../test/order-fixture.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { startCallbackServer, type CallbackServer } from '../../../../test/tmf-callback-server.js';
import { createTmfApiKey, startTmfEventRunner } from '../../../../test/tmf-fixture.js';
import { loadDemoCatalog } from '../../../../test/wizard-fixture.js';
import { auditLog } from '../../audit/audit.schema.js';
import { jobs } from '../../jobs/jobs.schema.js';
import { enqueueJob } from '../../jobs/use-cases/enqueue-job.js';
import { TMF_DELIVERY_JOB, tmfDeliveryJob } from './tmf-event-jobs.js';

const RESOURCES = 'resourceInventoryManagement/v4';
const ORDERS = 'productOrderingManagement/v4';

describe('Administration > Integrations: every event subscription, and Unsubscribe (/api/tmf-hubs)', () => {
  let t: TestApp;
  let callbacks: CallbackServer;
  const sessions = {} as Record<'admin' | 'agent' | 'inventory' | 'viewer', string>;

  beforeAll(async () => {
    // The callbacks listen on this machine (127.0.0.1): loopback allowed, as TMF_CALLBACK_ALLOW_LOCAL=true.
    t = await createTestApp({ LOG_LEVEL: 'error', TMF_CALLBACK_ALLOW_LOCAL: 'true' });
    await loadDemoCatalog(t);
    for (const role of ['admin', 'agent', 'inventory', 'viewer'] as const) {
      sessions[role] = await t.sessionFor(await t.createUser(role, { email: `${role}@tmf-hubs.test` }));
    }
    callbacks = await startCallbackServer();
  });
  afterAll(async () => {
    await callbacks?.close();
    await t.close();
  });

  const subscribe = async (api: string, body: Record<string, unknown>, session: string) => {
    const response = await t.request({ method: 'POST', url: `/tmf-api/${api}/hub`, session, payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const list = async (session = sessions.admin) => {
    const response = await t.request({ method: 'GET', url: '/api/tmf-hubs', session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TTmfHubView[];
  };
  const unsubscribe = (id: string, session = sessions.admin) => t.request({ method: 'DELETE', url: `/api/tmf-hubs/${id}`, session });

  it('should list every API’s hubs, newest first, with who made them, to admins only', async () => {
    expect(await list()).toEqual([]);
    const resources = await subscribe(RESOURCES, { callback: callbacks.url('/stock'), query: 'eventType=ResourceCreateEvent' }, sessions.inventory);
    const key = await createTmfApiKey(t, 'Dealer portal', 'agent');
    const byKey = await t.app.inject({
      method: 'POST',
      url: `/tmf-api/${ORDERS}/hub`,
      headers: { authorization: `Bearer ${key}` },
      payload: { callback: 'https://203.0.113.10/orders' },
    });
    expect(byKey.statusCode, byKey.body).toBe(201);

    const hubs = await list();
    expect(hubs).toEqual([
      {
        id: byKey.json().id,
        api: ORDERS,
        apiName: 'TMF622 Product Ordering',
        callback: 'https://203.0.113.10/orders',
        query: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        createdBy: 'API key Dealer portal',
        deliveries: { waiting: 0, failed: 0, lastError: null, lastErrorAt: null },
      },
      {
        id: resources.id,
        api: RESOURCES,
        apiName: 'TMF639 Resource Inventory',
        callback: callbacks.url('/stock'),
        query: 'eventType=ResourceCreateEvent',
        createdAt: expect.any(String),
        createdBy: 'inventory@tmf-hubs.test',
        deliveries: { waiting: 0, failed: 0, lastError: null, lastErrorAt: null },
      },
    ]);

    // Only admins: not even the roles that may subscribe, nor an agent's key.
    for (const role of ['agent', 'inventory', 'viewer'] as const) {
      const refused = await t.request({ method: 'GET', url: '/api/tmf-hubs', session: sessions[role] });
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/tmf-hubs', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/tmf-hubs' })).statusCode).toBe(401);

    for (const hub of hubs) expect((await unsubscribe(hub.id)).statusCode).toBe(204);
  });

  it('should count each hub’s deliveries waiting and given up, with the callback’s latest error', async () => {
    const failing = await subscribe(RESOURCES, { callback: callbacks.url('/down') }, sessions.admin);
    const healthy = await subscribe(RESOURCES, { callback: callbacks.url('/up') }, sessions.admin);
    callbacks.failNext('/down', 1000);

    // A stock change is an event for both hubs; the worker delivers it, and gives up on the failing callback.
    const received = await t.request({
      method: 'POST',
      url: '/api/inventory/items',
      session: sessions.inventory,
      payload: { kind: 'DEVICE', carrierCode: 'NWM', identifiers: [newImei()], make: 'Aurora', model: 'Aurora X5 128 GB' },
    });
    expect(received.statusCode, received.body).toBe(201);
    const runner = startTmfEventRunner(t, { concurrency: 2, retry: { baseMs: 10, capMs: 30 } });
    try {
      await callbacks.waitFor('/up', 1);
      for (let tries = 0; tries < 400; tries += 1) {
        const open = await t.database.db.select().from(jobs).where(and(eq(jobs.kind, TMF_DELIVERY_JOB)));
        if (open.length === 2 && open.every((job) => job.status === 'DONE' || job.status === 'FAILED')) break;
        await sleep(25);
      }
    } finally {
      await runner.stop();
    }

    // One more event for the failing hub, not yet sent.
    await enqueueJob(
      t.database.db,
      tmfDeliveryJob({
        hubId: failing.id,
        eventId: '00000000-0000-5000-8000-000000000001',
        eventType: 'ResourceAttributeValueChangeEvent',
        kind: 'AttributeValueChange',
        entityType: 'inventory_item',
        resource: 'resource',
        entityId: '00000000-0000-4000-8000-000000000001',
        eventTime: new Date().toISOString(),
        correlationId: null,
        state: null,
        fields: ['status'],
      }),
    );

    const byId = new Map((await list()).map((hub) => [hub.id, hub]));
    expect(callbacks.attempts('/down')).toBe(10);
    expect(byId.get(failing.id)!.deliveries).toEqual({
      waiting: 1,
      failed: 1,
      lastError: expect.stringContaining('500'),
      lastErrorAt: expect.stringMatching(/Z$/),
    });
    expect(byId.get(healthy.id)!.deliveries).toEqual({ waiting: 0, failed: 0, lastError: null, lastErrorAt: null });

    for (const hub of [failing, healthy]) expect((await unsubscribe(hub.id)).statusCode).toBe(204);
  });

  it('should unsubscribe a hub of any API for an admin, audited, and refuse the other roles', async () => {
    const hub = await subscribe(ORDERS, { callback: 'https://203.0.113.20/orders', query: 'eventType=ProductOrderStateChangeEvent' }, sessions.agent);

    for (const role of ['agent', 'inventory', 'viewer'] as const) {
      const refused = await unsubscribe(hub.id, sessions[role]);
      expect(refused.statusCode, role).toBe(403);
    }
    expect((await list()).map((row) => row.id)).toEqual([hub.id]);

    expect((await unsubscribe('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await unsubscribe('not-a-hub')).json()).toMatchObject({ code: 'NOT_FOUND', status: '404' });

    const deleted = await unsubscribe(hub.id);
    expect(deleted.statusCode).toBe(204);
    expect(await list()).toEqual([]);
    // Gone for the API's own route too, and a second Unsubscribe finds nothing.
    expect((await t.request({ method: 'DELETE', url: `/tmf-api/${ORDERS}/hub/${hub.id}`, session: sessions.agent })).statusCode).toBe(404);
    expect((await unsubscribe(hub.id)).statusCode).toBe(404);

    const trail = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'tmf_hub'), eq(auditLog.entityId, hub.id)))
      .orderBy(asc(auditLog.id));
    expect(trail.map((row) => [row.action, row.actorLabel])).toEqual([
      ['create', 'agent@tmf-hubs.test'],
      ['delete', 'admin@tmf-hubs.test'],
    ]);
    expect(trail[1]!.changes).toMatchObject({ api: { from: ORDERS, to: null }, callback: { from: 'https://203.0.113.20/orders', to: null } });
  });
});
