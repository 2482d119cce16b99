import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDevice, addStock, aSim, createWizardOrder, newIccid, newImei } from '../../../../test/order-fixture.js';
import { createTestApp, type TestApp, type TestUser } from '../../../../test/test-app.js';
import { createTmfApiKey, tmfCall, type TmfCall } from '../../../../test/tmf-fixture.js';
import { expectToMatchTmfSpec } from '../../../../test/tmf-spec.js';
import { loadDemoCatalog, NEW_LINE } from '../../../../test/wizard-fixture.js';
import { auditLog } from '../../audit/audit.schema.js';
import { inventoryItems } from '../../inventory/inventory.schema.js';
import { lines, orders } from '../../orders/orders.schema.js';
import { jobs } from '../../jobs/jobs.schema.js';

const BASE = '/tmf-api/productOrderingManagement/v4/productOrder';
const CANCEL = '/tmf-api/productOrderingManagement/v4/cancelProductOrder';
const SPEC = 'TMF622-ProductOrdering-v4.0.0.swagger.json';
const MANDATORY = ['productOrderItem', 'href', 'id', 'orderDate', 'relatedParty', 'state'];
/** The TM Forum kit's POST body, as it sends it. */
const CTK_BODY = { productOrderItem: [{ id: '123', action: 'add' }], relatedParty: [{ id: '456-dd-df45', '@referredType': 'Individual' }] };

type Characteristic = { name: string; value: unknown };
type Item = {
  id: string;
  state: string;
  productOffering: { id: string; name: string };
  product: { id: string; productCharacteristic: Characteristic[]; place: Record<string, string>[]; realizingResource: { id: string; name: string; value?: string; '@referredType': string }[] };
  itemPrice: { priceType: string; price: { dutyFreeAmount: { unit: string; value: number } } }[];
};
type ProductOrder = {
  id: string;
  href: string;
  '@type': string;
  orderDate: string;
  state: string;
  externalId?: string;
  description?: string;
  category?: string;
  requestedCompletionDate?: string;
  relatedParty: { id: string; role?: string; '@referredType'?: string }[];
  productOrderItem: Item[];
  orderTotalPrice: { priceType: string; price: { dutyFreeAmount: { value: number } } }[];
  note: { text: string }[];
};

const characteristic = (item: Item, name: string) => item.product.productCharacteristic.find((c) => c.name === name)?.value;

