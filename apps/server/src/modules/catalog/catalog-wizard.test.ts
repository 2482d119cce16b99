import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFixture } from '../../../test/catalog-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../audit/record-audit.js';
import { importCatalog } from './use-cases/import-catalog.js';

describe('the catalog as the wizard reads it', () => {
  let t: TestApp;
  let session: string;

  beforeAll(async () => {
    t = await createTestApp();
    await importCatalog({ db: t.database.db, audit: SYSTEM_ACTOR, secrets: t.secrets, document: catalogFixture() });
    session = await t.sessionFor(await t.createUser('agent'));
  });
  afterAll(async () => t.close());

  const get = async (url: string) => {
    const response = await t.request({ method: 'GET', url, session });
    return { status: response.statusCode, body: response.json() };
  };

  it('should list active carriers with only the order types the wizard sells', async () => {
    const { body } = await get('/api/catalog/wizard/carriers');
    expect(body.map((c: { code: string; orderTypes: string[] }) => [c.code, c.orderTypes])).toEqual([
      ['GSM', ['NEW', 'CONVERSION']],
      ['HAND', ['NEW']],
    ]);
    expect(body[0]).toMatchObject({ populatesProducts: true, defaultBillProfileCode: 'RES', identifierRequirements: [{ lineTypeCode: 'PHONE' }] });
  });

  it('should offer only line types that have a package for the carrier and order type, with their properties', async () => {
    const onNew = await get('/api/catalog/wizard/line-types?carrierCode=GSM&orderType=NEW');
    expect(onNew.body.map((l: { code: string }) => l.code)).toEqual(['PHONE', 'TAB']);
    expect(onNew.body[0].properties[0]).toMatchObject({ key: 'userName', label: 'Line user name', required: true });
    const onConversion = await get('/api/catalog/wizard/line-types?carrierCode=GSM&orderType=CONVERSION');
    expect(onConversion.body.map((l: { code: string }) => l.code)).toEqual(['PHONE']);
  });

  it('should offer only packages sold for the carrier, line type and order type', async () => {
    const tablets = await get('/api/catalog/wizard/packages?carrierCode=GSM&lineTypeCode=TAB&orderType=NEW');
    expect(tablets.body.map((p: { code: string }) => p.code)).toEqual(['TABDATA']);
    const ports = await get('/api/catalog/wizard/packages?carrierCode=GSM&orderType=CONVERSION');
    expect(ports.body.map((p: { code: string }) => p.code)).toEqual(['UNL']);
    const other = await get('/api/catalog/wizard/packages?carrierCode=HAND&lineTypeCode=PHONE&orderType=NEW');
    expect(other.body.map((p: { code: string }) => p.code)).toEqual(['HBASIC']);
  });

  it('should apply the order-type restriction and price a New line in cents', async () => {
    const { body } = await get('/api/catalog/wizard/offer?carrierCode=GSM&packageCode=UNL&orderType=NEW');
    expect(body.products.map((p: { productCode: string; monthlyCents: number; oneTimeCents: number }) => [p.productCode, p.monthlyCents, p.oneTimeCents])).toEqual([
      ['PLAN', 0, 0],
      ['VM', 500, 0],
      ['ACT', 0, 1000],
      ['SIM', 0, 1500],
    ]);
    expect(body.availableProducts.map((p: { productCode: string }) => p.productCode)).toEqual(['INS']);
    // 30.00 package + 0.00 plan + 2 x 2.50 voicemail; 25.00 activation + 10.00 new-line fee + 15.00 SIM.
    expect(body.totals).toEqual({ monthlyCents: 3500, oneTimeCents: 5000 });
    expect(body.ldRates).toMatchObject({ planCode: 'LD1', domesticPerMinuteMillicents: 0 });
    expect(body.ldRates.internationalRates).toHaveLength(2);
  });

  it('should swap the New-only fee for the Conversion-only credit on a port-in', async () => {
    const { body } = await get('/api/catalog/wizard/offer?carrierCode=GSM&packageCode=UNL&orderType=CONVERSION');
    expect(body.products.map((p: { productCode: string }) => p.productCode)).toEqual(['PLAN', 'VM', 'PORT', 'SIM']);
    expect(body.totals).toEqual({ monthlyCents: 3000, oneTimeCents: 4000 });
  });

  it('should leave Products and Long Distance Rates empty for a carrier that does not populate them', async () => {
    const { body } = await get('/api/catalog/wizard/offer?carrierCode=HAND&packageCode=HBASIC&orderType=NEW');
    expect(body.populatesProducts).toBe(false);
    expect(body.products).toEqual([]);
    expect(body.ldRates).toBeNull();
    expect(body.availableProducts.map((p: { productCode: string; monthlyCents: number }) => [p.productCode, p.monthlyCents])).toEqual([['HPLAN', 3000]]);
    expect(body.totals).toEqual({ monthlyCents: 1000, oneTimeCents: 0 });
  });

  it('should answer 404 for a package not sold on that order type, and 400 naming a bad query', async () => {
    const notSold = await get('/api/catalog/wizard/offer?carrierCode=GSM&packageCode=TABDATA&orderType=CONVERSION');
    expect(notSold.status).toBe(404);
    const bad = await get('/api/catalog/wizard/packages?carrierCode=GSM&orderType=MOVE');
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('query.orderType');
  });

  it('should answer the next wizard read with a catalog change made through the API', async () => {
    const admin = await t.sessionFor(await t.createUser('admin'));
    const before = (await get('/api/catalog/wizard/offer?carrierCode=GSM&packageCode=UNL&orderType=NEW')).body;
    expect(before.products.find((p: { productCode: string }) => p.productCode === 'VM').monthlyCents).toBe(500);

    const products = await t.request({ method: 'GET', url: '/api/catalog/products?carrierCode=GSM&search=VM', session: admin });
    const voicemail = products.json().find((p: { code: string }) => p.code === 'VM');
    const { id, createdAt: _c, updatedAt: _u, ...input } = voicemail;
    const edit = await t.request({ method: 'PUT', url: `/api/catalog/products/${id}`, session: admin, payload: { ...input, monthlyCents: 999 } });
    expect(edit.statusCode).toBe(200);

    const after = (await get('/api/catalog/wizard/offer?carrierCode=GSM&packageCode=UNL&orderType=NEW')).body;
    expect(after.products.find((p: { productCode: string }) => p.productCode === 'VM').monthlyCents).toBe(1998);
    expect(after.totals.monthlyCents).toBe(3000 + 1998);
  });
});
