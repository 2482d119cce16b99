import { luhnCheckDigit, type TStockImportReport, type TStockItem, type TStockItemDetail, type TStockPage } from '@linedesk/domain';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { loadDemoCatalog } from '../../../test/wizard-fixture.js';
import { auditLog } from '../audit/audit.schema.js';
import { inventoryIdentifiers, inventoryItems } from './inventory.schema.js';

const imei = (tac: string, serial: number) => {
  const body = tac + String(serial).padStart(6, '0');
  return body + luhnCheckDigit(body);
};
const iccid = (serial: number) => {
  const body = `8901260${String(serial).padStart(11, '0')}`;
  return body + luhnCheckDigit(body);
};
const eid = (serial: number) => {
  const body = `890490320010${String(serial).padStart(18, '0')}`;
  return body + String(98n - (BigInt(`${body}00`) % 97n)).padStart(2, '0');
};
const withWrongCheckDigit = (value: string) => value.slice(0, -1) + String((Number(value.at(-1)) + 1) % 10);

describe('the Inventory API', () => {
  let t: TestApp;
  let stock: string;
  let admin: string;
  let agent: string;
  let viewer: string;
  const call = async <T = unknown>(session: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) => {
    const response = await t.request({ method, url, session, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: (response.body ? response.json() : null) as T };
  };
  const importCsv = (csv: string, fileName = 'delivery.csv') => call<TStockImportReport>(stock, 'POST', '/api/inventory/imports', { fileName, csv });
  const countRows = async () => {
    const [items] = await t.database.db.select({ n: count() }).from(inventoryItems);
    const [audits] = await t.database.db.select({ n: count() }).from(auditLog);
    return { items: items!.n, audits: audits!.n };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoCatalog(t);
    stock = await t.sessionFor(await t.createUser('inventory'));
    admin = await t.sessionFor(await t.createUser('admin'));
    agent = await t.sessionFor(await t.createUser('agent'));
    viewer = await t.sessionFor(await t.createUser('viewer'));
  });
  afterAll(async () => t.close());

  describe('receiving one item', () => {
    it('should store a dual-SIM device with both IMEIs normalised, its second in slot 2, received today', async () => {
      const first = imei('35209900', 100001);
      const second = imei('35209900', 100002);
      const response = await call<TStockItem>(stock, 'POST', '/api/inventory/items', {
        kind: 'DEVICE',
        carrierCode: 'nwm',
        identifiers: [`IMEI: ${first.slice(0, 2)} ${first.slice(2, 8)} ${first.slice(8, 14)} ${first.slice(14)}`, `IMEI 2: ${second}`],
        make: 'Aurora',
        model: 'Aurora X5 128 GB',
        location: 'Elm Street store',
        agentCode: 'summit-elm',
        costCents: 41900,
        purchaseOrder: 'PO-7',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        kind: 'DEVICE',
        status: 'AVAILABLE',
        carrierCode: 'NWM',
        agentCode: 'SUMMIT-ELM',
        modelSource: 'ITEM',
        receivedOn: new Date().toISOString().slice(0, 10),
        identifiers: [
          { kind: 'IMEI', slot: 1, label: 'IMEI', value: first },
          { kind: 'IMEI', slot: 2, label: 'IMEI 2', value: second },
        ],
      });
    });

    it('should refuse an identifier that is already in stock on any item, naming it', async () => {
      const sim = iccid(500);
      expect((await call(stock, 'POST', '/api/inventory/items', { kind: 'SIM', carrierCode: 'NWM', identifiers: [sim] })).status).toBe(201);
      const again = await call<{ code: string; fields: { field: string; rule: string; message: string }[] }>(stock, 'POST', '/api/inventory/items', {
        kind: 'SIM',
        carrierCode: 'BSW',
        identifiers: [sim],
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_EXISTS');
      expect(again.body.fields[0]).toMatchObject({ field: 'body.identifiers.0', rule: 'in_stock', message: expect.stringContaining('already in stock (Available, NWM)') });
      const rows = await t.database.db.select().from(inventoryIdentifiers).where(eq(inventoryIdentifiers.value, sim));
      expect(rows).toHaveLength(1);
    });

    it('should name every broken rule: check digit, kind, carrier and agent, and write nothing', async () => {
      const before = await countRows();
      const response = await call<{ fields: { field: string; rule: string }[] }>(stock, 'POST', '/api/inventory/items', {
        kind: 'SIM',
        carrierCode: 'NOPE',
        agentCode: 'GHOST',
        identifiers: [withWrongCheckDigit(iccid(501)), imei('35209900', 100003)],
      });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((f) => [f.field, f.rule])).toEqual([
        ['body.identifiers.0', 'iccid_check_digit'],
        ['body.identifiers.1', 'wrong_kind'],
        ['body.carrierCode', 'unknown_carrier'],
        ['body.agentCode', 'unknown_agent'],
      ]);
      expect(await countRows()).toEqual(before);
    });

    it('should let only stock keepers receive', async () => {
      const body = { kind: 'SIM', carrierCode: 'NWM', identifiers: [iccid(502)] };
      expect((await call(agent, 'POST', '/api/inventory/items', body)).status).toBe(403);
      expect((await call(viewer, 'POST', '/api/inventory/items', body)).status).toBe(403);
      expect((await call(admin, 'POST', '/api/inventory/items', body)).status).toBe(201);
    });
  });

  describe('importing a CSV file', () => {
    const header = 'kind,carrier,imei,imei2,meid,esn,iccid,eid,make,model,location,agent,cost,received,purchase_order';
    const devices = [imei('35460811', 200001), imei('35460811', 200002), imei('35460811', 200003)];
    const csv = [
      header,
      `Device,NWM,${devices[0]},,,,,,Northwind,Northwind Flip 4G,Riverside store,SUMMIT-RIV,39.00,2026-11-20,PO-100`,
      `Device,NWM,${devices[1]},${devices[2]},,,,,,,Riverside store,,"1,049.50",11/20/2026,PO-100`,
      `SIM,BSW,,,,,${iccid(600)},,Bluestar,4G LTE SIM,Riverside store,,1.50,,PO-101`,
      `eSIM,PCC,,,,,,${eid(700)},,,,,,,`,
      `Device,NWM,${withWrongCheckDigit(imei('35460811', 200004))},,,,,,,,,,,,`,
      `SIM,NWM,${imei('35460811', 200005)},,,,,,,,,,,,`,
      `Device,ZZZ,${imei('35460811', 200006)},,,,,,,,,NOBODY,12.345,2099-01-01,`,
      `Device,NWM,${devices[0]},,,,,,,,,,,,`,
      `SIM,BSW,,,,,${iccid(500)},,,,,,,,`,
    ].join('\r\n');

    it('should commit the valid rows and report every refused one with its line, column, rule and reason', async () => {
      const before = await countRows();
      const response = await importCsv(csv);
      expect(response.status).toBe(200);
      const report = response.body;
      expect(report).toMatchObject({ fileName: 'delivery.csv', rows: 9, accepted: 4, unchanged: 0, refused: 5, entriesOmitted: 0 });
      expect(report.entries.map((e) => [e.line, e.outcome])).toEqual([
        [2, 'ACCEPTED'],
        [3, 'ACCEPTED'],
        [4, 'ACCEPTED'],
        [5, 'ACCEPTED'],
        [6, 'REFUSED'],
        [7, 'REFUSED'],
        [8, 'REFUSED'],
        [9, 'REFUSED'],
        [10, 'REFUSED'],
      ]);
      const problems = (line: number) => report.entries.find((e) => e.line === line)!.problems.map((p) => [p.field, p.rule]);
      expect(problems(6)).toEqual([['imei', 'imei_check_digit']]);
      expect(problems(7)).toEqual([['imei', 'not_for_kind']]);
      expect(problems(8)).toEqual([
        ['cost', 'invalid_amount'],
        ['received', 'future_date'],
      ]);
      expect(problems(9)).toEqual([['imei', 'repeated_in_file']]);
      expect(report.entries.find((e) => e.line === 9)!.problems[0]!.message).toContain('also on line 2');
      expect(report.entries.find((e) => e.line === 10)!.problems).toEqual([{ field: 'carrier', rule: 'different_data', message: 'Already in stock for NWM, not BSW' }]);

      const after = await countRows();
      expect(after.items - before.items).toBe(4);
      // One audit row for the import, which each item it received names.
      expect(after.audits - before.audits).toBe(1);

      const dual = report.entries.find((e) => e.line === 3)!;
      const item = await call<TStockItemDetail>(viewer, 'GET', `/api/inventory/items/${dual.itemId}`);
      expect(item.body).toMatchObject({
        costCents: 104950,
        receivedOn: '2026-11-20',
        purchaseOrder: 'PO-100',
        identifiers: [
          { label: 'IMEI', value: devices[1] },
          { label: 'IMEI 2', value: devices[2] },
        ],
      });
      expect(item.body.history).toEqual([expect.objectContaining({ action: 'Received', summary: 'as Available; from delivery.csv' })]);
    });

    it('should change nothing when the same file is imported again, reporting the rows as already in stock', async () => {
      const before = await countRows();
      const snapshot = await t.database.db.select().from(inventoryItems);
      const report = (await importCsv(csv)).body;
      expect(report).toMatchObject({ rows: 9, accepted: 0, unchanged: 4, refused: 5 });
      expect(report.entries.filter((e) => e.outcome === 'UNCHANGED').map((e) => e.line)).toEqual([2, 3, 4, 5]);
      const after = await countRows();
      expect(after.items).toBe(before.items);
      expect(after.audits - before.audits).toBe(1);
      expect(await t.database.db.select().from(inventoryItems)).toEqual(snapshot);
    });

    it('should refuse, not overwrite, a row that describes an item in stock differently or joins identifiers of two items', async () => {
      const changed = [
        header,
        `Device,NWM,${devices[0]},,,,,,Northwind,Northwind Flip 4G,Elm Street store,SUMMIT-RIV,39.00,2026-11-20,PO-100`,
        `Device,NWM,${devices[1]},${imei('35209900', 100001)},,,,,,,,,,,`,
        `SIM,BSW,,,,,${iccid(600)},,,,,,,,`,
      ].join('\n');
      const report = (await importCsv(changed, 'changed.csv')).body;
      expect(report).toMatchObject({ accepted: 0, unchanged: 1, refused: 2 });
      const [location, joined] = report.entries.filter((e) => e.outcome === 'REFUSED');
      expect(location!.problems).toEqual([
        { field: 'location', rule: 'different_data', message: 'Already in stock with location "Riverside store", not "Elm Street store"; nothing was changed' },
      ]);
      expect(joined!.problems.map((p) => [p.field, p.rule])).toEqual([
        ['imei2', 'in_stock_elsewhere'],
      ]);
      const [stored] = await t.database.db.select().from(inventoryIdentifiers).where(eq(inventoryIdentifiers.value, devices[0]!));
      const [item] = await t.database.db.select().from(inventoryItems).where(eq(inventoryItems.id, stored!.itemId));
      expect(item!.location).toBe('Riverside store');
    });

    it('should take the file as text/csv too', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/inventory/imports?fileName=sims.csv',
        session: stock,
        headers: { 'content-type': 'text/csv' },
        payload: `Kind,Carrier Code,ICCID\nSIM,PCC,${iccid(801)}\n`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ fileName: 'sims.csv', accepted: 1, refused: 0 });
    });

    it('should refuse a file whose header it cannot read, and write nothing', async () => {
      const before = await countRows();
      const response = await importCsv(`kind,colour,iccid\nSIM,red,${iccid(802)}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'body.csv', rule: 'unknown_column' }, { field: 'body.csv', rule: 'missing_column' }] });
      expect((await importCsv('kind,carrier,iccid\n')).body).toMatchObject({ fields: [{ rule: 'no_rows' }] });
      expect((await importCsv('kind,carrier\n"SIM,NWM\n')).body).toMatchObject({ fields: [{ rule: 'csv_format' }] });
      expect(await countRows()).toEqual(before);
    });
  });

  describe('searching and filtering', () => {
    let target: TStockItem;
    beforeAll(async () => {
      target = (await call<TStockItem>(stock, 'POST', '/api/inventory/items', { kind: 'DEVICE', carrierCode: 'BSW', identifiers: ['AF 01 23 45 0A BC DE C'], location: 'Search shelf' })).body;
    });

    it('should find an item by a fragment of an identifier', async () => {
      const page = (await call<TStockPage>(viewer, 'GET', '/api/inventory/items?q=0abcd')).body;
      expect(page.rows.map((row) => row.id)).toEqual([target.id]);
      expect(page).toMatchObject({ total: 1, totalCapped: false });
      expect(page.rows[0]!.identifiers[0]).toMatchObject({ kind: 'MEID', value: 'AF0123450ABCDE' });
    });

    it('should find an item by the identifier as scanned, in another written form', async () => {
      // The same MEID in its 18-digit decimal form.
      const page = (await call<TStockPage>(agent, 'GET', `/api/inventory/items?q=${encodeURIComponent('29360 87365 0070 3710 0')}`)).body;
      expect(page.rows.map((row) => row.id)).toEqual([target.id]);
    });

    it('should filter by kind, status, carrier, location and purchase order, and page with a total', async () => {
      const sims = (await call<TStockPage>(viewer, 'GET', '/api/inventory/items?kind=SIM&status=AVAILABLE&limit=1')).body;
      expect(sims.rows).toHaveLength(1);
      expect(sims.total).toBeGreaterThan(1);
      expect(sims.rows[0]!.kind).toBe('SIM');
      const shelf = (await call<TStockPage>(viewer, 'GET', '/api/inventory/items?location=Search%20shelf&carrierCode=bsw')).body;
      expect(shelf.rows.map((row) => row.id)).toEqual([target.id]);
      const po = (await call<TStockPage>(viewer, 'GET', '/api/inventory/items?purchaseOrder=po-100')).body;
      expect(po.total).toBe(2);
    });

    it('should refuse a search too short or with letters no identifier has', async () => {
      const short = await call<{ fields: { field: string; rule: string }[] }>(viewer, 'GET', '/api/inventory/items?q=35');
      expect(short.status).toBe(400);
      expect(short.body.fields[0]).toMatchObject({ field: 'query.q', rule: 'too_short' });
      const letters = await call<{ fields: { rule: string }[] }>(viewer, 'GET', '/api/inventory/items?q=hello');
      expect(letters.body.fields[0]!.rule).toBe('invalid_characters');
    });
  });

  describe('status changes', () => {
    let item: TStockItem;
    beforeAll(async () => {
      item = (await call<TStockItem>(stock, 'POST', '/api/inventory/items', { kind: 'SIM', carrierCode: 'NWM', identifiers: [iccid(900)] })).body;
    });

    it('should show which changes a person may make, and why the others are closed', async () => {
      const detail = (await call<TStockItemDetail>(viewer, 'GET', `/api/inventory/items/${item.id}`)).body;
      expect(detail.statusActions).toEqual([
        { status: 'RESERVED', allowed: false, reason: expect.stringContaining('set by an order') },
        { status: 'DEFECTIVE', allowed: true, reason: null },
        { status: 'REMOVED', allowed: true, reason: null },
      ]);
    });

    it('should refuse Reserved and Active as a manual change, and a change the table does not allow', async () => {
      const reserved = await call<{ code: string; fields: { rule: string }[] }>(stock, 'POST', `/api/inventory/items/${item.id}/status`, { status: 'RESERVED', reason: 'trying' });
      expect(reserved.status).toBe(409);
      expect(reserved.body).toMatchObject({ code: 'INVALID_TRANSITION', fields: [{ field: 'body.status', rule: 'set_by_orders' }] });
      const returned = await call<{ fields: { rule: string }[] }>(stock, 'POST', `/api/inventory/items/${item.id}/status`, { status: 'RETURNED', reason: 'trying' });
      expect(returned.status).toBe(409);
      expect(returned.body.fields[0]!.rule).toBe('not_allowed');
    });

    it('should want a reason', async () => {
      const response = await call<{ fields: { field: string }[] }>(stock, 'POST', `/api/inventory/items/${item.id}/status`, { status: 'DEFECTIVE', reason: '' });
      expect(response.status).toBe(400);
      expect(response.body.fields[0]!.field).toBe('body.reason');
    });

    it('should mark an item Defective with its reason in the history, then Removed, and no further', async () => {
      const defective = await call<TStockItem>(stock, 'POST', `/api/inventory/items/${item.id}/status`, { status: 'DEFECTIVE', reason: 'Cracked SIM tray' });
      expect(defective.status).toBe(200);
      expect(defective.body.status).toBe('DEFECTIVE');
      const back = await call(stock, 'POST', `/api/inventory/items/${item.id}/status`, { status: 'AVAILABLE', reason: 'Fixed' });
      expect(back.status).toBe(409);
      expect((await call<TStockItem>(admin, 'POST', `/api/inventory/items/${item.id}/status`, { status: 'REMOVED', reason: 'Thrown away' })).body.status).toBe('REMOVED');
      const detail = (await call<TStockItemDetail>(viewer, 'GET', `/api/inventory/items/${item.id}`)).body;
      expect(detail.statusActions).toEqual([]);
      expect(detail.history.map((h) => [h.action, h.summary, h.reason])).toEqual([
        ['Status changed', 'Defective → Removed', 'Thrown away'],
        ['Status changed', 'Available → Defective', 'Cracked SIM tray'],
        ['Received', 'as Available', null],
      ]);
      expect((await call(agent, 'POST', `/api/inventory/items/${item.id}/status`, { status: 'REMOVED', reason: 'x' })).status).toBe(403);
    });
  });

  describe('editing an item', () => {
    it('should change only the fields sent, audited, and refuse an unknown agent', async () => {
      const item = (await call<TStockItem>(stock, 'POST', '/api/inventory/items', { kind: 'ESIM', carrierCode: 'NWM', identifiers: [eid(901)], location: 'Back room' })).body;
      const edited = await call<TStockItem>(stock, 'PATCH', `/api/inventory/items/${item.id}`, { location: 'Front counter', costCents: 250 });
      expect(edited.body).toMatchObject({ location: 'Front counter', costCents: 250, status: 'AVAILABLE' });
      const detail = (await call<TStockItemDetail>(viewer, 'GET', `/api/inventory/items/${item.id}`)).body;
      expect(detail.history[0]).toMatchObject({ action: 'Edited', summary: 'Location: Back room → Front counter; Cost: — → $2.50' });
      const agentRefused = await call<{ fields: { field: string; rule: string }[] }>(stock, 'PATCH', `/api/inventory/items/${item.id}`, { agentCode: 'GHOST' });
      expect(agentRefused.status).toBe(400);
      expect(agentRefused.body.fields[0]).toMatchObject({ field: 'body.agentCode', rule: 'unknown_agent' });
      expect((await call(stock, 'PATCH', '/api/inventory/items/00000000-0000-4000-8000-000000000000', { location: 'x' })).status).toBe(404);
    });
  });

  describe('the TAC table', () => {
    const tacImei = imei('86123406', 300001);

    it('should be kept by admins, with each change audited', async () => {
      const created = await call(admin, 'POST', '/api/inventory/tacs', { tac: '86123406', make: 'Pinecrest', model: 'Pinecrest Hotspot' });
      expect(created.status).toBe(201);
      expect((await call(admin, 'POST', '/api/inventory/tacs', { tac: '86123406', make: 'X', model: 'Y' })).status).toBe(409);
      expect((await call(stock, 'POST', '/api/inventory/tacs', { tac: '86123407', make: 'X', model: 'Y' })).status).toBe(403);
      const bad = await call<{ fields: { field: string }[] }>(admin, 'POST', '/api/inventory/tacs', { tac: '8612', make: '', model: 'Y' });
      expect(bad.body.fields.map((f) => f.field).sort()).toEqual(['body.make', 'body.tac']);
      const list = await call<{ tac: string }[]>(viewer, 'GET', '/api/inventory/tacs?q=pinecrest');
      expect(list.body.map((entry) => entry.tac)).toEqual(['86123406']);
    });

    it("should name a device without a make or model from its IMEI's TAC, while a device's own make and model win", async () => {
      const plain = (await call<TStockItem>(stock, 'POST', '/api/inventory/items', { kind: 'DEVICE', carrierCode: 'PCC', identifiers: [tacImei] })).body;
      expect(plain).toMatchObject({ make: 'Pinecrest', model: 'Pinecrest Hotspot', modelSource: 'TAC' });
      const own = (await call<TStockItem>(stock, 'POST', '/api/inventory/items', { kind: 'DEVICE', carrierCode: 'PCC', identifiers: [imei('86123406', 300002)], model: 'Refurbished hotspot' })).body;
      expect(own).toMatchObject({ make: null, model: 'Refurbished hotspot', modelSource: 'ITEM' });
      const byModel = (await call<TStockPage>(viewer, 'GET', '/api/inventory/items?model=pinecrest%20hot')).body;
      expect(byModel.rows.map((row) => row.id)).toEqual([plain.id]);

      expect((await call(admin, 'PUT', '/api/inventory/tacs/86123406', { tac: '86123406', make: 'Pinecrest', model: 'Pinecrest Hotspot 2' })).status).toBe(200);
      const renamed = (await call<TStockItemDetail>(viewer, 'GET', `/api/inventory/items/${plain.id}`)).body;
      expect(renamed.model).toBe('Pinecrest Hotspot 2');
    });

    it("should name a customer's own device (not in stock) in the identifier lookup", async () => {
      const lookup = await call<{ stock: unknown; device: unknown }>(agent, 'GET', `/api/inventory/lookup?value=${imei('86123406', 399999)}`);
      expect(lookup.body).toMatchObject({ stock: null, device: { make: 'Pinecrest', model: 'Pinecrest Hotspot 2', source: 'TAC' } });
      expect((await call(admin, 'DELETE', '/api/inventory/tacs/86123406')).status).toBe(204);
      expect((await call(admin, 'DELETE', '/api/inventory/tacs/86123406')).status).toBe(404);
      const after = await call<{ device: unknown }>(agent, 'GET', `/api/inventory/lookup?value=${imei('86123406', 399999)}`);
      expect(after.body.device).toBeNull();
    });
  });

  it('should offer the active carriers and agents and the locations in use', async () => {
    const choices = (await call<{ carriers: { code: string }[]; agents: { code: string }[]; locations: string[] }>(viewer, 'GET', '/api/inventory/choices')).body;
    expect(choices.carriers.map((c) => c.code)).toEqual(expect.arrayContaining(['NWM', 'BSW', 'PCC']));
    expect(choices.agents.map((a) => a.code)).toContain('SUMMIT-ELM');
    expect(choices.locations).toEqual([...choices.locations].sort());
    expect(choices.locations).toEqual(expect.arrayContaining(['Elm Street store', 'Riverside store', 'Search shelf']));
    expect(new Set(choices.locations).size).toBe(choices.locations.length);
  });
});
