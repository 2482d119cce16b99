import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addStock, aDevice, aSim, createWizardOrder, newIccid, newImei } from '../../../../test/order-fixture.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { startCallbackServer, type CallbackServer } from '../../../../test/tmf-callback-server.js';
import { createTmfApiKey, startTmfEventRunner } from '../../../../test/tmf-fixture.js';
import { expectToMatchTmfSpec } from '../../../../test/tmf-spec.js';
import { loadDemoCatalog, NEW_LINE } from '../../../../test/wizard-fixture.js';
import { auditLog } from '../../audit/audit.schema.js';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/record-audit.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import { jobs } from '../../jobs/jobs.schema.js';
import { lines } from '../../orders/orders.schema.js';
import { TMF_DELIVERY_JOB, TMF_DELIVERY_MAX_ATTEMPTS, TMF_EVENTS_JOB } from './tmf-event-jobs.js';
import { tmfHubs } from './tmf-hubs.schema.js';

const PUBLIC_URL = 'https://bss.example.com';
const SPECS = {
  customer: 'TMF629-Customer-v4.0.0.swagger.json',
  order: 'TMF622-ProductOrdering-v4.0.0.swagger.json',
  catalog: 'TMF620-ProductCatalog-v4.1.0.swagger.json',
  product: 'TMF637-ProductInventory-v4.0.0.swagger.json',
  resource: 'TMF639-ResourceInventory-v4.0.0.swagger.json',
};
/** An event as its API's specification defines it (the definition named by its type). */
const expectSpecEvent = (spec: string, body: { eventType: string }) => expectToMatchTmfSpec(spec, body.eventType, body);
const RESOURCES = 'resourceInventoryManagement/v4';

type Hub = { id: string; callback: string; query?: string };

