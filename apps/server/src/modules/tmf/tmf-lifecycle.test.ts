import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import type { TTmfCustomer, TTmfProductOrder, TTmfProductOrderItem } from '@linedesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierTestApp, type CarrierTestApp } from '../../../test/carrier-test-app.js';
import { addStock, aDevice, aSim, newIccid, newImei } from '../../../test/order-fixture.js';
import { startCallbackServer, type CallbackServer, type ReceivedEvent } from '../../../test/tmf-callback-server.js';

/*
 * The integrator's whole journey through the TM Forum APIs alone, over real HTTP with an API key: subscribe
 * to product order events, create a customer (TMF629) and a product order for it (TMF622), give its line a
 * device and a SIM from stock (PATCH realizingResource), and the order goes to the carrier by itself (the
 * carrier gateway simulator, its own process) and completes. The listener hears each state in order, ending
 * `completed`, and the order then shows its line's number and the device and SIM that realise it.
 */

const ORDERING = '/tmf-api/productOrderingManagement/v4';
const CUSTOMERS = '/tmf-api/customerManagement/v4';
const CALLBACK = '/listener/product-orders';
/** Where each productOrder state comes in the lifecycle: announced states must never go back. */
const STATE_ORDER = ['acknowledged', 'inProgress', 'completed'];

