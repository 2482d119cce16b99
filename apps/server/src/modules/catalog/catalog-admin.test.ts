import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditLog } from '../audit/audit.schema.js';
import { createSecretBox } from '../../security/secret-box.js';
import { carriers } from './catalog.schema.js';

describe('admins keep the catalog', () => {
  let t: TestApp;
  let session: string;

  beforeAll(async () => {
    t = await createTestApp();
    session = await t.sessionFor(await t.createUser('admin'));
  });
  afterAll(async () => t.close());

  const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) =>
    t.request({ method, url, session, payload: payload as Record<string, unknown> | undefined });

  const carrierInput = {
    code: 'acme',
    name: 'Acme Wireless',
    orderTypes: ['NEW', 'CONVERSION'],
    provisioning: { adapter: 'carrier-gateway', endpoint: 'https://gw.acme.example/v1', accountId: 'D-1', credential: 'sk_live_abcdefgh1234', webhookSecret: 'whsec_0123456789' },
  };

  it('should create a carrier with its code upper-cased and its secrets sealed at rest and masked', async () => {
    const response = await send('POST', '/api/catalog/carriers', carrierInput);
    expect(response.statusCode).toBe(201);
    const carrier = response.json();
    expect(carrier).toMatchObject({ code: 'ACME', populatesProducts: true, numberAssignment: 'AREA_CODE', isActive: true });
    expect(carrier.provisioning.credential).toEqual({ isSet: true, hint: '…1234' });
    expect(JSON.stringify(carrier)).not.toContain('sk_live');

    const [row] = await t.database.db.select().from(carriers).where(eq(carriers.id, carrier.id));
    expect(row?.provisioningCredentialSealed).toMatch(/^v1:/);
    expect(row?.provisioningCredentialSealed).not.toContain('sk_live');
    expect(t.secrets.open(row?.provisioningCredentialSealed ?? '')).toBe('sk_live_abcdefgh1234');

    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, carrier.id), eq(auditLog.action, 'create')));
    expect(JSON.stringify(entry?.changes)).not.toContain('sk_live');
    expect(entry?.changes.provisioningCredential).toEqual({ from: null, to: '[redacted]' });
  });

  it('should keep stored secrets when an update leaves them out, and clear them on null', async () => {
    const [carrier] = (await send('GET', '/api/catalog/carriers?search=acme')).json();
    const { credential: _c, webhookSecret: _w, ...provisioning } = carrierInput.provisioning;
    const kept = await send('PUT', `/api/catalog/carriers/${carrier.id}`, { ...carrierInput, name: 'Acme Wireless Co', provisioning });
    expect(kept.json().provisioning.credential.isSet).toBe(true);
    const cleared = await send('PUT', `/api/catalog/carriers/${carrier.id}`, { ...carrierInput, provisioning: { ...provisioning, credential: null } });
    expect(cleared.json().provisioning.credential).toEqual({ isSet: false, hint: null });
    expect(cleared.json().provisioning.webhookSecret.isSet).toBe(true);
  });

  it('should still list a carrier whose secret was sealed under another key, as set without a hint', async () => {
    const [carrier] = (await send('GET', '/api/catalog/carriers?search=acme')).json();
    const foreign = createSecretBox(Buffer.alloc(32, 99)).seal('sealed-elsewhere-1234');
    await t.database.db.update(carriers).set({ webhookSecretSealed: foreign }).where(eq(carriers.id, carrier.id));
    const response = await send('GET', `/api/catalog/carriers/${carrier.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().provisioning.webhookSecret).toEqual({ isSet: true, hint: null });
  });

  it('should refuse text the database cannot store with a 400, not a 500', async () => {
    const response = await send('POST', '/api/catalog/bill-profiles', { code: 'NUL', name: 'Bad\u0000name' });
    expect(response.statusCode).toBe(400);
    expect((await send('GET', '/api/catalog/products?search=a%00')).statusCode).toBe(400);
  });

  it('should refuse a second record with the same code, naming the field', async () => {
    const response = await send('POST', '/api/catalog/carriers', { ...carrierInput, code: 'ACME' });
    expect(response.statusCode).toBe(409);
    expect(response.json().fields[0]).toMatchObject({ field: 'body.code', rule: 'unique' });
  });

  it('should never let a code change once created', async () => {
    const [carrier] = (await send('GET', '/api/catalog/carriers?search=acme')).json();
    const response = await send('PUT', `/api/catalog/carriers/${carrier.id}`, { ...carrierInput, code: 'ACME2' });
    expect(response.statusCode).toBe(422);
    expect(response.json().fields[0]).toMatchObject({ field: 'body.code', rule: 'immutable' });
  });

  it('should name every invalid field of a carrier', async () => {
    const response = await send('POST', '/api/catalog/carriers', {
      code: 'bad code!',
      name: '',
      orderTypes: [],
      provisioning: { adapter: 'carrier-gateway', endpoint: null },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.code', 'body.name', 'body.orderTypes']));
  });

  it('should build a package from products of its own carrier, and refuse another carrier\'s product', async () => {
    expect((await send('POST', '/api/catalog/line-types', { code: 'PHONE', name: 'Smartphone' })).statusCode).toBe(201);
    expect((await send('POST', '/api/catalog/products', { carrierCode: 'ACME', code: 'A1', name: 'Plan', kind: 'plan', monthlyCents: 3000 })).statusCode).toBe(201);
    expect((await send('POST', '/api/catalog/carriers', { code: 'OTHER', name: 'Other', orderTypes: ['NEW'] })).statusCode).toBe(201);
    expect((await send('POST', '/api/catalog/products', { carrierCode: 'OTHER', code: 'O1', name: 'Other plan', kind: 'plan' })).statusCode).toBe(201);

    const wrong = await send('POST', '/api/catalog/packages', {
      carrierCode: 'ACME',
      code: 'P1',
      name: 'Package',
      lineTypeCodes: ['PHONE'],
      orderTypes: ['NEW'],
      products: [{ productCode: 'A1' }, { productCode: 'O1' }],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().fields[0]).toMatchObject({ field: 'body.products.1.productCode', rule: 'exists' });

    const right = await send('POST', '/api/catalog/packages', {
      carrierCode: 'ACME',
      code: 'P1',
      name: 'Package',
      lineTypeCodes: ['PHONE'],
      orderTypes: ['NEW'],
      monthlyCents: 2500,
      products: [{ productCode: 'A1', monthlyOverrideCents: 0 }],
    });
    expect(right.statusCode).toBe(201);
    expect(right.json()).toMatchObject({ carrierCode: 'ACME', code: 'P1', lineTypeCodes: ['PHONE'], products: [{ productCode: 'A1', quantity: 1, inclusion: 'required', orderType: 'ALL' }] });
  });

  it('should refuse a save made from a stale copy when the editor says which version it started from', async () => {
    const [carrier] = (await send('GET', '/api/catalog/carriers?search=acme')).json();
    const { credential: _c, webhookSecret: _w, ...provisioning } = carrierInput.provisioning;
    const input = { ...carrierInput, provisioning };
    const first = await t.request({ method: 'PUT', url: `/api/catalog/carriers/${carrier.id}`, session, payload: { ...input, name: 'First' }, headers: { 'if-match': carrier.updatedAt } });
    expect(first.statusCode).toBe(200);
    const stale = await t.request({ method: 'PUT', url: `/api/catalog/carriers/${carrier.id}`, session, payload: { ...input, name: 'Second' }, headers: { 'if-match': carrier.updatedAt } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect((await send('GET', `/api/catalog/carriers/${carrier.id}`)).json().name).toBe('First');
  });

  it('should refuse a negative price on anything but a discount', async () => {
    const response = await send('POST', '/api/catalog/products', { carrierCode: 'ACME', code: 'NEG', name: 'Oops', kind: 'fee', monthlyCents: -100 });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('body.monthlyCents');
    const oneTime = await send('POST', '/api/catalog/products', { carrierCode: 'ACME', code: 'NEG', name: 'Oops', kind: 'fee', oneTimeCents: -5 });
    expect(oneTime.json().fields[0].field).toBe('body.oneTimeCents');
  });

  it('should deactivate instead of deleting, and stop offering what is inactive', async () => {
    const [pkg] = (await send('GET', '/api/catalog/packages?carrierCode=ACME')).json();
    const agent = await t.sessionFor(await t.createUser('agent'));
    const offered = () => t.request({ method: 'GET', url: '/api/catalog/wizard/packages?carrierCode=ACME&orderType=NEW', session: agent });
    expect((await offered()).json().map((p: { code: string }) => p.code)).toEqual(['P1']);

    const { id, createdAt: _c, updatedAt: _u, ...input } = pkg;
    expect((await send('PUT', `/api/catalog/packages/${id}`, { ...input, isActive: false })).json().isActive).toBe(false);
    expect((await offered()).json()).toEqual([]);
    expect((await send('GET', '/api/catalog/packages?status=inactive')).json().map((p: { code: string }) => p.code)).toEqual(['P1']);
    expect((await send('GET', `/api/catalog/packages/${id}`)).statusCode).toBe(200);
  });

  it('should keep an agent hierarchy free of cycles', async () => {
    expect((await send('POST', '/api/catalog/agents', { code: 'MASTER', name: 'Master dealer' })).statusCode).toBe(201);
    const store = await send('POST', '/api/catalog/agents', { code: 'STORE', name: 'Store', parentCode: 'MASTER' });
    expect(store.json().parentCode).toBe('MASTER');
    const [master] = (await send('GET', '/api/catalog/agents?search=master')).json();
    const cycle = await send('PUT', `/api/catalog/agents/${master.id}`, { code: 'MASTER', name: 'Master dealer', parentCode: 'STORE' });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().fields[0]).toMatchObject({ field: 'body.parentCode', rule: 'no_cycle' });
  });

  it('should list sales people by user and refuse unknown users', async () => {
    const seller = await t.createUser('agent');
    const ok = await send('POST', '/api/catalog/agents', { code: 'KIOSK', name: 'Kiosk', salesPersonUserIds: [seller.id] });
    expect(ok.json().salesPersonUserIds).toEqual([seller.id]);
    const unknown = await send('POST', '/api/catalog/agents', { code: 'KIOSK2', name: 'Kiosk 2', salesPersonUserIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields[0].field).toBe('body.salesPersonUserIds.0');
  });
});
