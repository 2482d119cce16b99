import type { TOrderDetail, TOrderScanResult } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStock, aDevice, aSim, createOrderTestApp, createWizardOrder, newEid, newIccid, newImei } from '../../test/order-fixture.js';
import type { TestApp, TestUser } from '../../test/test-app.js';
import { NEW_LINE } from '../../test/wizard-fixture.js';
import { selectRows } from '../db/client.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { reserveStockItem } from '../modules/inventory/use-cases/reserve-stock-item.js';

describe("the order's Inventory tab: scan, unassign, no double assignment, Cancel", () => {
  let t: TestApp;
  let agent: TestUser;
  let agentSession: string;
  let viewerSession: string;

  beforeAll(async () => {
    ({ t, agent, agentSession, viewerSession } = await createOrderTestApp());
  });
  afterAll(async () => t.close());

  const newOrder = () => createWizardOrder(t, agentSession, agent.id);
  const scan = (orderId: string, text: string, lineId?: string, session = agentSession) =>
    t.request({ method: 'POST', url: `/api/orders/${orderId}/inventory`, session, payload: { text, ...(lineId ? { lineId } : {}) } });
  const scanOk = async (orderId: string, text: string, lineId?: string): Promise<TOrderScanResult> => {
    const response = await scan(orderId, text, lineId);
    expect(response.statusCode, response.body).toBe(200);
    const result: TOrderScanResult = response.json();
    // The scan answers with the order page as it now is: exactly what reading the page again gives.
    expect(result.order).toEqual(await order(orderId));
    return result;
  };
  const order = async (orderId: string): Promise<TOrderDetail> => (await t.request({ method: 'GET', url: `/api/orders/${orderId}`, session: agentSession })).json();
  const itemRow = async (id: string) =>
    (await selectRows<{ status: string; line_id: string | null; order_id: string | null }>(t.database.db, sql`select status, line_id, order_id from inventory_items where id = ${id}`))[0]!;

  it('should put a SIM on the next line that needs one and a stock device on the stock line, then make the order Ready', async () => {
    const { orderId } = await newOrder();
    const before = await order(orderId);
    expect(before.status).toBe('PENDING');
    expect(before.lines.map((l) => l.missing)).toEqual([[['IMEI'], ['ICCID']], [['IMEI'], ['ICCID']]]);
    expect(before.send).toEqual({ allowed: false, reason: 'Line 1 needs a device (IMEI) and a SIM (ICCID); Line 2 needs a device (IMEI) and a SIM (ICCID)' });

    const [simA, simB] = [newIccid(), newIccid()];
    const stockImei = newImei();
    const [simAId, , deviceId] = await addStock(t, [aSim(simA), aSim(simB), aDevice(stockImei)]);

    const first = await scanOk(orderId, simA);
    expect(first.entries).toEqual([
      expect.objectContaining({ input: simA, outcome: 'ASSIGNED', identifierKind: 'ICCID', linePosition: 1, lineId: before.lines[0]!.id, make: 'Northwind', model: 'Nano SIM (4FF)' }),
    ]);
    expect(first.entries[0]!.message).toBe('Assigned to line 1: Northwind Nano SIM (4FF)');
    expect(await itemRow(simAId!)).toEqual({ status: 'RESERVED', line_id: before.lines[0]!.id, order_id: orderId });

    // The device from stock skips nothing: line 1 is the stock line; the second SIM goes to line 2.
    const second = await scanOk(orderId, `IMEI: ${stockImei.slice(0, 2)} ${stockImei.slice(2, 8)} ${stockImei.slice(8, 14)} ${stockImei.slice(14)}\n${simB}`);
    expect(second.entries.map((e) => [e.outcome, e.identifierKind, e.linePosition])).toEqual([
      ['ASSIGNED', 'IMEI', 1],
      ['ASSIGNED', 'ICCID', 2],
    ]);
    expect(second.entries[0]).toMatchObject({ make: 'Aurora', model: 'Aurora X5 128 GB' });
    expect(second.order.status).toBe('PENDING');
    expect(second.order.send.reason).toBe('Line 2 needs a device (IMEI)');

    // The customer's own device is not in stock: it is recorded on the line that brings its own.
    const own = newImei('35332011');
    const third = await scanOk(orderId, own);
    expect(third.entries[0]).toMatchObject({ outcome: 'ASSIGNED', linePosition: 2, message: "Recorded on line 2 as the customer's own device" });
    expect(third.order.status).toBe('READY');
    expect(third.order.lines.map((l) => l.missing)).toEqual([[], []]);
    expect(third.order.lines[1]!.items).toEqual([
      expect.objectContaining({ itemKind: 'SIM', identifierKind: 'ICCID', value: simB, itemId: expect.any(String) }),
      expect.objectContaining({ itemKind: 'DEVICE', identifierKind: 'IMEI', value: own, itemId: null, make: null }),
    ]);
    expect(third.order.lines[0]!.items.map((i) => i.itemId)).toEqual([simAId, deviceId]);
    // Northwind Mobile is connected through the carrier gateway: a Ready order can be sent.
    expect(third.order.send).toEqual({ allowed: true, reason: null });

    // The account page reads the same identifiers.
    const account = (await t.request({ method: 'GET', url: `/api/customers/${before.customer.id}`, session: agentSession })).json();
    expect(account.orders[0]).toMatchObject({ orderNumber: before.orderNumber, status: 'READY' });
    const lines = await selectRows<{ identifiers: { value: string }[] }>(t.database.db, sql`select identifiers from lines where order_id = ${orderId} order by position`);
    expect(lines.map((l) => l.identifiers.map((i) => i.value))).toEqual([[simA, stockImei], [simB, own]]);
  });

  it('should go back to Pending when an item is unassigned, and put the item back to Available', async () => {
    const { orderId } = await newOrder();
    const [sim1, sim2, imei1, own] = [newIccid(), newIccid(), newImei(), newImei('35332011')];
    const [sim1Id, sim2Id] = await addStock(t, [aSim(sim1), aSim(sim2), aDevice(imei1)]);
    const done = await scanOk(orderId, [sim1, sim2, imei1, own].join('\n'));
    expect(done.entries.map((e) => e.outcome)).toEqual(['ASSIGNED', 'ASSIGNED', 'ASSIGNED', 'ASSIGNED']);
    expect(done.order.status).toBe('READY');

    const unassigned = await t.request({ method: 'DELETE', url: `/api/orders/${orderId}/inventory/${sim2Id}`, session: agentSession });
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    const after: TOrderDetail = unassigned.json();
    expect(after.status).toBe('PENDING');
    expect(after.send.reason).toBe('Line 2 needs a SIM (ICCID)');
    expect(after.lines[1]!.items.map((i) => i.value)).toEqual([own]);
    expect(await itemRow(sim2Id!)).toEqual({ status: 'AVAILABLE', line_id: null, order_id: null });
    expect(await itemRow(sim1Id!)).toMatchObject({ status: 'RESERVED' });

    // The customer's own device has no stock item: it is removed by its line and value.
    const line2 = after.lines[1]!;
    const removed = await t.request({ method: 'DELETE', url: `/api/orders/${orderId}/lines/${line2.id}/identifiers/${own}`, session: agentSession });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as TOrderDetail).lines[1]!.items).toEqual([]);

    // Unassigning it again: it is no longer on the order.
    const again = await t.request({ method: 'DELETE', url: `/api/orders/${orderId}/inventory/${sim2Id}`, session: agentSession });
    expect(again.statusCode).toBe(404);

    // Scanned back on, it goes to line 2 again, which needs it.
    const back = await scanOk(orderId, sim2);
    expect(back.entries[0]).toMatchObject({ outcome: 'ASSIGNED', linePosition: 2 });
  });

  it('should put an identifier on the line the agent picks', async () => {
    const { orderId } = await newOrder();
    const page = await order(orderId);
    const sim = newIccid();
    await addStock(t, [aSim(sim)]);
    const picked = await scanOk(orderId, sim, page.lines[1]!.id);
    expect(picked.entries[0]).toMatchObject({ outcome: 'ASSIGNED', lineId: page.lines[1]!.id, linePosition: 2 });
    expect(picked.order.lines[0]!.missing).toEqual([['IMEI'], ['ICCID']]);

    // A second SIM on the picked line is refused: it has one.
    const another = newIccid();
    await addStock(t, [aSim(another)]);
    const full = await scanOk(orderId, another, page.lines[1]!.id);
    expect(full.entries[0]).toMatchObject({ outcome: 'REFUSED', rule: 'line_has_kind', message: `Line 2 already has a SIM (ICCID ${picked.entries[0]!.display}); unassign it first` });

    // A stock device does not go on the line where the customer brings their own.
    const imei = newImei();
    await addStock(t, [aDevice(imei)]);
    const ownLine = await scanOk(orderId, imei, page.lines[1]!.id);
    expect(ownLine.entries[0]).toMatchObject({ outcome: 'REFUSED', rule: 'customer_device_line' });

    const notOnOrder = await scan(orderId, sim, '00000000-0000-4000-8000-000000000000');
    expect(notOnOrder.statusCode).toBe(400);
    expect(notOnOrder.json().fields[0]).toMatchObject({ field: 'body.lineId', rule: 'on_order' });
  });

  it('should refuse what cannot go on the order, each with the rule it broke', async () => {
    const { orderId } = await newOrder();
    const other = await newOrder();
    const [bswSim, takenSim, unknownSim] = [newIccid(), newIccid(), newIccid()];
    await addStock(t, [{ ...aSim(bswSim), carrierCode: 'BSW' }, aSim(takenSim)]);
    await scanOk(other.orderId, takenSim);
    const removedImei = newImei();
    const [removedId] = await addStock(t, [aDevice(removedImei)]);
    await t.database.db.execute(sql`update inventory_items set status = 'DEFECTIVE' where id = ${removedId}`);

    const outcome = async (text: string, lineId?: string) => (await scanOk(orderId, text, lineId)).entries[0]!;
    expect(await outcome(unknownSim)).toMatchObject({ outcome: 'REFUSED', rule: 'not_in_stock', identifierKind: 'ICCID' });
    expect((await outcome(unknownSim)).message).toContain('is not in stock');
    expect(await outcome(bswSim)).toMatchObject({ outcome: 'REFUSED', rule: 'other_carrier', message: expect.stringContaining('stock of carrier BSW, not of Northwind Mobile') });
    expect(await outcome(takenSim)).toMatchObject({ outcome: 'REFUSED', rule: 'not_available', message: expect.stringContaining(`reserved on order ${other.orderNumber}, line 1`) });
    expect(await outcome(removedImei)).toMatchObject({ outcome: 'REFUSED', rule: 'not_available', message: expect.stringContaining('is Defective, not Available') });
    expect(await outcome('352099001761482')).toMatchObject({ outcome: 'REFUSED', rule: 'imei_check_digit', identifierKind: null, message: expect.stringContaining('check digit') });
    expect(await outcome('89012600000770010')).toMatchObject({ outcome: 'REFUSED', rule: 'iccid_length' });
    expect(await outcome('hello')).toMatchObject({ outcome: 'REFUSED', rule: 'invalid_characters' });
    const nothing = await scan(orderId, ', ;');
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().fields[0]).toMatchObject({ field: 'body.text', rule: 'empty' });

    // An eSIM's EID: no Northwind smartphone line takes one.
    const eid = newEid();
    expect(await outcome(eid)).toMatchObject({ outcome: 'REFUSED', rule: 'wrong_kind', identifierKind: 'EID', message: expect.stringContaining('no line on this order takes an eSIM (EID)') });
    const page = await order(orderId);
    expect(await outcome(eid, page.lines[0]!.id)).toMatchObject({
      outcome: 'REFUSED',
      rule: 'wrong_kind',
      message: expect.stringContaining('line 1 (Smartphone) takes a device (IMEI) and a SIM (ICCID), not an eSIM (EID)'),
    });

    // Nothing was written: the order is as it was.
    expect((await order(orderId)).lines.flatMap((l) => l.items)).toEqual([]);
    const audits = await selectRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity_id = ${orderId} and action <> 'create'`);
    expect(audits[0]!.n).toBe(0);
  });

  it("should take a box's barcodes at once: the IMEI, its second IMEI, the EID and the product code", async () => {
    const { orderId } = await newOrder();
    const [imei1, imei2, sim] = [newImei(), newImei(), newIccid()];
    await addStock(t, [{ ...aDevice(imei1), identifiers: [imei1, imei2] }, aSim(sim)]);
    const box = await scanOk(orderId, [`IMEI 1: ${imei1}`, `IMEI 2: ${imei2}`, `EID ${newEid()}`, '012345678905', sim, sim].join('\n'));
    expect(box.entries.map((e) => [e.outcome, e.rule])).toEqual([
      ['ASSIGNED', null],
      ['DUPLICATE', 'same_item'],
      ['IGNORED', 'not_needed'],
      ['IGNORED', 'product_code'],
      ['ASSIGNED', null],
      ['DUPLICATE', 'scanned_twice'],
    ]);
    expect(box.entries[1]!.message).toContain('belongs to the Aurora Aurora X5 128 GB already on line 1');
    expect(box.order.lines[0]!.items.map((i) => i.value)).toEqual([imei1, sim]);

    // The same scan again changes nothing: every identifier is already on the order.
    const again = await scanOk(orderId, `${imei1}\n${sim}`);
    expect(again.entries.map((e) => [e.outcome, e.rule, e.linePosition])).toEqual([
      ['DUPLICATE', 'already_on_order', 1],
      ['DUPLICATE', 'already_on_order', 1],
    ]);
  });

  it('should let one of two agents scanning the same SIM onto two orders at once have it, and tell the other why not', async () => {
    for (let round = 0; round < 4; round += 1) {
      const [a, b] = await Promise.all([newOrder(), newOrder()]);
      const sim = newIccid();
      const [simId] = await addStock(t, [aSim(sim)]);
      const responses = await Promise.all([scan(a.orderId, sim), scan(b.orderId, sim)]);
      const assigned = responses.filter((r) => r.statusCode === 200 && r.json().entries[0].outcome === 'ASSIGNED');
      const refused = responses.filter((r) => !assigned.includes(r));
      expect(assigned, responses.map((r) => r.body).join('\n')).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const loser = refused[0]!;
      if (loser.statusCode === 409) {
        expect(loser.json()).toMatchObject({ code: 'CONFLICT', reason: expect.stringContaining(`ICCID ${sim.slice(0, 4)}`) });
      } else {
        expect(loser.statusCode).toBe(200);
        expect(loser.json().entries[0]).toMatchObject({ outcome: 'REFUSED', rule: 'not_available' });
      }
      const holders = await selectRows<{ order_id: string }>(t.database.db, sql`select order_id from lines where identifiers @> ${JSON.stringify([{ value: sim }])}::jsonb`);
      const item = await itemRow(simId!);
      expect(holders).toHaveLength(1);
      expect(item).toMatchObject({ status: 'RESERVED', order_id: holders[0]!.order_id });
    }
  });

  it('should reserve an item for one line only when two transactions race for it', async () => {
    const [a, b] = await Promise.all([newOrder(), newOrder()]);
    const [lineA, lineB] = [(await order(a.orderId)).lines[0]!.id, (await order(b.orderId)).lines[0]!.id];
    const [simId] = await addStock(t, [aSim()]);
    const reserve = (orderId: string, lineId: string) =>
      t.database.db.transaction((tx) => reserveStockItem(tx, SYSTEM_ACTOR, { itemId: simId!, lineId, orderId, label: 'SIM 8901 2600' }));
    const results = await Promise.allSettled([reserve(a.orderId, lineA), reserve(b.orderId, lineB)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', reason: expect.stringContaining('SIM 8901 2600') });
    expect(await itemRow(simId!)).toMatchObject({ status: 'RESERVED', line_id: results[0]!.status === 'fulfilled' ? lineA : lineB });
  });

  it('should keep two items of one kind off one line in the database itself', async () => {
    const { orderId } = await newOrder();
    const page = await order(orderId);
    const [one, two] = await addStock(t, [aSim(), aSim()]);
    const line = page.lines[0]!.id;
    await t.database.db.execute(sql`update inventory_items set status = 'RESERVED', line_id = ${line}, order_id = ${orderId} where id = ${one}`);
    await expect(t.database.db.execute(sql`update inventory_items set status = 'RESERVED', line_id = ${line}, order_id = ${orderId} where id = ${two}`)).rejects.toThrow();
  });

  it('should cancel an order before it is sent: items back to Available, lines and order cancelled, audited with the reason', async () => {
    const [sim, imei] = [newIccid(), newImei()];
    const [simId, deviceId] = await addStock(t, [aSim(sim), aDevice(imei)]);
    // Scanned in the wizard, reserved at Create Order.
    const { orderId, orderNumber } = await createWizardOrder(t, agentSession, agent.id, [{ ...NEW_LINE, identifiers: [imei, sim] }]);
    const before = await order(orderId);
    expect(before).toMatchObject({ status: 'READY', cancel: { allowed: true, reason: null } });
    expect(await itemRow(simId!)).toMatchObject({ status: 'RESERVED', order_id: orderId });

    const viewer = await t.request({ method: 'POST', url: `/api/orders/${orderId}/cancel`, session: viewerSession, payload: { reason: 'Customer changed their mind' } });
    expect(viewer.statusCode).toBe(403);
    expect((await scan(orderId, sim, undefined, viewerSession)).statusCode).toBe(403);
    const noReason = await t.request({ method: 'POST', url: `/api/orders/${orderId}/cancel`, session: agentSession, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0]).toMatchObject({ field: 'body.reason' });

    const cancelled = await t.request({ method: 'POST', url: `/api/orders/${orderId}/cancel`, session: agentSession, payload: { reason: 'Customer changed their mind' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const page: TOrderDetail = cancelled.json();
    expect(page).toMatchObject({ status: 'CANCELLED', cancel: { allowed: false, reason: 'The order is already cancelled' }, send: { allowed: false, reason: 'The order is cancelled' } });
    expect(page.lines.map((l) => [l.status, l.items])).toEqual([['CANCELLED', []]]);
    expect(await itemRow(simId!)).toEqual({ status: 'AVAILABLE', line_id: null, order_id: null });
    expect(await itemRow(deviceId!)).toEqual({ status: 'AVAILABLE', line_id: null, order_id: null });

    const audit = await selectRows<{ entity_type: string; action: string; changes: Record<string, { from: unknown; to: unknown }> }>(
      t.database.db,
      sql`select entity_type, action, changes from audit_log where action in ('cancel', 'release') and (entity_id = ${orderId} or entity_id in (${simId}, ${deviceId}) or entity_id = ${page.lines[0]!.id}) order by id`,
    );
    expect(audit.map((a) => `${a.entity_type}.${a.action}`).sort()).toEqual(['inventory_item.release', 'inventory_item.release', 'line.cancel', 'order.cancel']);
    expect(audit.find((a) => a.entity_type === 'order')!.changes).toEqual({ status: { from: 'READY', to: 'CANCELLED' }, reason: { from: null, to: 'Customer changed their mind' } });
    expect(audit.find((a) => a.entity_type === 'inventory_item')!.changes.reason!.to).toBe(`Order ${orderNumber} cancelled: Customer changed their mind`);

    const twice = await t.request({ method: 'POST', url: `/api/orders/${orderId}/cancel`, session: agentSession, payload: { reason: 'Again' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'The order is already cancelled' });
    const scanCancelled = await scan(orderId, sim);
    expect(scanCancelled.statusCode).toBe(422);
    expect(scanCancelled.json().reason).toBe('The order is cancelled, so its inventory cannot change');

    // The SIM is free for another order.
    const { orderId: nextOrder } = await newOrder();
    expect((await scanOk(nextOrder, sim)).entries[0]).toMatchObject({ outcome: 'ASSIGNED' });
  });
});
