import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import { formatNanp, type TTmfLogicalResource, type TTmfPhysicalResource, type TTmfResource } from '@linedesk/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierOrderClient, createCarrierTestApp, type CarrierTestApp } from '../../../../test/carrier-test-app.js';
import { addStock, aDevice, aSim, createWizardOrder, newEid, newIccid, newImei } from '../../../../test/order-fixture.js';
import { TEST_HOST, type TestUser } from '../../../../test/test-app.js';
import { createTmfApiKey, tmfCall } from '../../../../test/tmf-fixture.js';
import { expectToMatchTmfSpec } from '../../../../test/tmf-spec.js';

/*
 * TMF639 Resource Inventory against real stock and real lines: items received into stock, reserved on a
 * wizard-made order, written off by a stock keeper, and put in service by the carrier gateway simulator
 * (its own process), whose completion also gives the line its number (a LogicalResource). Every answer is
 * checked against the spec's own definitions.
 */

const SPEC = 'TMF639-ResourceInventory-v4.0.0.swagger.json';
const BASE = `http://${TEST_HOST}/tmf-api/resourceInventoryManagement/v4/resource`;
const OWN_DEVICE_TAC = '35332011';

describe('TMF639 resource inventory: stock items and numbers', () => {
  let sim: CarrierSim;
  let t: CarrierTestApp;
  let client: ReturnType<typeof carrierOrderClient>;
  let agent: TestUser;
  let viewerKey: string;
  const stock = { imei: newImei(), iccid: newIccid(), eid: newEid(), defectiveImei: newImei(), deviceId: '', simId: '', esimId: '', defectiveId: '' };
  let reserved: { orderId: string; customerId: string; simId: string; ownImei: string };
  let active: { number: string; deviceId: string; simId: string; customerId: string; activatedAt: string };

  const get = (url: string, key = viewerKey): Promise<LightMyRequestResponse> => tmfCall(t, { url, key });
  const getOk = async <T>(url: string): Promise<T> => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** A resource, checked against the spec as a Resource and as its own type. */
  const resource = async <T extends TTmfResource>(id: string): Promise<T> => {
    const body = await getOk<T>(`/tmf-api/resourceInventoryManagement/v4/resource/${id}`);
    expectToMatchTmfSpec(SPEC, 'Resource', body);
    expectToMatchTmfSpec(SPEC, body['@type'], body);
    return body;
  };
  const list = async (query: string) => {
    const response = await get(`/tmf-api/resourceInventoryManagement/v4/resource${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body: TTmfResource[] = response.json();
    for (const item of body) {
      expectToMatchTmfSpec(SPEC, 'Resource', item);
      if (item['@type']) expectToMatchTmfSpec(SPEC, item['@type'], item);
    }
    return { body, ids: body.map((item) => item.id), total: Number(response.headers['x-total-count']), count: Number(response.headers['x-result-count']) };
  };
  const characteristic = (item: TTmfResource, name: string) => item.resourceCharacteristic.find((c) => c.name === name)?.value;

  beforeAll(async () => {
    sim = await startCarrierSim({ delayMs: 50 });
    t = await createCarrierTestApp(sim);
    agent = await t.createUser('agent', { name: 'Alex Agent' });
    client = carrierOrderClient(t, agent, await t.sessionFor(agent));
    viewerKey = await createTmfApiKey(t, 'Resource reader', 'viewer');

    // Stock: a device kept at a store, a SIM, an eSIM profile, and a device a stock keeper writes off.
    const received = await addStock(t, [
      { ...aDevice(stock.imei), location: 'Elm Street store' },
      aSim(stock.iccid),
      { kind: 'ESIM', make: 'Northwind', model: 'eSIM profile', identifiers: [stock.eid] },
      aDevice(stock.defectiveImei),
    ]);
    [stock.deviceId, stock.simId, stock.esimId, stock.defectiveId] = received as [string, string, string, string];
    const keeper = await t.createUser('inventory');
    const written = await t.request({
      method: 'POST',
      url: `/api/inventory/items/${stock.defectiveId}/status`,
      session: await t.sessionFor(keeper),
      payload: { status: 'DEFECTIVE', reason: 'Cracked screen on arrival' },
    });
    expect(written.statusCode, written.body).toBe(200);

    // A Pending order whose port-in line has the customer's own phone and a SIM from stock.
    const created = await createWizardOrder(t, client.session, agent.id);
    const page = await client.page(created.orderId);
    const [ownImei, sim2] = [newImei(OWN_DEVICE_TAC), newIccid()];
    const [simId] = await addStock(t, [aSim(sim2)]);
    const scanned = await t.request({ method: 'POST', url: `/api/orders/${created.orderId}/inventory`, session: client.session, payload: { text: `${ownImei}\n${sim2}`, lineId: page.lines[1]!.id } });
    expect(scanned.statusCode, scanned.body).toBe(200);
    reserved = { orderId: created.orderId, customerId: created.customerId, simId: simId!, ownImei };

    // An order sent and completed by the carrier: its device and SIM in service, its line with a number.
    const ready = await client.readyOrder();
    const readyPage = await client.page(ready.orderId);
    await client.send(ready.orderId);
    const done = await client.waitForStatus(ready.orderId, 'COMPLETE');
    const items = readyPage.lines[0]!.items;
    active = {
      number: done.lines[0]!.number!,
      deviceId: items.find((item) => item.itemKind === 'DEVICE')!.itemId!,
      simId: items.find((item) => item.itemKind === 'SIM')!.itemId!,
      customerId: ready.customerId,
      activatedAt: done.lines[0]!.activatedAt!,
    };
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });

  it('should show a stock item as a PhysicalResource: its identifier as serial number, model, location and states', async () => {
    const device = await resource<TTmfPhysicalResource>(stock.deviceId);
    expect(device).toMatchObject({
      id: stock.deviceId,
      href: `${BASE}/${stock.deviceId}`,
      '@type': 'PhysicalResource',
      '@baseType': 'Resource',
      category: 'Device',
      serialNumber: stock.imei,
      description: 'Aurora X5 128 GB (Device)',
      resourceStatus: 'available',
      usageState: 'idle',
      administrativeState: 'unlocked',
      place: { role: 'stockLocation', name: 'Elm Street store' },
      relatedParty: [],
    });
    expect(device.name.replace(/\s/g, '')).toBe(stock.imei);
    expect(characteristic(device, 'identifierKind')).toBe('IMEI');
    expect(characteristic(device, 'IMEI')).toBe(stock.imei);
    expect(characteristic(device, 'manufacturer')).toBe('Aurora');
    expect(characteristic(device, 'model')).toBe('Aurora X5 128 GB');
    expect(characteristic(device, 'location')).toBe('Elm Street store');
    expect(characteristic(device, 'carrier')).toBe('NWM');

    const sim = await resource<TTmfPhysicalResource>(stock.simId);
    expect(sim).toMatchObject({ category: 'SIM', serialNumber: stock.iccid });
    expect(characteristic(sim, 'identifierKind')).toBe('ICCID');
    const esim = await resource<TTmfPhysicalResource>(stock.esimId);
    expect(esim).toMatchObject({ category: 'eSIM', serialNumber: stock.eid });
    expect(characteristic(esim, 'identifierKind')).toBe('EID');
  });

  it('should map each item status to the spec’s states: reserved on an order, in service, written off', async () => {
    expect(await resource(reserved.simId)).toMatchObject({
      resourceStatus: 'reserved',
      usageState: 'idle',
      administrativeState: 'unlocked',
      relatedParty: [{ id: reserved.customerId, role: 'Customer', '@referredType': 'Customer' }],
    });
    const inService = await resource<TTmfPhysicalResource>(active.deviceId);
    expect(inService).toMatchObject({
      resourceStatus: 'reserved',
      usageState: 'active',
      administrativeState: 'unlocked',
      startOperatingDate: active.activatedAt,
      relatedParty: [{ id: active.customerId, href: `http://${TEST_HOST}/tmf-api/customerManagement/v4/customer/${active.customerId}`, role: 'Customer' }],
    });
    expect(await resource(stock.defectiveId)).toMatchObject({ resourceStatus: 'alarm', usageState: 'idle', administrativeState: 'locked' });
  });

  it("should show a line's number as a LogicalResource, with the line's customer and activation", async () => {
    const number = await resource<TTmfLogicalResource>(`mdn-${active.number}`);
    expect(number).toEqual({
      id: `mdn-${active.number}`,
      href: `${BASE}/mdn-${active.number}`,
      '@type': 'LogicalResource',
      '@baseType': 'Resource',
      name: formatNanp(active.number),
      category: 'MDN',
      value: active.number,
      resourceStatus: 'reserved',
      usageState: 'active',
      administrativeState: 'unlocked',
      startOperatingDate: active.activatedAt,
      resourceCharacteristic: [{ name: 'numberType', valueType: 'string', value: 'MDN' }],
      relatedParty: [expect.objectContaining({ id: active.customerId, role: 'Customer', '@referredType': 'Customer' })],
    });
  });

  it('should list stock items then numbers as one list, paged across both with the headers', async () => {
    const all = await list('?limit=1000');
    const physical = all.body.filter((item) => item['@type'] === 'PhysicalResource');
    const logical = all.body.filter((item) => item['@type'] === 'LogicalResource');
    // Six items in stock (four received, the reserved SIM, the completed order's device and SIM … newest first), then the one number.
    expect(physical.map((item) => item.id)).toEqual(expect.arrayContaining([stock.deviceId, stock.simId, stock.esimId, stock.defectiveId, reserved.simId, active.deviceId, active.simId]));
    expect(logical.map((item) => item.id)).toEqual([`mdn-${active.number}`]);
    expect(all.ids).toEqual([...physical.map((item) => item.id), `mdn-${active.number}`]);
    expect([all.total, all.count]).toEqual([all.body.length, all.body.length]);

    // A page across the boundary: the last item, then the number.
    const boundary = await list(`?offset=${physical.length - 1}&limit=2`);
    expect(boundary.ids).toEqual([physical.at(-1)!.id, `mdn-${active.number}`]);
    expect([boundary.total, boundary.count]).toEqual([all.total, 2]);
    const past = await list(`?offset=${physical.length}&limit=5`);
    expect(past.ids).toEqual([`mdn-${active.number}`]);
    const first = await list('?limit=2');
    expect(first.ids).toEqual(all.ids.slice(0, 2));

    const projected = await list(`?fields=serialNumber,value&limit=1000`);
    expect(projected.body.find((item) => item.id === stock.deviceId)).toEqual({ id: stock.deviceId, href: `${BASE}/${stock.deviceId}`, '@type': 'PhysicalResource', '@baseType': 'Resource', serialNumber: stock.imei });
    expect(projected.body.at(-1)).toEqual({ id: `mdn-${active.number}`, href: `${BASE}/mdn-${active.number}`, '@type': 'LogicalResource', '@baseType': 'Resource', value: active.number });
  });

  it('should filter by id, @type, resourceStatus, name, serialNumber, value and category', async () => {
    expect((await list(`?id=${stock.simId}`)).ids).toEqual([stock.simId]);
    expect((await list(`?id=mdn-${active.number}`)).ids).toEqual([`mdn-${active.number}`]);
    expect((await list('?id=mdn-2125550000')).total).toBe(0);
    expect((await list('?id=something-else')).total).toBe(0);
    expect((await list('?@type=LogicalResource')).ids).toEqual([`mdn-${active.number}`]);
    expect((await list('?@type=PhysicalResource&limit=1000')).body.every((item) => item['@type'] === 'PhysicalResource')).toBe(true);

    const available = await list('?resourceStatus=available&limit=1000');
    expect(available.ids).toEqual(expect.arrayContaining([stock.deviceId, stock.simId, stock.esimId]));
    expect(available.body.every((item) => item.resourceStatus === 'available')).toBe(true);
    expect(available.ids).not.toContain(stock.defectiveId);
    const inUse = await list('?resourceStatus=reserved&limit=1000');
    expect(inUse.ids).toEqual(expect.arrayContaining([reserved.simId, active.deviceId, active.simId, `mdn-${active.number}`]));
    expect((await list('?resourceStatus=alarm')).ids).toEqual([stock.defectiveId]);
    expect((await list('?resourceStatus=suspended')).total).toBe(0);

    // An identifier in any written form finds the item holding it; a number the number.
    const grouped = `${stock.imei.slice(0, 2)} ${stock.imei.slice(2, 8)} ${stock.imei.slice(8, 14)} ${stock.imei.slice(14)}`;
    expect((await list(`?serialNumber=${encodeURIComponent(grouped)}`)).ids).toEqual([stock.deviceId]);
    expect((await list(`?name=${stock.iccid}`)).ids).toEqual([stock.simId]);
    expect((await list(`?name=${encodeURIComponent(formatNanp(active.number))}`)).ids).toEqual([`mdn-${active.number}`]);
    expect((await list(`?value=${active.number}`)).ids).toEqual([`mdn-${active.number}`]);
    expect((await list(`?serialNumber=${stock.imei}&name=${stock.iccid}`)).total).toBe(0);
    // A customer's own device is not stock: no resource.
    expect((await list(`?serialNumber=${reserved.ownImei}`)).total).toBe(0);

    expect((await list('?category=eSIM')).ids).toEqual([stock.esimId]);
    expect((await list('?category=mdn')).ids).toEqual([`mdn-${active.number}`]);
    expect((await list('?category=Router')).total).toBe(0);
    expect((await list(`?category=Device&resourceStatus=alarm`)).ids).toEqual([stock.defectiveId]);
  });

  it('should refuse unknown filters and values outside the spec’s enums, naming them, and answer 404 for an unknown resource', async () => {
    for (const [query, field, rule] of [
      ['?colour=red', 'query.colour', 'unknown_filter'],
      ['?@type=Router', 'query.@type', 'option'],
      ['?resourceStatus=broken', 'query.resourceStatus', 'option'],
      ['?limit=0', 'query.limit', 'min'],
    ] as const) {
      const response = await get(`/tmf-api/resourceInventoryManagement/v4/resource${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field, rule })] });
    }
    for (const id of ['00000000-0000-4000-8000-000000000000', 'mdn-2125550000', 'nothing']) {
      const missing = await get(`/tmf-api/resourceInventoryManagement/v4/resource/${id}`);
      expect(missing.statusCode, id).toBe(404);
      expect(missing.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND' });
      expectToMatchTmfSpec(SPEC, 'Error', missing.json());
    }
  });

  it('should let every role read resources, and nobody without a session or key', async () => {
    const url = `/tmf-api/resourceInventoryManagement/v4/resource/${stock.deviceId}`;
    expect((await get(url, '')).statusCode).toBe(401);
    for (const role of ['admin', 'agent', 'inventory', 'viewer'] as const) {
      const user = await t.createUser(role);
      expect((await t.request({ method: 'GET', url, session: await t.sessionFor(user) })).statusCode, role).toBe(200);
    }
  });
});
