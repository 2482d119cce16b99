import type { TOrderDetail, TOrderHistoryEntry, TOrderQueuePage, TWizardDraft } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStock, aDevice, aSim, createWizardOrder, newIccid, newImei } from '../../test/order-fixture.js';
import { createTestApp, type TestApp, type TestUser } from '../../test/test-app.js';
import { loadDemoCatalog, NEW_LINE, PORT_LINE } from '../../test/wizard-fixture.js';

describe('the order page, its History and the Orders queue', () => {
  let t: TestApp;
  let agent: TestUser;
  let session: string;
  let viewerSession: string;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'error' });
    await loadDemoCatalog(t);
    agent = await t.createUser('agent', { name: 'Alex Agent' });
    session = await t.sessionFor(agent);
    viewerSession = await t.sessionFor(await t.createUser('viewer', { name: 'Vera Viewer' }));
  });
  afterAll(async () => t.close());

  const get = async <T>(url: string, as = session): Promise<T> => {
    const response = await t.request({ method: 'GET', url, session: as });
    expect(response.statusCode, `${url} ${response.body}`).toBe(200);
    return response.json();
  };
  const send = async (method: 'POST' | 'DELETE', url: string, payload?: object) => {
    const response = await t.request({ method, url, session, ...(payload ? { payload } : {}) });
    expect(response.statusCode, `${url} ${response.body}`).toBe(200);
    return response.json();
  };

  it('should show the order as Create Order made it: header, lines, products, charges and the stock scanned in the wizard', async () => {
    const [imei, sim] = [newImei(), newIccid()];
    const [simId, deviceId] = await addStock(t, [aSim(sim), aDevice(imei)]);
    const created = await createWizardOrder(t, session, agent.id, [{ ...NEW_LINE, identifiers: [imei, sim] }, PORT_LINE]);
    const draft = await get<TWizardDraft>(`/api/wizard/drafts/${created.draftId}`);
    const page = await get<TOrderDetail>(`/api/orders/${created.orderId}`, viewerSession);

    expect(page).toMatchObject({
      id: created.orderId,
      orderNumber: created.orderNumber,
      orderType: 'CONVERSION',
      status: 'PENDING',
      carrierCode: 'NWM',
      carrierName: 'Northwind Mobile',
      customer: { id: created.customerId, accountNumber: created.accountNumber, displayName: `${draft.names!.firstName} ${draft.names!.lastName}` },
      createdBy: 'Alex Agent',
      fulfillment: 'PICKUP',
      sendAutomatically: false,
      notes: 'Customer waiting in store',
      depositCents: 0,
      requestedDueDate: null,
      monthlyCents: draft.lines[0]!.charges.monthlyCents + draft.lines[1]!.charges.monthlyCents,
      oneTimeCents: draft.lines[0]!.charges.oneTimeCents + draft.lines[1]!.charges.oneTimeCents,
      send: { allowed: false, reason: 'Line 2 needs a device (IMEI) and a SIM (ICCID)' },
      cancel: { allowed: true, reason: null },
    });
    expect(Date.parse(page.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(page.lines).toHaveLength(2);
    const [line1, line2] = page.lines;
    expect(line1).toMatchObject({
      position: 0,
      status: 'PENDING',
      orderType: 'NEW',
      lineTypeCode: 'SMARTPHONE',
      lineTypeName: 'Smartphone',
      packageCode: 'NWM-UNL-ESS',
      packageName: draft.lines[0]!.package.name,
      userName: 'Dana',
      number: null,
      isPortIn: false,
      deviceSource: 'STOCK',
      monthlyCents: draft.lines[0]!.charges.monthlyCents,
      oneTimeCents: draft.lines[0]!.charges.oneTimeCents,
      missing: [],
    });
    expect(line1!.products).toEqual(
      draft.lines[0]!.products.map((p) => ({
        productCode: p.productCode,
        name: p.name,
        kind: p.kind,
        quantity: p.quantity,
        monthlyCents: p.monthlyCents,
        oneTimeCents: p.oneTimeCents,
        inclusion: p.inclusion,
        isPriceOverridden: p.isPriceOverridden,
      })),
    );
    expect(line1!.items).toEqual([
      { itemId: deviceId, itemKind: 'DEVICE', identifierKind: 'IMEI', value: imei, display: expect.stringMatching(/^\d{2} \d{6} \d{6} \d$/), make: 'Aurora', model: 'Aurora X5 128 GB' },
      { itemId: simId, itemKind: 'SIM', identifierKind: 'ICCID', value: sim, display: expect.stringMatching(/^8901 /), make: 'Northwind', model: 'Nano SIM (4FF)' },
    ]);
    expect(line2).toMatchObject({ position: 1, orderType: 'CONVERSION', userName: 'Sam', number: created.portInNumber, isPortIn: true, deviceSource: 'BYOD', items: [], missing: [['IMEI'], ['ICCID']] });

    const missing = await t.request({ method: 'GET', url: '/api/orders/00000000-0000-4000-8000-000000000000', session });
    expect(missing.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/orders/not-an-id', session })).json().fields[0]).toMatchObject({ field: 'params.orderId' });
  });

  it("should list every change of the order, its lines and their stock in History, newest first, with who and when", async () => {
    const [imei, sim, simLater] = [newImei(), newIccid(), newIccid()];
    const [simId, , simLaterId] = await addStock(t, [aSim(sim), aDevice(imei), aSim(simLater)]);
    const created = await createWizardOrder(t, session, agent.id, [{ ...NEW_LINE, identifiers: [imei, sim] }, PORT_LINE]);
    const scanned = await send('POST', `/api/orders/${created.orderId}/inventory`, { text: simLater });
    expect(scanned.entries[0]).toMatchObject({ outcome: 'ASSIGNED', linePosition: 2 });
    await send('DELETE', `/api/orders/${created.orderId}/inventory/${simLaterId}`);
    await send('POST', `/api/orders/${created.orderId}/cancel`, { reason: 'Customer went elsewhere' });

    const history = await get<TOrderHistoryEntry[]>(`/api/orders/${created.orderId}/history`, viewerSession);
    const rows = history.map((h) => [h.subject, h.action, h.summary]);
    expect(history.every((h) => h.actor === 'Alex Agent')).toBe(true);
    expect(history.map((h) => Number(h.id))).toEqual([...history.map((h) => Number(h.id))].sort((a, b) => b - a));
    expect(rows[0]).toEqual([`Order ${created.orderNumber}`, 'Cancelled', 'Status Pending → Cancelled. Reason: Customer went elsewhere']);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Line 1', 'Cancelled', expect.stringContaining(`Status Pending → Cancelled; SIM (ICCID) ${sim} removed; Device (IMEI) ${imei} removed`)],
        [`SIM ${sim}`, 'Returned to stock', `Status Reserved → Available. Reason: Order ${created.orderNumber} cancelled: Customer went elsewhere`],
        [`SIM ${simLater}`, 'Returned to stock', 'Status Reserved → Available. Reason: Unassigned from line 2'],
        ['Line 2', 'Inventory unassigned', `SIM (ICCID) ${simLater} removed`],
        ['Line 2', 'Inventory assigned', `SIM (ICCID) ${simLater} assigned`],
        [`SIM ${simLater}`, 'Reserved', 'Status Available → Reserved, on line 2'],
        [`SIM ${sim}`, 'Reserved', 'Status Available → Reserved, on line 1'],
        ['Line 1', 'Created', expect.stringMatching(/^Smartphone line on .+, status Pending$/)],
        [`Order ${created.orderNumber}`, 'Created', 'Conversion order created with 2 lines, status Pending'],
      ]),
    );
    expect(history.at(-1)!.subject).toBe(`Order ${created.orderNumber}`);
    expect(simId).toBeTruthy();
  });

  describe('the Orders queue', () => {
    let older: Awaited<ReturnType<typeof createWizardOrder>>;
    let ready: Awaited<ReturnType<typeof createWizardOrder>>;
    let cancelled: Awaited<ReturnType<typeof createWizardOrder>>;
    const readyIds = { sim: '', own: '' };

    beforeAll(async () => {
      older = await createWizardOrder(t, session, agent.id);
      ready = await createWizardOrder(t, session, agent.id);
      cancelled = await createWizardOrder(t, session, agent.id);
      const [imei, sim1, sim2, own] = [newImei(), newIccid(), newIccid(), newImei('35332011')];
      await addStock(t, [aDevice(imei), aSim(sim1), aSim(sim2)]);
      const scan = await send('POST', `/api/orders/${ready.orderId}/inventory`, { text: [imei, sim1, sim2, own].join('\n') });
      expect(scan.order.status).toBe('READY');
      Object.assign(readyIds, { sim: sim1, own });
      await send('POST', `/api/orders/${cancelled.orderId}/cancel`, { reason: 'Duplicate order' });
      await t.database.db.execute(sql`update orders set created_at = now() - interval '2 days' where id = ${older.orderId}`);
      await t.database.db.execute(sql`update lines set mdn = '4065550777' where order_id = ${older.orderId} and position = 0`);
    });

    const queue = (query: string) => get<TOrderQueuePage>(`/api/orders?${query}`, viewerSession);
    const numbers = (page: TOrderQueuePage) => page.rows.map((r) => r.orderNumber);

    it('should filter by status, carrier and age, newest first', async () => {
      const all = await queue('limit=200');
      expect(numbers(all)).toEqual(expect.arrayContaining([older.orderNumber, ready.orderNumber, cancelled.orderNumber]));
      expect(all.rows.map((r) => r.createdAt)).toEqual([...all.rows.map((r) => r.createdAt)].sort().reverse());
      expect(all.rows.find((r) => r.id === ready.orderId)).toMatchObject({
        orderType: 'CONVERSION',
        status: 'READY',
        carrierCode: 'NWM',
        carrierName: 'Northwind Mobile',
        accountNumber: ready.accountNumber,
        lineCount: 2,
        createdBy: 'Alex Agent',
        matchedOn: null,
      });

      const readyOnly = await queue('status=READY');
      expect(numbers(readyOnly)).toContain(ready.orderNumber);
      expect(readyOnly.rows.every((r) => r.status === 'READY')).toBe(true);
      const cancelledOnly = numbers(await queue('status=CANCELLED'));
      expect(cancelledOnly).toContain(cancelled.orderNumber);
      expect(cancelledOnly).not.toContain(ready.orderNumber);
      expect(await queue('carrierCode=BSW')).toEqual({ rows: [], total: 0 });
      expect((await queue('carrierCode=NWM')).total).toBe(all.total);
      expect(numbers(await queue('olderThan=1D'))).toEqual([older.orderNumber]);

      const firstPage = await queue('limit=1');
      const secondPage = await queue('limit=1&offset=1');
      expect(firstPage.rows).toHaveLength(1);
      expect(firstPage.total).toBe(all.total);
      expect(secondPage.rows[0]!.id).toBe(all.rows[1]!.id);
    });

    it('should find an order by order number, account number, MDN, ported number or any identifier on it', async () => {
      const match = async (q: string) => (await queue(`q=${encodeURIComponent(q)}`)).rows.map((r) => [r.orderNumber, r.matchedOn]);
      expect(await match(ready.orderNumber.toLowerCase())).toEqual([[ready.orderNumber, 'Order number']]);
      expect(await match(ready.orderNumber.slice(-4))).toContainEqual([ready.orderNumber, 'Order number']);
      expect(await match(older.accountNumber)).toEqual([[older.orderNumber, 'Account number']]);
      expect(await match('(406) 555-0777')).toEqual([[older.orderNumber, 'MDN']]);
      const ported = `(${older.portInNumber!.slice(0, 3)}) ${older.portInNumber!.slice(3, 6)}-${older.portInNumber!.slice(6)}`;
      expect(await match(ported)).toEqual([[older.orderNumber, 'Port-in number']]);
      const sim = readyIds.sim;
      expect(await match(`${sim.slice(0, 4)} ${sim.slice(4, 8)} ${sim.slice(8, 12)} ${sim.slice(12, 16)} ${sim.slice(16)}`)).toEqual([[ready.orderNumber, `ICCID ${sim.match(/.{1,4}/g)!.join(' ')}`]]);
      expect(await match(readyIds.own)).toEqual([[ready.orderNumber, expect.stringMatching(/^IMEI /)]]);
      expect(await match('nothing-like-it')).toEqual([]);
      expect(await match(`${ready.orderNumber} AND 1=1`)).toEqual([]);
      expect(numbers(await queue(`q=${ready.orderNumber}&status=PENDING`))).toEqual([]);

      const tooShort = await t.request({ method: 'GET', url: '/api/orders?q=a', session });
      expect(tooShort.statusCode).toBe(400);
      expect(tooShort.json().fields[0]).toMatchObject({ field: 'query.q' });
    });
  });
});