describe('TMF event hubs and event delivery', () => {
  let t: TestApp;
  let callbacks: CallbackServer;
  let admin = '';
  let agent = '';
  let inventory = '';
  let viewer = '';
  let agentId = '';
  let runner: JobRunner | null = null;

  beforeAll(async () => {
    // The callbacks listen on this machine (127.0.0.1): loopback allowed, as TMF_CALLBACK_ALLOW_LOCAL=true.
    t = await createTestApp({ LOG_LEVEL: 'error', PUBLIC_URL, TMF_CALLBACK_ALLOW_LOCAL: 'true' });
    await loadDemoCatalog(t);
    const sessionOf = async (role: 'admin' | 'agent' | 'inventory' | 'viewer') => t.sessionFor(await t.createUser(role, { email: `${role}@tmf-events.test` }));
    admin = await sessionOf('admin');
    const agentUser = await t.createUser('agent', { email: 'agent@tmf-events.test' });
    agentId = agentUser.id;
    agent = await t.sessionFor(agentUser);
    inventory = await sessionOf('inventory');
    viewer = await sessionOf('viewer');
    callbacks = await startCallbackServer();
  });
  afterEach(async () => {
    await runner?.stop();
    runner = null;
    await deleteAllHubs();
  });
  afterAll(async () => {
    await callbacks?.close();
    await t.close();
  });

  /** The worker: the TMF event jobs with quick retries. */
  const startRunner = () => {
    runner = startTmfEventRunner(t, { concurrency: 4, retry: { baseMs: 20, capMs: 60 } });
  };

  const hubs: { api: string; id: string }[] = [];
  const createHub = async (api: string, body: Record<string, unknown>, session = admin) => {
    const response = await t.request({ method: 'POST', url: `/tmf-api/${api}/hub`, session, payload: body });
    if (response.statusCode === 201) hubs.push({ api, id: response.json().id });
    return response;
  };
  const subscribe = async (api: string, path: string, query?: string): Promise<Hub> => {
    const response = await createHub(api, { callback: callbacks.url(path), ...(query ? { query } : {}) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const deleteHub = (api: string, id: string, session = admin) => t.request({ method: 'DELETE', url: `/tmf-api/${api}/hub/${id}`, session });
  async function deleteAllHubs(): Promise<void> {
    for (const hub of hubs.splice(0)) await deleteHub(hub.api, hub.id);
  }

  const receive = async (serial: string, kind: 'DEVICE' | 'SIM' = 'DEVICE'): Promise<string> => {
    const response = await t.request({
      method: 'POST',
      url: '/api/inventory/items',
      session: inventory,
      payload: { kind, carrierCode: 'NWM', identifiers: [serial], make: 'Aurora', model: 'Aurora X5 128 GB' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  };
  const changeStatus = async (id: string, status: string) => {
    const response = await t.request({ method: 'POST', url: `/api/inventory/items/${id}/status`, session: inventory, payload: { status, reason: 'Checked at the counter' } });
    expect(response.statusCode, response.body).toBe(200);
  };
  const tmfJobs = () => t.database.db.select().from(jobs).where(like(jobs.kind, 'tmf.%')).orderBy(asc(jobs.createdAt));
  /** Waits until no TMF event job is queued or running. */
  const settled = async () => {
    for (let tries = 0; tries < 400; tries += 1) {
      const open = (await tmfJobs()).filter((job) => job.status === 'QUEUED' || job.status === 'RUNNING');
      if (open.length === 0) return;
      await sleep(25);
    }
    throw new Error('TMF event jobs did not settle');
  };

  it('should register and unregister hubs, naming the field of a bad subscription and keeping to each API’s roles', async () => {
    const created = await createHub(RESOURCES, { callback: callbacks.url('/roles'), query: 'eventType=ResourceCreateEvent' }, inventory);
    expect(created.statusCode, created.body).toBe(201);
    const hub = created.json();
    expect(hub).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), callback: callbacks.url('/roles'), query: 'eventType=ResourceCreateEvent' });
    expectToMatchTmfSpec(SPECS.resource, 'EventSubscription', hub);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tmf_hub'), eq(auditLog.entityId, hub.id)));
    expect(entry).toMatchObject({ action: 'create', actorLabel: 'inventory@tmf-events.test', changes: { api: { from: null, to: RESOURCES } } });

    // An integrator's API key shows as its name.
    const key = await createTmfApiKey(t, 'Dealer portal', 'agent');
    const byKey = await t.app.inject({
      method: 'POST',
      url: '/tmf-api/productOrderingManagement/v4/hub',
      headers: { authorization: `Bearer ${key}` },
      payload: { callback: 'https://203.0.113.10/listener' },
    });
    expect(byKey.statusCode, byKey.body).toBe(201);
    expect(byKey.json()).toEqual({ id: expect.any(String), callback: 'https://203.0.113.10/listener' });
    hubs.push({ api: 'productOrderingManagement/v4', id: byKey.json().id });
    const [keyEntry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tmf_hub'), eq(auditLog.entityId, byKey.json().id)));
    expect(keyEntry!.actorLabel).toBe('API key Dealer portal');

    // A retried registration with the same Idempotency-Key answers the first hub: no second hub, so no event delivered twice.
    const register = () =>
      t.app.inject({
        method: 'POST',
        url: '/tmf-api/productOrderingManagement/v4/hub',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': 'dealer-portal-hub-1' },
        payload: { callback: 'https://203.0.113.10/orders' },
      });
    const firstTry = await register();
    const retry = await register();
    expect([firstTry.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json()).toEqual(firstTry.json());
    hubs.push({ api: 'productOrderingManagement/v4', id: firstTry.json().id });
    const registered = await t.database.db.select().from(tmfHubs).where(eq(tmfHubs.callback, 'https://203.0.113.10/orders'));
    expect(registered).toHaveLength(1);

    const refused = async (body: Record<string, unknown>, field: string, rule: string) => {
      const response = await createHub('customerManagement/v4', body, agent);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED', status: '400', fields: [expect.objectContaining({ field, rule })] });
    };
    await refused({}, 'body.callback', 'invalid_type');
    expectToMatchTmfSpec(SPECS.customer, 'Error', (await createHub('customerManagement/v4', {}, agent)).json());
    await refused({ callback: 'listener/here' }, 'body.callback', 'url');
    await refused({ callback: 'ftp://example.com/listener' }, 'body.callback', 'url');
    await refused({ callback: 'https://example.com/x', query: 'eventType=ProductOrderCreateEvent' }, 'body.query', 'unknown_event_type');
    await refused({ callback: 'https://example.com/x', query: 'just words' }, 'body.query', 'query_syntax');

    // Who may subscribe: sellers to customers, orders and products; admin and inventory to resources; admins to the catalog.
    expect((await createHub('customerManagement/v4', { callback: 'https://example.com/x' }, viewer)).statusCode).toBe(403);
    expect((await createHub(RESOURCES, { callback: 'https://example.com/x' }, agent)).statusCode).toBe(403);
    expect((await createHub('productInventory/v4', { callback: 'https://example.com/x' }, inventory)).statusCode).toBe(403);
    expect((await createHub('productCatalogManagement/v4', { callback: 'https://example.com/x' }, agent)).statusCode).toBe(403);
    expect((await createHub('productCatalogManagement/v4', { callback: 'https://203.0.113.30/x' }, admin)).statusCode).toBe(201);
    expect((await createHub('productInventory/v4', { callback: 'https://203.0.113.30/x' }, agent)).statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: `/tmf-api/${RESOURCES}/hub`, payload: { callback: 'https://example.com/x' } })).statusCode).toBe(401);

    // Unregister: 404 for an unknown id, a malformed one, or another API's hub; 204 once, then 404.
    const unknown = await deleteHub(RESOURCES, '00000000-0000-4000-8000-000000000000', inventory);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', status: '404' });
    expect((await deleteHub(RESOURCES, 'not-a-hub', inventory)).statusCode).toBe(404);
    expect((await deleteHub('customerManagement/v4', hub.id, agent)).statusCode).toBe(404);
    expect((await deleteHub(RESOURCES, hub.id, viewer)).statusCode).toBe(403);
    const deleted = await deleteHub(RESOURCES, hub.id, inventory);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await deleteHub(RESOURCES, hub.id, inventory)).statusCode).toBe(404);
    const trail = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tmf_hub'), eq(auditLog.entityId, hub.id))).orderBy(asc(auditLog.id));
    expect(trail.map((row) => row.action)).toEqual(['create', 'delete']);
  });

  it('should enqueue no event job for a change when no hub listens', async () => {
    const before = (await tmfJobs()).length;
    const id = await receive(newImei());
    await changeStatus(id, 'DEFECTIVE');
    // A hub on another API does not make stock changes events either.
    await subscribe('customerManagement/v4', '/customers-only');
    await changeStatus(id, 'REMOVED');
    expect((await tmfJobs()).length).toBe(before);
  });

  it('should deliver a create event carrying the resource, as the API renders it, to the callback', async () => {
    const hub = await subscribe(RESOURCES, '/created');
    const serial = newImei();
    const id = await receive(serial);
    // One job for the change's transaction, carrying its audit row.
    const [job] = (await tmfJobs()).filter((row) => row.kind === TMF_EVENTS_JOB && JSON.stringify(row.payload).includes(id));
    expect(job!.payload).toMatchObject({ rows: [{ entityType: 'inventory_item', entityId: id, action: 'receive' }] });

    startRunner();
    const [delivery] = await callbacks.waitFor('/created', 1);
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['x-linedesk-event-id']).toBe(delivery!.body.eventId);
    expect(delivery!.body).toMatchObject({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      eventType: 'ResourceCreateEvent',
      domain: 'resourceInventoryManagement',
      event: {
        resource: {
          id,
          href: `${PUBLIC_URL}/tmf-api/resourceInventoryManagement/v4/resource/${id}`,
          '@type': 'PhysicalResource',
          '@baseType': 'Resource',
          serialNumber: serial,
          resourceStatus: 'available',
        },
      },
    });
    expectSpecEvent(SPECS.resource, delivery!.body);
    // What the API answers (at its caller's address: PUBLIC_URL is for events).
    const api = await t.request({ method: 'GET', url: `/tmf-api/${RESOURCES}/resource/${id}`, session: viewer });
    expect(api.statusCode, api.body).toBe(200);
    expect(delivery!.body.event.resource).toEqual({ ...api.json(), href: delivery!.body.event.resource.href });
    await settled();
    expect((await tmfJobs()).filter((row) => row.kind === TMF_DELIVERY_JOB && row.payload.hubId === hub.id).map((row) => row.status)).toEqual(['DONE']);
  });

  it('should announce each state in order, as the change left it, even when delivered after later changes', async () => {
    await subscribe(RESOURCES, '/states', 'eventType=ResourceStateChangeEvent');
    const id = await receive(newIccid(), 'SIM');
    await changeStatus(id, 'DEFECTIVE');
    await changeStatus(id, 'REMOVED');
    // Delivered only now, when the item is long Removed.
    startRunner();
    const deliveries = await callbacks.waitFor('/states', 2);
    await settled();
    expect(callbacks.received('/states')).toHaveLength(2);
    const sorted = [...deliveries].sort((a, b) => a.body.eventTime.localeCompare(b.body.eventTime));
    expect(sorted.map((delivery) => delivery.body.eventType)).toEqual(['ResourceStateChangeEvent', 'ResourceStateChangeEvent']);
    expect(sorted.map((delivery) => delivery.body.event.resource.resourceStatus)).toEqual(['alarm', 'unknown']);
    expect(sorted.map((delivery) => delivery.body.event.resource.administrativeState)).toEqual(['locked', 'shutdown']);
    expect(new Set(sorted.map((delivery) => delivery.body.eventId)).size).toBe(2);
    for (const delivery of sorted) expectSpecEvent(SPECS.resource, delivery.body);
  });

  it('should retry a callback that fails until it takes the event', async () => {
    callbacks.failNext('/flaky', 2);
    const hub = await subscribe(RESOURCES, '/flaky', 'eventType=ResourceCreateEvent');
    const id = await receive(newImei());
    startRunner();
    const [delivery] = await callbacks.waitFor('/flaky', 1);
    expect(delivery!.body.event.resource.id).toBe(id);
    await settled();
    expect(callbacks.attempts('/flaky')).toBe(3);
    const [job] = (await tmfJobs()).filter((row) => row.kind === TMF_DELIVERY_JOB && row.payload.hubId === hub.id);
    expect(job).toMatchObject({ status: 'DONE', attempts: 3, maxAttempts: TMF_DELIVERY_MAX_ATTEMPTS, lastError: 'callback answered 500' });
  });

  it('should give up on a callback that never takes the event after a bounded number of tries', async () => {
    callbacks.failNext('/down', 1000);
    const hub = await subscribe(RESOURCES, '/down', 'eventType=ResourceCreateEvent');
    await receive(newImei());
    startRunner();
    for (let tries = 0; tries < 400 && callbacks.attempts('/down') < TMF_DELIVERY_MAX_ATTEMPTS; tries += 1) await sleep(25);
    await settled();
    expect(callbacks.attempts('/down')).toBe(TMF_DELIVERY_MAX_ATTEMPTS);
    const [job] = (await tmfJobs()).filter((row) => row.kind === TMF_DELIVERY_JOB && row.payload.hubId === hub.id);
    expect(job).toMatchObject({ status: 'FAILED', attempts: TMF_DELIVERY_MAX_ATTEMPTS });
    expect(job!.lastError).toContain('callback answered 500');
  });

  it('should send a deleted hub nothing more, dropping its deliveries still pending', async () => {
    // The listener is down: the event waits for a retry when its hub is deleted.
    callbacks.failNext('/gone', 1000);
    const hub = await subscribe(RESOURCES, '/gone');
    const id = await receive(newImei());
    startRunner();
    for (let tries = 0; tries < 400 && callbacks.attempts('/gone') === 0; tries += 1) await sleep(20);
    expect((await deleteHub(RESOURCES, hub.id)).statusCode).toBe(204);
    hubs.splice(hubs.findIndex((entry) => entry.id === hub.id), 1);
    await changeStatus(id, 'DEFECTIVE');
    await settled();
    const attempts = callbacks.attempts('/gone');
    await sleep(200);
    expect(callbacks.attempts('/gone')).toBe(attempts);
    expect(callbacks.received('/gone')).toEqual([]);
    // Its pending delivery ended without sending (not given up as a failure), and the later change made no event at all.
    const deliveries = (await tmfJobs()).filter((row) => row.kind === TMF_DELIVERY_JOB && row.payload.hubId === hub.id);
    expect(deliveries.map((row) => [row.payload.eventType, row.status])).toEqual([['ResourceCreateEvent', 'DONE']]);
  });

  it('should send a hub only the event types its query names', async () => {
    await subscribe(RESOURCES, '/only-state', 'eventType=ResourceStateChangeEvent');
    await subscribe(RESOURCES, '/only-create', 'eventType=ResourceCreateEvent,ResourceDeleteEvent');
    await subscribe(RESOURCES, '/defective-only', 'event.resource.resourceStatus=alarm');
    const id = await receive(newImei());
    await changeStatus(id, 'DEFECTIVE');
    startRunner();
    await callbacks.waitFor('/only-state', 1);
    await callbacks.waitFor('/only-create', 1);
    await callbacks.waitFor('/defective-only', 1);
    await settled();
    expect(callbacks.received('/only-state').map((delivery) => delivery.body.eventType)).toEqual(['ResourceStateChangeEvent']);
    expect(callbacks.received('/only-create').map((delivery) => delivery.body.eventType)).toEqual(['ResourceCreateEvent']);
    expect(callbacks.received('/defective-only').map((delivery) => [delivery.body.eventType, delivery.body.event.resource.resourceStatus])).toEqual([
      ['ResourceStateChangeEvent', 'alarm'],
    ]);
  });

  it('should tell order, customer and product hubs about an order from the wizard on its way to the carrier, in order', async () => {
    await subscribe('productOrderingManagement/v4', '/orders');
    await subscribe('customerManagement/v4', '/customers', 'eventType=CustomerCreateEvent');
    await subscribe('productInventory/v4', '/products', 'eventType=ProductCreateEvent,ProductStateChangeEvent');
    const { orderId, customerId } = await createWizardOrder(t, agent, agentId, [NEW_LINE]);
    const lineIds = (await t.database.db.select({ id: lines.id }).from(lines).where(eq(lines.orderId, orderId))).map((line) => line.id);
    const [imei, iccid] = [newImei(), newIccid()];
    await addStock(t, [aDevice(imei), aSim(iccid)]);
    const scanned = await t.request({ method: 'POST', url: `/api/orders/${orderId}/inventory`, session: agent, payload: { text: `${imei}\n${iccid}` } });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json().order.status).toBe('READY');
    const sent = await t.request({ method: 'POST', url: `/api/orders/${orderId}/send`, session: agent, headers: { 'idempotency-key': `tmf-events-${orderId}` } });
    expect(sent.statusCode, sent.body).toBe(200);

    startRunner();
    await callbacks.waitFor('/customers', 1);
    await callbacks.waitFor('/products', 2);
    await callbacks.waitFor('/orders', 3);
    await settled();
    const orderEvents = callbacks.received('/orders').filter((delivery) => delivery.body.event.productOrder?.id === orderId);
    const byTime = [...orderEvents].sort((a, b) => a.body.eventTime.localeCompare(b.body.eventTime));
    const states = byTime.filter((delivery) => delivery.body.eventType !== 'ProductOrderAttributeValueChangeEvent').map((delivery) => [delivery.body.eventType, delivery.body.event.productOrder.state]);
    expect(states).toEqual([
      ['ProductOrderCreateEvent', 'acknowledged'],
      ['ProductOrderStateChangeEvent', 'inProgress'],
    ]);
    // Sent is inProgress too: the productOrder's state stays, the change tells as an attribute change.
    expect(byTime.at(-1)!.body).toMatchObject({ eventType: 'ProductOrderAttributeValueChangeEvent', event: { productOrder: { state: 'inProgress' } } });
    for (const delivery of byTime) expectSpecEvent(SPECS.order, delivery.body);
    expect(byTime[0]!.body.event.productOrder).toMatchObject({ id: orderId, '@type': 'ProductOrder', href: `${PUBLIC_URL}/tmf-api/productOrderingManagement/v4/productOrder/${orderId}` });
    // The events of one change share its request as their correlation id; the Send's, its own request's
    // (Sends are written together with others, each keeping its request).
    expect(byTime.every((delivery) => typeof delivery.body.correlationId === 'string')).toBe(true);
    expect(byTime.at(-1)!.body.correlationId).toBe(sent.headers['x-request-id']);

    const [customer] = callbacks.received('/customers').filter((delivery) => delivery.body.event.customer?.id === customerId);
    expect(customer!.body).toMatchObject({ eventType: 'CustomerCreateEvent', domain: 'customerManagement', event: { customer: { id: customerId, '@type': 'Customer', status: 'pending' } } });
    expectSpecEvent(SPECS.customer, customer!.body);
    // The line's product: created with the order, pendingActive once the order went to the carrier.
    const products = callbacks.received('/products').filter((delivery) => lineIds.includes(delivery.body.event.product?.id));
    expect(products.sort((a, b) => a.body.eventTime.localeCompare(b.body.eventTime)).map((delivery) => [delivery.body.eventType, delivery.body.event.product.id, delivery.body.event.product.status])).toEqual([
      ['ProductCreateEvent', lineIds[0], 'created'],
      ['ProductStateChangeEvent', lineIds[0], 'pendingActive'],
    ]);
    for (const delivery of products) expectSpecEvent(SPECS.product, delivery.body);
  });

  it('should carry every audited change of one transaction in one job', async () => {
    await subscribe(RESOURCES, '/batch', 'eventType=ResourceStateChangeEvent');
    const [first, second] = [await receive(newImei()), await receive(newImei())];
    const before = (await tmfJobs()).length;
    // Two use cases in one transaction, each writing its own audit insert (as the cancel flow does).
    await t.database.db.transaction(async (tx) => {
      for (const id of [first, second]) {
        await recordAudit(tx, SYSTEM_ACTOR, { entityType: 'inventory_item', entityId: id, action: 'status', before: { status: 'AVAILABLE' }, after: { status: 'DEFECTIVE' } });
      }
    });
    const added = (await tmfJobs()).slice(before);
    expect(added.map((job) => job.kind)).toEqual([TMF_EVENTS_JOB]);
    expect((added[0]!.payload.rows as { entityId: string }[]).map((row) => row.entityId)).toEqual([first, second]);
    startRunner();
    const deliveries = await callbacks.waitFor('/batch', 2);
    expect(deliveries.map((delivery) => delivery.body.event.resource.id).sort()).toEqual([first, second].sort());
    expect(deliveries.map((delivery) => delivery.body.event.resource.resourceStatus)).toEqual(['alarm', 'alarm']);
  });

  it('should tell catalog hubs about an offering that changes and one that is retired', async () => {
    await subscribe('productCatalogManagement/v4', '/catalog', 'eventType=ProductOfferingAttributeValueChangeEvent,ProductOfferingStateChangeEvent');
    const admin_ = (method: 'GET' | 'PUT', url: string, payload?: object, headers?: Record<string, string>) =>
      t.request({ method, url, session: admin, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
    const [pkg] = (await admin_('GET', '/api/catalog/packages?carrierCode=PCC')).json();
    const { id, createdAt: _created, updatedAt, ...input } = pkg;
    const repriced = await admin_('PUT', `/api/catalog/packages/${id}`, { ...input, monthlyCents: pkg.monthlyCents + 100 }, { 'if-match': updatedAt });
    expect(repriced.statusCode, repriced.body).toBe(200);
    const retired = await admin_('PUT', `/api/catalog/packages/${id}`, { ...input, monthlyCents: pkg.monthlyCents + 100, isActive: false }, { 'if-match': repriced.json().updatedAt });
    expect(retired.statusCode, retired.body).toBe(200);
    startRunner();
    const deliveries = await callbacks.waitFor('/catalog', 2);
    await settled();
    const byTime = [...deliveries].sort((a, b) => a.body.eventTime.localeCompare(b.body.eventTime));
    expect(byTime.map((delivery) => [delivery.body.eventType, delivery.body.event.productOffering.id])).toEqual([
      ['ProductOfferingAttributeValueChangeEvent', id],
      ['ProductOfferingStateChangeEvent', id],
    ]);
    // The state change announces the state it made; an attribute change carries the offering as it is when sent.
    expect(byTime[1]!.body.event.productOffering.lifecycleStatus).toBe('Retired');
    for (const delivery of byTime) expectSpecEvent(SPECS.catalog, delivery.body);
    expect(byTime[0]!.body.description).toContain('monthlyCents');
  });
});
