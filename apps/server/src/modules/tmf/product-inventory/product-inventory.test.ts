import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import { formatNanp, type TOrderDetail, type TTmfProduct } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierOrderClient, createCarrierTestApp, type CarrierTestApp } from '../../../../test/carrier-test-app.js';
import { addStock, aDevice, aSim, createWizardOrder, newIccid, newImei } from '../../../../test/order-fixture.js';
import { TEST_HOST } from '../../../../test/test-app.js';
import { createTmfApiKey, tmfCall } from '../../../../test/tmf-fixture.js';
import { expectToMatchTmfSpec } from '../../../../test/tmf-spec.js';
import { selectRows } from '../../../db/client.js';

/*
 * TMF637 Product Inventory against real orders: one made in the wizard and left Pending (a new line with
 * a device and SIM from stock, a port-in with the customer's own device), one sent to the carrier gateway
 * simulator (its own process) and completed by its callbacks, and one cancelled. Every answer is checked
 * against the spec's own Product definition.
 */

const SPEC = 'TMF637-ProductInventory-v4.0.0.swagger.json';
const BASE = `http://${TEST_HOST}/tmf-api/productInventory/v4/product`;
const OWN_DEVICE_TAC = '35332011';

describe('TMF637 product inventory: lines as products', () => {
  let sim: CarrierSim;
  let t: CarrierTestApp;
  let client: ReturnType<typeof carrierOrderClient>;
  let viewerKey: string;
  let pending: { orderId: string; customerId: string; portInNumber: string; page: TOrderDetail; deviceId: string; simId: string; ownImei: string; packageId: string };

  /** A GET as an integrator makes it: the viewer's API key, no cookie. */
  const get = (url: string, key = viewerKey): Promise<LightMyRequestResponse> => tmfCall(t, { url, key });
  const getOk = async <T>(url: string): Promise<T> => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const list = async (query: string) => {
    const response = await get(`/tmf-api/productInventory/v4/product${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body: TTmfProduct[] = response.json();
    for (const product of body) expectToMatchTmfSpec(SPEC, 'Product', product);
    return { body, total: Number(response.headers['x-total-count']), count: Number(response.headers['x-result-count']) };
  };
  const characteristic = (product: TTmfProduct, name: string) => product.productCharacteristic.find((c) => c.name === name)?.value;

  beforeAll(async () => {
    sim = await startCarrierSim({ delayMs: 50 });
    t = await createCarrierTestApp(sim);
    const agent = await t.createUser('agent', { name: 'Alex Agent' });
    client = carrierOrderClient(t, agent, await t.sessionFor(agent));
    viewerKey = await createTmfApiKey(t, 'Product reader', 'viewer');

    // A Pending order: line 1 gets a device and SIM from stock, line 2 (port-in, the customer's own phone) a SIM.
    const created = await createWizardOrder(t, client.session, agent.id);
    const before = await client.page(created.orderId);
    const [imei, iccid, ownImei, ownSim] = [newImei(), newIccid(), newImei(OWN_DEVICE_TAC), newIccid()];
    const [deviceId, simId] = await addStock(t, [aDevice(imei), aSim(iccid)]);
    await addStock(t, [aSim(ownSim)]);
    for (const [lineId, text] of [
      [before.lines[0]!.id, `${imei}\n${iccid}`],
      [before.lines[1]!.id, `${ownImei}\n${ownSim}`],
    ] as const) {
      const response = await t.request({ method: 'POST', url: `/api/orders/${created.orderId}/inventory`, session: client.session, payload: { text, lineId } });
      expect(response.statusCode, response.body).toBe(200);
    }
    const [pkg] = await selectRows<{ id: string }>(
      t.database.db,
      sql`select p.id from packages p join carriers c on c.id = p.carrier_id where c.code = 'NWM' and p.code = 'NWM-UNL-ESS'`,
    );
    pending = { orderId: created.orderId, customerId: created.customerId, portInNumber: created.portInNumber!, page: await client.page(created.orderId), deviceId: deviceId!, simId: simId!, ownImei, packageId: pkg!.id };
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });

  it("should show a wizard-made line as a bundle of its products, with its package, prices, stock, customer, place and order item", async () => {
    const line = pending.page.lines[0]!;
    const product = await getOk<TTmfProduct>(`/tmf-api/productInventory/v4/product/${line.id}`);
    expectToMatchTmfSpec(SPEC, 'Product', product);
    expect(product).toMatchObject({
      id: line.id,
      href: `${BASE}/${line.id}`,
      '@type': 'Product',
      name: 'Unlimited Essentials',
      isBundle: true,
      status: 'created',
      orderDate: pending.page.createdAt,
      productOffering: { id: pending.packageId, name: 'Unlimited Essentials', '@referredType': 'ProductOffering' },
      relatedParty: [{ id: pending.customerId, role: 'Customer', '@referredType': 'Customer', href: `http://${TEST_HOST}/tmf-api/customerManagement/v4/customer/${pending.customerId}` }],
      productOrderItem: [{ productOrderId: pending.orderId, orderItemId: '1', orderItemAction: 'add', productOrderHref: `http://${TEST_HOST}/tmf-api/productOrderingManagement/v4/productOrder/${pending.orderId}` }],
    });
    expect(product.startDate).toBeUndefined();
    expect(product.productOffering!.href).toBe(`http://${TEST_HOST}/tmf-api/productCatalogManagement/v4/productOffering/${pending.packageId}`);
    expect(product.relatedParty[0]!.name).toBe(pending.page.customer.displayName);

    // Characteristics: the line type and its properties, the area code, where the device comes from.
    expect(characteristic(product, 'lineType')).toBe('SMARTPHONE');
    expect(characteristic(product, 'userName')).toBe('Dana');
    expect(characteristic(product, 'deviceProtection')).toBe(false);
    expect(characteristic(product, 'areaCode')).toBe('312');
    expect(characteristic(product, 'deviceSource')).toBe('STOCK');
    expect(characteristic(product, 'mdn')).toBeUndefined();

    // Prices as the order page shows them, in dollars; and each product the line was sold with.
    expect(product.productPrice).toEqual([
      { name: 'Monthly', priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: { unit: 'USD', value: line.monthlyCents / 100 } } },
      { name: 'One-time', priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'USD', value: line.oneTimeCents / 100 } } },
    ]);
    expect(product.product.map((p) => p.name)).toEqual(line.products.map((p) => p.name));
    for (const [index, sold] of line.products.entries()) {
      const value = product.product[index]!;
      expectToMatchTmfSpec(SPEC, 'ProductRefOrValue', value);
      expect(value).toMatchObject({ '@type': 'Product', isBundle: false, status: 'created', productOffering: { '@referredType': 'ProductOffering' } });
      expect(value.productCharacteristic).toContainEqual({ name: 'productCode', valueType: 'string', value: sold.productCode });
      expect(value.productCharacteristic).toContainEqual({ name: 'quantity', valueType: 'integer', value: sold.quantity });
      expect(value.productPrice[0]!.price.dutyFreeAmount).toEqual({ unit: 'USD', value: sold.monthlyCents / 100 });
    }

    // The device and SIM from stock realize it, as TMF639 resources.
    expect(product.realizingResource.map((ref) => ref.id).sort()).toEqual([pending.deviceId, pending.simId].sort());
    for (const ref of product.realizingResource) {
      expect(ref).toMatchObject({ '@referredType': 'PhysicalResource', href: `http://${TEST_HOST}/tmf-api/resourceInventoryManagement/v4/resource/${ref.id}` });
    }
    // The service address, by value.
    expect(product.place).toEqual([
      expect.objectContaining({ role: 'serviceAddress', '@type': 'GeographicAddress', street1: expect.stringMatching(/^\d+ Scan Street$/), city: 'Helena', stateOrProvince: 'MT', postCode: '59601', country: 'US' }),
    ]);
  });

  it("should show a port-in line's port data without the PIN, and the customer's own device as a characteristic, not a resource", async () => {
    const line = pending.page.lines[1]!;
    const product = await getOk<TTmfProduct>(`/tmf-api/productInventory/v4/product/${line.id}`);
    expectToMatchTmfSpec(SPEC, 'Product', product);
    expect(characteristic(product, 'portInNumber')).toBe(pending.portInNumber);
    expect(characteristic(product, 'portInCurrentCarrier')).toBe('Old Carrier Wireless');
    expect(characteristic(product, 'deviceSource')).toBe('BYOD');
    expect(characteristic(product, 'customerOwnedDevice')).toEqual({ IMEI: pending.ownImei });
    // The port-out PIN is write-only: no characteristic names it or carries it.
    expect(product.productCharacteristic.filter((c) => /pin/i.test(c.name) || c.value === '4417')).toEqual([]);
    // Only the SIM is stock.
    expect(product.realizingResource).toHaveLength(1);
    expect(product.realizingResource[0]!['@referredType']).toBe('PhysicalResource');
  });

  it('should list products newest order first with paging headers, filters and projection', async () => {
    const customer = `relatedParty.id=${pending.customerId}`;
    const all = await list(`?${customer}`);
    expect(all.body.map((p) => p.id)).toEqual(pending.page.lines.map((line) => line.id));
    expect([all.total, all.count]).toEqual([2, 2]);

    const second = await list(`?${customer}&offset=1&limit=1`);
    expect(second.body.map((p) => p.id)).toEqual([pending.page.lines[1]!.id]);
    expect([second.total, second.count]).toEqual([2, 1]);

    const projected = await list(`?${customer}&fields=name,status`);
    expect(projected.body[0]).toEqual({ id: pending.page.lines[0]!.id, href: `${BASE}/${pending.page.lines[0]!.id}`, '@type': 'Product', name: 'Unlimited Essentials', status: 'created' });

    expect((await list(`?${customer}&status=created`)).total).toBe(2);
    expect((await list(`?${customer}&status=active`)).total).toBe(0);
    expect((await list(`?${customer}&status=pendingActive`)).total).toBe(0);
    expect((await list(`?${customer}&name=Unlimited%20Essentials`)).total).toBe(2);
    expect((await list(`?${customer}&name=Something%20Else`)).total).toBe(0);
    expect((await list(`?${customer}&productOffering.id=${pending.packageId}`)).total).toBe(2);
    expect((await list(`?productOffering.id=00000000-0000-4000-8000-000000000000`)).total).toBe(0);
    expect((await list(`?id=${pending.page.lines[1]!.id}`)).body.map((p) => p.id)).toEqual([pending.page.lines[1]!.id]);
    expect((await list(`?id=not-a-line`)).total).toBe(0);
    expect((await list(`?relatedParty.id=00000000-0000-4000-8000-000000000000`)).total).toBe(0);

    const byId = await getOk<Partial<TTmfProduct>>(`/tmf-api/productInventory/v4/product/${pending.page.lines[0]!.id}?fields=status`);
    expect(byId).toEqual({ id: pending.page.lines[0]!.id, href: `${BASE}/${pending.page.lines[0]!.id}`, '@type': 'Product', status: 'created' });
  });

  it('should refuse an unknown filter or a status not in the spec, naming it, and answer 404 for an unknown product', async () => {
    const unknown = await get('/tmf-api/productInventory/v4/product?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'query.colour', rule: 'unknown_filter' })] });
    const status = await get('/tmf-api/productInventory/v4/product?status=live');
    expect(status.statusCode).toBe(400);
    expect(status.json().fields).toEqual([expect.objectContaining({ field: 'query.status', rule: 'option' })]);

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-line']) {
      const missing = await get(`/tmf-api/productInventory/v4/product/${id}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND' });
      expectToMatchTmfSpec(SPEC, 'Error', missing.json());
    }
  });

  it('should let every role read products, and nobody without a session or key', async () => {
    const url = `/tmf-api/productInventory/v4/product/${pending.page.lines[0]!.id}`;
    expect((await get(url, '')).statusCode).toBe(401);
    for (const role of ['admin', 'agent', 'inventory', 'viewer'] as const) {
      const user = await t.createUser(role);
      const response = await t.request({ method: 'GET', url, session: await t.sessionFor(user) });
      expect(response.statusCode, role).toBe(200);
    }
  });

  it('should follow a line through Send (pendingActive) and the carrier completion (active, with its number as a resource)', async () => {
    // The carrier takes its time to call back, so the sent order is seen at the carrier first.
    await sim.setFaults({ callbackDelayMs: 2500 });
    const { orderId } = await client.readyOrder();
    const [line] = (await client.page(orderId)).lines;
    await client.send(orderId);
    const sent = await getOk<TTmfProduct>(`/tmf-api/productInventory/v4/product/${line!.id}`);
    expect(sent.status).toBe('pendingActive');
    expect((await list(`?status=pendingActive&id=${line!.id}`)).total).toBe(1);
    await sim.setFaults({});

    const done = await client.waitForStatus(orderId, 'COMPLETE');
    const active = done.lines[0]!;
    const product = await getOk<TTmfProduct>(`/tmf-api/productInventory/v4/product/${line!.id}`);
    expectToMatchTmfSpec(SPEC, 'Product', product);
    const number = active.number!;
    expect(product).toMatchObject({ status: 'active', startDate: active.activatedAt, name: `Unlimited Essentials ${formatNanp(number)}` });
    expect(characteristic(product, 'mdn')).toBe(number);
    expect(product.product.every((p) => p.status === 'active')).toBe(true);
    expect(product.realizingResource).toContainEqual({
      id: `mdn-${number}`,
      href: `http://${TEST_HOST}/tmf-api/resourceInventoryManagement/v4/resource/mdn-${number}`,
      name: formatNanp(number),
      '@referredType': 'LogicalResource',
    });
    expect(product.realizingResource.filter((ref) => ref['@referredType'] === 'PhysicalResource')).toHaveLength(2);

    // The number is part of the name filter; active finds it.
    expect((await list(`?name=${encodeURIComponent(product.name)}`)).body.map((p) => p.id)).toEqual([line!.id]);
    expect((await list(`?status=active&id=${line!.id}`)).total).toBe(1);
    expect((await list(`?status=created&id=${line!.id}`)).total).toBe(0);
  });

  it('should show a cancelled order’s lines as cancelled, with their termination date', async () => {
    const { orderId } = await createWizardOrder(t, client.session, (await t.createUser('agent')).id);
    const cancel = await t.request({ method: 'POST', url: `/api/orders/${orderId}/cancel`, session: client.session, payload: { reason: 'Customer changed their mind' } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const page = await client.page(orderId);
    for (const line of page.lines) {
      const product = await getOk<TTmfProduct>(`/tmf-api/productInventory/v4/product/${line.id}`);
      expectToMatchTmfSpec(SPEC, 'Product', product);
      expect(product.status).toBe('cancelled');
      expect(product.terminationDate).toEqual(expect.any(String));
    }
    expect((await list(`?status=cancelled&relatedParty.id=${page.customer.id}`)).total).toBe(2);
  });
});