describe('TMF622 product ordering API', () => {
  let t: TestApp;
  let agent: TestUser;
  let agentSession: string;
  let agentKey: string;
  let viewerKey: string;
  let customerId: string;
  let packageId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoCatalog(t);
    agent = await t.createUser('agent', { name: 'Aggie Agent' });
    agentSession = await t.sessionFor(agent);
    agentKey = await createTmfApiKey(t, 'Dealer CRM', 'agent');
    viewerKey = await createTmfApiKey(t, 'Dashboard', 'viewer');
    // A customer made in the wizard (Northwind Mobile), whose account the integrator orders more lines on.
    const made = await createWizardOrder(t, agentSession, agent.id, [NEW_LINE]);
    customerId = made.customerId;
    const offerings = await api({ url: '/tmf-api/productCatalogManagement/v4/productOffering?isBundle=true' });
    packageId = (offerings.json() as { id: string; name: string }[]).find((o) => o.name === 'Unlimited Essentials')?.id ?? '';
  });
  afterAll(async () => t?.close());

  /** A call as an integrator's tool makes it (newman, the TM Forum kit), with the agent's key unless told. */
  const api = (options: Omit<TmfCall, 'key'> & { key?: string }) => tmfCall(t, { ...options, key: options.key ?? agentKey });

  async function post(payload: unknown, headers?: Record<string, string>): Promise<ProductOrder> {
    const response = await api({ method: 'POST', url: BASE, payload, headers });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  /** One new Northwind line for the wizard's customer, with what the test adds. */
  const lineItem = (id: string, extra: { characteristics?: Characteristic[]; resources?: { id: string; value?: string }[]; place?: Record<string, string>[] } = {}) => ({
    id,
    action: 'add',
    productOffering: { id: packageId },
    product: {
      productCharacteristic: [{ name: 'lineType', value: 'SMARTPHONE' }, { name: 'areaCode', value: '312' }, { name: 'userName', value: 'Robin' }, ...(extra.characteristics ?? [])],
      ...(extra.place ? { place: extra.place } : {}),
      ...(extra.resources ? { realizingResource: extra.resources } : {}),
    },
  });
  const customerParty = () => [{ id: customerId, role: 'Customer', '@referredType': 'Individual' }];

  it('should pass the TM Forum kit: a request that cannot be an order is kept as rejected, listed, found, filtered and projected', async () => {
    const response = await api({ method: 'POST', url: BASE, payload: CTK_BODY });
    expect(response.statusCode, response.body).toBe(201);
    const order: ProductOrder = response.json();
    expect(Array.isArray(order)).toBe(false);
    expect(Object.keys(order)).toEqual(expect.arrayContaining(MANDATORY));
    expect(order.state).toBe('rejected');
    expect(typeof order.orderDate).toBe('string');
    expect(order.href).toBe(`http://linedesk.test${BASE}/${order.id}`);
    expect(order.productOrderItem).toEqual([expect.objectContaining({ id: '123', action: 'add', state: 'rejected' })]);
    expect(order.relatedParty).toEqual([expect.objectContaining({ id: '456-dd-df45', '@referredType': 'Individual' })]);
    expect(order.note.map((n) => n.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^relatedParty\[0\]\.id: No customer with this id/), expect.stringMatching(/^productOrderItem\[0\]\.productOffering\.id: Name the package/)]),
    );
    expectToMatchTmfSpec(SPEC, 'ProductOrder', order);

    const list = await api({ url: BASE });
    expect(list.statusCode).toBe(200);
    const listed: ProductOrder[] = list.json();
    // Every productOrder in a list has the kit's attributes: the wizard's order as well as the rejected request.
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const each of listed) {
      expect(Object.keys(each)).toEqual(expect.arrayContaining(MANDATORY));
      expectToMatchTmfSpec(SPEC, 'ProductOrder', each);
    }
    expect(listed[0]!.id).toBe(order.id);
    expect(Number(list.headers['x-total-count'])).toBe(listed.length);

    const one = await api({ url: `${BASE}/${order.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(order);

    for (const field of ['href', 'id', 'orderDate']) {
      const projected = await api({ url: `${BASE}?fields=${field}` });
      expect(projected.statusCode).toBe(200);
      expect(Object.keys((projected.json() as object[])[0]!).sort()).toEqual([...new Set(['id', 'href', '@type', field])].sort());
    }
    const byId = await api({ url: `${BASE}?id=${order.id}` });
    expect((byId.json() as ProductOrder[]).map((o) => o.id)).toEqual([order.id]);
    const byDate = await api({ url: `${BASE}?orderDate=${order.orderDate}` });
    expect(byDate.statusCode).toBe(200);
    expect((byDate.json() as ProductOrder[]).map((o) => o.id)).toContain(order.id);
    expect((await api({ url: `${BASE}/f42b01d2-dba6-4442-a0fa-34e59639fd15` })).statusCode).toBe(404);
    expect((await api({ url: `${BASE}/not-an-id` })).statusCode).toBe(404);
  });

  it('should render a wizard-made order with its lines as items, package, characteristics, place and prices', async () => {
    const made = await createWizardOrder(t, agentSession, agent.id);
    const response = await api({ url: `${BASE}/${made.orderId}` });
    expect(response.statusCode, response.body).toBe(200);
    const order: ProductOrder = response.json();
    expectToMatchTmfSpec(SPEC, 'ProductOrder', order);
    expect(order).toMatchObject({ state: 'acknowledged', category: 'CONVERSION', relatedParty: [{ id: made.customerId, role: 'Customer' }] });
    expect(order.productOrderItem.map((item) => item.id)).toEqual(['1', '2']);
    const [first, second] = order.productOrderItem as [Item, Item];
    expect(first.productOffering).toMatchObject({ id: packageId, name: 'Unlimited Essentials' });
    expect(characteristic(first, 'lineType')).toBe('SMARTPHONE');
    expect(characteristic(first, 'areaCode')).toBe('312');
    expect(first.product.place[0]).toMatchObject({ role: 'serviceAddress', city: 'Helena', stateOrProvince: 'MT' });
    expect(characteristic(second, 'portInNumber')).toBe(made.portInNumber);
    expect(characteristic(second, 'portInCurrentCarrier')).toBe('Old Carrier Wireless');
    // The port-out PIN is write-only.
    expect(JSON.stringify(order)).not.toContain('4417');
    expect(second.product.productCharacteristic.map((c) => c.name)).not.toContain('portInPin');
    expect(first.itemPrice.map((p) => p.priceType)).toEqual(['recurring', 'oneTime']);
    expect(first.itemPrice[0]!.price.dutyFreeAmount.unit).toBe('USD');
  });

  it('should create a real order for the customer: lines from the package, properties, place, port-in with its PIN sealed, audited as the API key', async () => {
    const order = await post({
      externalId: 'CRM-1001',
      description: 'Two lines for the family plan',
      requestedCompletionDate: '2099-01-15T00:00:00Z',
      relatedParty: customerParty(),
      productOrderItem: [
        lineItem('A1', { place: [{ role: 'serviceAddress', street1: '9 Harbor Road', city: 'Duluth', stateOrProvince: 'MN', postCode: '55802' }] }),
        {
          id: 'A2',
          action: 'add',
          productOffering: { id: 'NWM-UNL-ESS' },
          product: {
            productCharacteristic: [
              { name: 'lineType', value: 'SMARTPHONE' },
              { name: 'userName', value: 'Sam' },
              { name: 'deviceSource', value: 'BYOD' },
              { name: 'portInNumber', value: '(217) 555-0177' },
              { name: 'portInCurrentCarrier', value: 'Old Carrier Wireless' },
              { name: 'portInAccountNumber', value: '77712345' },
              { name: 'portInPin', value: '9931' },
              { name: 'portInAuthorizedSigner', value: 'Robin Whitfield' },
            ],
          },
        },
      ],
    });
    expect(order.state).toBe('acknowledged');
    expect(order).toMatchObject({ externalId: 'CRM-1001', description: 'Two lines for the family plan', category: 'CONVERSION', requestedCompletionDate: '2099-01-15T00:00:00.000Z' });
    expectToMatchTmfSpec(SPEC, 'ProductOrder', order);
    const [first, second] = order.productOrderItem as [Item, Item];
    expect(first).toMatchObject({ id: 'A1', state: 'acknowledged', productOffering: { id: packageId } });
    expect(first.product.place[0]).toMatchObject({ street1: '9 Harbor Road', city: 'Duluth', stateOrProvince: 'MN', postCode: '55802' });
    expect(characteristic(first, 'userName')).toBe('Robin');
    expect(second).toMatchObject({ id: 'A2' });
    expect(characteristic(second, 'portInNumber')).toBe('2175550177');
    expect(characteristic(second, 'portInAccountName')).toBeTruthy();
    expect(JSON.stringify(order)).not.toContain('9931');

    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ externalId: 'CRM-1001', customerId, carrierCode: 'NWM', sendAutomatically: true, requestedDueDate: '2099-01-15', createdBy: null, createdByLabel: 'API key Dealer CRM' });
    const stored = await t.database.db.select().from(lines).where(eq(lines.orderId, order.id));
    const ported = stored.find((line) => line.externalItemId === 'A2')!;
    expect(ported.portIn?.pinSealed).toBeTruthy();
    expect(ported.portIn?.pinSealed).not.toContain('9931');
    expect(t.secrets.open(ported.portIn!.pinSealed!)).toBe('9931');
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, order.id), eq(auditLog.entityType, 'order')));
    expect(audits.map((a) => [a.action, a.actorLabel])).toEqual([['create', 'API key Dealer CRM']]);

    // Found by the integrator's own id.
    const byExternal = await api({ url: `${BASE}?externalId=CRM-1001` });
    expect((byExternal.json() as ProductOrder[]).map((o) => o.id)).toEqual([order.id]);

    // Merge patch: null clears; the notes take the description, note texts added; the state is not the integrator's to set.
    const cleared = await api({ method: 'PATCH', url: `${BASE}/${order.id}`, contentType: 'application/merge-patch+json', payload: { externalId: null, note: [{ text: 'Call before noon' }] } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().externalId).toBeUndefined();
    expect(cleared.json().description).toBe('Two lines for the family plan\n\nCall before noon');
    // The same PATCH retried (the client did not hear the answer) adds the note once only.
    const retried = await api({ method: 'PATCH', url: `${BASE}/${order.id}`, contentType: 'application/merge-patch+json', payload: { externalId: null, note: [{ text: 'Call before noon' }] } });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().description).toBe('Two lines for the family plan\n\nCall before noon');
    const stateChange = await api({ method: 'PATCH', url: `${BASE}/${order.id}`, payload: { state: 'completed' } });
    expect(stateChange.statusCode).toBe(400);
    expect(stateChange.json().fields).toEqual([expect.objectContaining({ field: 'body.state', rule: 'not_patchable' })]);
    const updates = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'update')));
    expect(updates).toHaveLength(1);
  });

  it('should reject what the catalog refuses, naming the request fields, and never keep the PIN', async () => {
    const order = await post({
      relatedParty: customerParty(),
      productOrderItem: [
        lineItem('B1', { characteristics: [{ name: 'unknownThing', value: 'x' }] }),
        { id: 'B2', action: 'modify', productOffering: { id: 'NO-SUCH-PACKAGE' }, product: { productCharacteristic: [{ name: 'portInPin', value: '5555' }] } },
      ],
    });
    expect(order.state).toBe('rejected');
    expect(order.note.map((n) => n.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^productOrderItem\[1\]\.action: /)]));
    expect(JSON.stringify(order)).not.toContain('5555');
    const again = await post({ relatedParty: customerParty(), productOrderItem: [lineItem('B1', { characteristics: [{ name: 'unknownThing', value: 'x' }] })] });
    expect(again.state).toBe('rejected');
    expect(again.note.map((n) => n.text)).toEqual([expect.stringMatching(/^productOrderItem\[0\]\.product\.productCharacteristic\.unknownThing: .*\(unknown_property\)$/)]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, again.id));
    expect(audits.map((a) => [a.entityType, a.action])).toEqual([['rejected_product_order', 'create']]);
    const patched = await api({ method: 'PATCH', url: `${BASE}/${again.id}`, payload: { description: 'Try again' } });
    expect(patched.statusCode).toBe(409);
    const cancelled = await api({ method: 'POST', url: CANCEL, payload: { productOrder: { id: again.id } } });
    expect(cancelled.json()).toMatchObject({ state: 'terminatedWithError', stateReason: expect.stringMatching(/rejected/) });
    // Nothing of an order was written.
    expect(await t.database.db.select().from(orders).where(eq(orders.id, again.id))).toEqual([]);
  });

  it('should answer 400 naming the field for a body of the wrong shape', async () => {
    const bad = await api({ method: 'POST', url: BASE, payload: { productOrderItem: [{ id: 'x', action: 'explode' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(bad.json().fields)).toContain('productOrderItem');
    const empty = await api({ method: 'POST', url: BASE, payload: { productOrderItem: [] } });
    expect(empty.statusCode).toBe(400);
    const malformed = await t.app.inject({ method: 'POST', url: BASE, payload: '{"productOrderItem": [', headers: { host: 'linedesk.test', authorization: `Bearer ${agentKey}`, 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect((await api({ url: `${BASE}?colour=blue` })).statusCode).toBe(400);
  });

  it('should reserve stock given at POST, and make the order Ready and send it by itself when PATCH assigns the rest', async () => {
    const [deviceId] = await addStock(t, [aDevice()]);
    const iccid = newIccid();
    await addStock(t, [aSim(iccid)]);
    const order = await post({ relatedParty: customerParty(), productOrderItem: [lineItem('C1', { resources: [{ id: deviceId! }] })] });
    expect(order.state).toBe('acknowledged');
    expect(order.productOrderItem[0]!.product.realizingResource).toEqual([expect.objectContaining({ id: deviceId, '@referredType': 'PhysicalResource' })]);
    const [device] = await t.database.db.select().from(inventoryItems).where(eq(inventoryItems.id, deviceId!));
    expect(device).toMatchObject({ status: 'RESERVED', orderId: order.id });

    // The same device again on another order: rejected, naming the field; the savepoint takes back that order and its line.
    const ordersBefore = (await t.database.db.select().from(orders)).length;
    const taken = await post({ relatedParty: customerParty(), productOrderItem: [lineItem('C9', { resources: [{ id: deviceId! }] })] });
    expect(taken.state).toBe('rejected');
    expect(taken.note.map((n) => n.text)).toEqual([expect.stringMatching(/^productOrderItem\[0\]\.product\.realizingResource\[0\]: .*not available.*\(not_available\)$/)]);
    expect((await t.database.db.select().from(orders)).length).toBe(ordersBefore);
    const unknown = await post({ relatedParty: customerParty(), productOrderItem: [lineItem('C9', { resources: [{ id: '0b7f4a52-9a59-4a43-9d5f-4f8f3f0f7a11' }] })] });
    expect(unknown.note.map((n) => n.text)).toEqual(['productOrderItem[0].product.realizingResource[0]: No inventory item with this id (not_found)']);

    // A SIM that is not in stock: refused, naming the field, and nothing changes.
    const missing = await api({
      method: 'PATCH',
      url: `${BASE}/${order.id}`,
      contentType: 'application/merge-patch+json',
      payload: { productOrderItem: [{ id: 'C1', product: { realizingResource: [{ id: newIccid() }] } }] },
    });
    expect(missing.statusCode, missing.body).toBe(422);
    expect(missing.json().fields).toEqual([expect.objectContaining({ field: 'productOrderItem[0].product.realizingResource[0]', rule: 'not_in_stock' })]);
    const unknownItem = await api({ method: 'PATCH', url: `${BASE}/${order.id}`, payload: { productOrderItem: [{ id: 'ZZ', product: { realizingResource: [{ id: iccid }] } }] } });
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().fields[0].field).toBe('productOrderItem[0].id');

    const patched = await api({
      method: 'PATCH',
      url: `${BASE}/${order.id}`,
      contentType: 'application/merge-patch+json',
      payload: { description: 'Ship with a case', externalId: 'CRM-2002', productOrderItem: [{ id: 'C1', product: { realizingResource: [{ id: 'sim', value: iccid }] } }] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after: ProductOrder = patched.json();
    // Ready, and an API order sends by itself: Sent is inProgress.
    expect(after.state).toBe('inProgress');
    expect(after).toMatchObject({ description: 'Ship with a case', externalId: 'CRM-2002' });
    expect(after.productOrderItem[0]!.product.realizingResource.map((r) => r.value)).toEqual(expect.arrayContaining([iccid]));
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe('SENT');
    expect((await t.database.db.select().from(jobs)).length).toBeGreaterThan(0);

    // Once sent, changes are refused as on the order page.
    const late = await api({ method: 'PATCH', url: `${BASE}/${order.id}`, payload: { description: 'Too late' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().reason).toMatch(/Sent: it went to the carrier/);
    const cancel = await api({ method: 'POST', url: CANCEL, payload: { productOrder: { id: order.id }, cancellationReason: 'Customer changed their mind' } });
    expect(cancel.statusCode).toBe(201);
    expect(cancel.json()).toMatchObject({ state: 'terminatedWithError', productOrder: { id: order.id } });
    expect(cancel.json().stateReason).toMatch(/can no longer be cancelled/);
  });

  it('should send an order that has every device and SIM at POST to the carrier by itself', async () => {
    const imei = newImei();
    const [simId] = await addStock(t, [aSim()]);
    await addStock(t, [aDevice(imei)]);
    const order = await post({ relatedParty: customerParty(), productOrderItem: [lineItem('F1', { resources: [{ id: 'device', value: imei }, { id: simId! }] })] });
    expect(order.state).toBe('inProgress');
    expect(order.productOrderItem[0]!.state).toBe('inProgress');
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe('SENT');
    const resources = order.productOrderItem[0]!.product.realizingResource;
    expect(resources.map((r) => r.value)).toEqual(expect.arrayContaining([imei]));
    expect(resources.find((r) => r.id === simId)).toMatchObject({ href: `http://linedesk.test/tmf-api/resourceInventoryManagement/v4/resource/${simId}` });
  });

  it('should cancel an order not yet sent, releasing its stock, and list and find the requests', async () => {
    const [deviceId] = await addStock(t, [aDevice(newImei())]);
    const order = await post({ relatedParty: customerParty(), productOrderItem: [lineItem('D1', { resources: [{ id: deviceId! }] })] });
    const response = await api({ method: 'POST', url: CANCEL, payload: { productOrder: { id: order.id }, cancellationReason: 'Duplicate order' } });
    expect(response.statusCode, response.body).toBe(201);
    const request = response.json();
    expect(request).toMatchObject({ '@type': 'CancelProductOrder', state: 'done', cancellationReason: 'Duplicate order', productOrder: { id: order.id } });
    expect(typeof request.effectiveCancellationDate).toBe('string');
    expectToMatchTmfSpec(SPEC, 'CancelProductOrder', request);
    expect((await api({ url: `${BASE}/${order.id}` })).json().state).toBe('cancelled');
    const [device] = await t.database.db.select().from(inventoryItems).where(eq(inventoryItems.id, deviceId!));
    expect(device!.status).toBe('AVAILABLE');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, request.id));
    expect(audits.map((a) => [a.entityType, a.action, a.actorLabel])).toEqual([['cancel_product_order', 'create', 'API key Dealer CRM']]);

    const twice = await api({ method: 'POST', url: CANCEL, payload: { productOrder: { id: order.id } } });
    expect(twice.json()).toMatchObject({ state: 'terminatedWithError', stateReason: 'The order is already cancelled' });
    const list = await api({ url: `${CANCEL}?productOrder.id=${order.id}` });
    expect(list.headers['x-total-count']).toBe('2');
    expect((list.json() as { id: string }[]).map((r) => r.id)).toEqual([twice.json().id, request.id]);
    expect((await api({ url: `${CANCEL}/${request.id}` })).json()).toEqual(request);
    expect((await api({ url: `${CANCEL}/f42b01d2-dba6-4442-a0fa-34e59639fd15` })).statusCode).toBe(404);
  });

  it('should answer a retried cancel with the same Idempotency-Key with the first request, made once', async () => {
    const order = await post({ relatedParty: customerParty(), productOrderItem: [lineItem('R1')] });
    const headers = { 'idempotency-key': `cancel-${order.id}` };
    const payload = { productOrder: { id: order.id }, cancellationReason: 'Entered twice' };
    const first = await api({ method: 'POST', url: CANCEL, payload, headers });
    const retried = await api({ method: 'POST', url: CANCEL, payload, headers });
    expect(first.statusCode, first.body).toBe(201);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.json()).toEqual(first.json());
    expect(retried.json().state).toBe('done');
    expect((await api({ url: `${CANCEL}?productOrder.id=${order.id}` })).headers['x-total-count']).toBe('1');
    const reused = await api({ method: 'POST', url: CANCEL, payload: { ...payload, cancellationReason: 'Another reason' }, headers });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().fields).toEqual([expect.objectContaining({ field: 'headers.idempotency-key', rule: 'key_reused' })]);
  });

  it('should page and filter orders and rejected requests together', async () => {
    const all = await api({ url: `${BASE}?limit=1000` });
    const total = Number(all.headers['x-total-count']);
    expect(total).toBe((all.json() as unknown[]).length);
    const page = await api({ url: `${BASE}?offset=1&limit=2` });
    expect(page.headers['x-result-count']).toBe('2');
    expect(page.headers['x-total-count']).toBe(String(total));
    expect((page.json() as ProductOrder[]).map((o) => o.id)).toEqual((all.json() as ProductOrder[]).slice(1, 3).map((o) => o.id));
    const rejected = await api({ url: `${BASE}?state=rejected` });
    expect((rejected.json() as ProductOrder[]).every((o) => o.state === 'rejected')).toBe(true);
    expect((rejected.json() as unknown[]).length).toBeGreaterThanOrEqual(3);
    const acknowledged = await api({ url: `${BASE}?state=acknowledged&fields=state` });
    expect((acknowledged.json() as ProductOrder[]).every((o) => o.state === 'acknowledged')).toBe(true);
    expect((await api({ url: `${BASE}?state=sleeping` })).statusCode).toBe(400);
  });

  it('should create once per Idempotency-Key, and let a viewer key read but not order', async () => {
    const body = { relatedParty: customerParty(), productOrderItem: [lineItem('E1')] };
    const first = await post(body, { 'idempotency-key': 'order-e1-0001' });
    const second = await post(body, { 'idempotency-key': 'order-e1-0001' });
    expect(second).toEqual(first);
    expect(first.state).toBe('acknowledged');
    const reused = await api({ method: 'POST', url: BASE, payload: { ...body, externalId: 'other' }, headers: { 'idempotency-key': 'order-e1-0001' } });
    expect(reused.statusCode).toBe(422);

    expect((await api({ url: BASE, key: viewerKey })).statusCode).toBe(200);
    expect((await api({ method: 'POST', url: BASE, payload: body, key: viewerKey })).statusCode).toBe(403);
    expect((await api({ method: 'POST', url: CANCEL, payload: { productOrder: { id: first.id } }, key: viewerKey })).statusCode).toBe(403);
    expect((await api({ method: 'PATCH', url: `${BASE}/${first.id}`, payload: { description: 'x' }, key: viewerKey })).statusCode).toBe(403);
  });
});