describe('TM Forum Open APIs: an order from customer to completion, with events', () => {
  let sim: CarrierSim;
  let t: CarrierTestApp;
  let listener: CallbackServer;
  let apiKey: string;

  /** A call as an integrator makes it: JSON, the API key, no cookie and no Origin. */
  const call = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': contentType }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: text ? JSON.parse(text) : null };
  };
  const expectStatus = async (status: number, method: string, path: string, body?: unknown, contentType?: string) => {
    const response = await call(method, path, body, contentType);
    expect(response.status, `${method} ${path}: ${response.text}`).toBe(status);
    return response.json;
  };

  beforeAll(async () => {
    sim = await startCarrierSim({ delayMs: 50 });
    // The integrator's listener runs on this machine (127.0.0.1): loopback allowed, as TMF_CALLBACK_ALLOW_LOCAL=true.
    t = await createCarrierTestApp(sim, {
      LOG_LEVEL: 'error',
      JOB_RETRY_BASE_MS: '20',
      JOB_RETRY_CAP_MS: '200',
      CARRIER_POLL_SECONDS: '1',
      TMF_CALLBACK_ALLOW_LOCAL: 'true',
    });
    listener = await startCallbackServer();
    // An admin hands out the integrator's key, as in Administration > Integrations.
    const admin = await t.createUser('admin', { name: 'Avery Admin' });
    const created = await t.request({ method: 'POST', url: '/api/api-keys', session: await t.sessionFor(admin), payload: { name: 'Storefront', role: 'agent' } });
    expect(created.statusCode, created.body).toBe(201);
    apiKey = created.json().key;
  }, 60_000);
  afterAll(async () => {
    await listener?.close();
    await t?.close();
    await sim?.stop();
  });

  it('should take an order made through the APIs to completion and announce each state to the hub', async () => {
    // 1. Subscribe to product order events.
    const hub = await expectStatus(201, 'POST', `${ORDERING}/hub`, { callback: listener.url(CALLBACK) });
    expect(hub).toMatchObject({ id: expect.any(String), callback: listener.url(CALLBACK) });

    // 2. The customer: a person, with how to reach them, where the service is, and their account's terms.
    const customer: TTmfCustomer = await expectStatus(201, 'POST', `${CUSTOMERS}/customer`, {
      name: 'Rosalind Okafor',
      engagedParty: { id: 'crm-58120', '@referredType': 'Individual' },
      contactMedium: [
        { mediumType: 'email', preferred: true, characteristic: { emailAddress: 'rosalind.okafor@example.com' } },
        { mediumType: 'phone', characteristic: { phoneNumber: '(312) 555-0187', contactType: 'mobile' } },
        {
          mediumType: 'postalAddress',
          characteristic: { contactType: 'serviceAddress', street1: '1060 W Addison St', city: 'Chicago', stateOrProvince: 'IL', postCode: '60613' },
        },
      ],
      characteristic: [
        { name: 'carrier', value: 'NWM' },
        { name: 'billProfile', value: 'RES-STD' },
        { name: 'billMethod', value: 'EMAIL' },
      ],
    });
    expect(customer).toMatchObject({ '@type': 'Customer', name: 'Rosalind Okafor', status: 'prospect', href: `${t.url}${CUSTOMERS}/customer/${customer.id}` });

    // 3. The order: one new Northwind Mobile smartphone line on a demo package, at the customer's address.
    const order: TTmfProductOrder = await expectStatus(201, 'POST', `${ORDERING}/productOrder`, {
      externalId: 'STORE-77310',
      category: 'new',
      description: 'Ordered on the storefront',
      relatedParty: [{ id: customer.id, role: 'Customer', '@referredType': 'Customer' }],
      productOrderItem: [
        {
          id: 'line-1',
          action: 'add',
          productOffering: { id: 'NWM-UNL-ESS' },
          product: {
            productCharacteristic: [
              { name: 'lineType', value: 'SMARTPHONE' },
              { name: 'areaCode', value: '312' },
              { name: 'userName', value: 'Rosalind' },
            ],
            place: [{ role: 'serviceAddress', street1: '1060 W Addison St', city: 'Chicago', stateOrProvince: 'IL', postCode: '60613', country: 'US' }],
          },
        },
      ],
    });
    expect(order, JSON.stringify(order.note)).toMatchObject({ '@type': 'ProductOrder', state: 'acknowledged', externalId: 'STORE-77310' });
    expect(order.relatedParty).toEqual(expect.arrayContaining([expect.objectContaining({ id: customer.id })]));
    expect(order.productOrderItem).toHaveLength(1);
    expect(order.productOrderItem[0]).toMatchObject({ id: 'line-1', action: 'add', state: 'acknowledged', productOffering: expect.objectContaining({ id: expect.any(String) }) });

    // 4. A device and a SIM from stock realise the line (by inventory item id and by the SIM's ICCID): Ready,
    //    and since API orders send themselves, on to the carrier.
    const [imei, iccid] = [newImei(), newIccid()];
    const [deviceId, simId] = await addStock(t, [aDevice(imei), aSim(iccid)]);
    const patched: TTmfProductOrder = await expectStatus(
      200,
      'PATCH',
      `${ORDERING}/productOrder/${order.id}`,
      { productOrderItem: [{ id: 'line-1', product: { realizingResource: [{ id: deviceId!, '@referredType': 'PhysicalResource' }, { id: iccid, value: iccid }] } }] },
      'application/merge-patch+json',
    );
    expect(patched.state).toBe('inProgress');

    // 5. The carrier activates the line; the order completes.
    const completed = await waitFor('the product order to be completed', async () => {
      const current: TTmfProductOrder = await expectStatus(200, 'GET', `${ORDERING}/productOrder/${order.id}`);
      return current.state === 'completed' ? current : null;
    });
    const item: TTmfProductOrderItem = completed.productOrderItem[0]!;
    expect(item.state).toBe('completed');
    const mdn = item.product?.productCharacteristic.find((characteristic) => characteristic.name === 'mdn')?.value;
    expect(String(mdn)).toMatch(/^312\d{7}$/);
    // Realised by the device and SIM from stock (TMF639 physical resources) and the number (a logical resource).
    const resources = item.product?.realizingResource ?? [];
    expect(resources.filter((resource) => resource['@referredType'] === 'PhysicalResource').map((resource) => [resource.id, resource.value])).toEqual(
      expect.arrayContaining([
        [deviceId, imei],
        [simId, iccid],
      ]),
    );
    expect(resources.filter((resource) => resource['@referredType'] === 'PhysicalResource')).toHaveLength(2);
    expect(resources.filter((resource) => resource['@referredType'] === 'LogicalResource')).toEqual([
      expect.objectContaining({ value: mdn, href: expect.stringContaining('/tmf-api/resourceInventoryManagement/v4/resource/') }),
    ]);
    expect(item.product?.place).toEqual([expect.objectContaining({ role: 'serviceAddress', street1: '1060 W Addison St', city: 'Chicago', stateOrProvince: 'IL', postCode: '60613' })]);

    // 6. The listener heard the order created, then each state in order, ending completed.
    const events = await waitFor('the completed state announced', async () => {
      const taken = listener.received(CALLBACK).filter((event) => event.body?.event?.productOrder?.id === order.id);
      return taken.some((event) => event.body.eventType === 'ProductOrderStateChangeEvent' && event.body.event.productOrder.state === 'completed') ? taken : null;
    });
    const byTime = [...events].sort((a, b) => Date.parse(a.body.eventTime) - Date.parse(b.body.eventTime));
    expect(byTime[0]?.body.eventType).toBe('ProductOrderCreateEvent');
    const states = byTime.filter((event) => event.body.eventType === 'ProductOrderStateChangeEvent').map((event: ReceivedEvent) => event.body.event.productOrder.state as string);
    expect(states.at(-1)).toBe('completed');
    expect(states).toContain('inProgress');
    expect(states.map((state) => STATE_ORDER.indexOf(state))).toEqual(states.map((state) => STATE_ORDER.indexOf(state)).sort((a, b) => a - b));
    for (const event of events) {
      expect(event.headers['content-type']).toContain('application/json');
      expect(event.body).toMatchObject({ eventId: expect.any(String), eventTime: expect.any(String) });
      expect(event.body.event.productOrder.href).toBe(`${t.url}${ORDERING}/productOrder/${order.id}`);
    }
    // One event id is one event: a retried delivery would repeat it, not make a new one.
    expect(new Set(events.map((event) => event.body.eventId)).size).toBe(events.length);

    // 7. The prospect became a customer with an open account at its first completed order (Pending once it
    //    had an order, Open at the first completion, as for an account made in the wizard).
    expect((await expectStatus(200, 'GET', `${CUSTOMERS}/customer/${customer.id}`)).status).toBe('approved');
  }, 90_000);
});

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
