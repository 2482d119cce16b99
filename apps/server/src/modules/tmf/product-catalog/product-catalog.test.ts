import { ZCatalogDocument, type TCatalogDocument } from '@linedesk/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { createTmfApiKey, tmfCall } from '../../../../test/tmf-fixture.js';
import { expectToMatchTmfSpec } from '../../../../test/tmf-spec.js';
import { loadDemoCatalog } from '../../../../test/wizard-fixture.js';
import { DEMO_CATALOG } from '../../catalog/demo-catalog.js';

const SPEC = 'TMF620-ProductCatalog-v4.1.0.swagger.json';
const BASE = '/tmf-api/productCatalogManagement/v4';
const HREF_BASE = `http://linedesk.test${BASE}`;

type Ref = { id: string; href: string; name: string; '@referredType'?: string };
type Json = Record<string, unknown> & { id: string; href: string; name: string };
type Offering = Json & {
  productOrderCategory?: string[];
  isBundle: boolean;
  isSellable: boolean;
  lifecycleStatus: string;
  lastUpdate: string;
  category: Ref[];
  productOfferingPrice: Ref[];
  productSpecification?: Ref;
  bundledProductOffering: (Ref & { lifecycleStatus: string; inclusion: string; orderType: string; bundledProductOfferingOption: Record<string, number> })[];
  prodSpecCharValueUse: { name: string; description: string; productSpecification?: Ref; productSpecCharacteristicValue?: { value: unknown }[] }[];
};
type Price = Json & {
  priceType: string;
  price: { unit: string; value: number };
  recurringChargePeriodType?: string;
  unitOfMeasure?: { amount: number; units: string };
  lifecycleStatus: string;
  popRelationship?: Ref[];
};
type Characteristic = {
  name: string;
  valueType: string;
  minCardinality: number;
  configurable: boolean;
  regex?: string;
  productSpecCharacteristicValue?: { value?: unknown; valueFrom?: number; valueTo?: number; isDefault?: boolean }[];
};
type Specification = Json & { productNumber: string; brand?: string; productSpecCharacteristic: Characteristic[] };
type Category = Json & { isRoot: boolean; parentId?: string; subCategory: Ref[]; productOffering: Ref[] };

describe('TMF620 product catalog', () => {
  let t: TestApp;
  let viewerKey: string;
  let adminSession: string;
  const demo: TCatalogDocument = ZCatalogDocument.parse(DEMO_CATALOG);

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoCatalog(t);
    viewerKey = await createTmfApiKey(t, 'Catalog reader', 'viewer');
    adminSession = await t.sessionFor(await t.createUser('admin'));
  });
  afterAll(async () => t.close());

  /** A call as an integrator makes it: the key in the Authorization header, no cookie, no Origin. */
  const call = (url: string, key: string | null = viewerKey): Promise<LightMyRequestResponse> => tmfCall(t, { url, key });
  async function list<T>(resource: string, query = ''): Promise<T[]> {
    const response = await call(`${BASE}/${resource}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T[];
  }
  async function one<T>(resource: string, id: string): Promise<T> {
    const response = await call(`${BASE}/${resource}/${encodeURIComponent(id)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  }
  /** A package's offering, by carrier and package code (package names repeat across carriers). */
  const packageOffering = async (carrierCode: string, code: string) => {
    const record = demo.packages.find((p) => p.carrierCode === carrierCode && p.code === code);
    const carrier = demo.carriers.find((c) => c.code === carrierCode);
    if (!record || !carrier) throw new Error(`the demo catalog has no package ${carrierCode}/${code}`);
    const named = await list<Offering>('productOffering', `?name=${encodeURIComponent(record.name)}&isBundle=true`);
    const found = named.filter((o) => o.category[0]?.name === carrier.name);
    expect(found).toHaveLength(1);
    return found[0] as Offering;
  };
  const dollars = (cents: number) => ({ unit: 'USD', value: cents / 100 });

  it('should answer every resource of every kind in the shape the specification defines, listed and one by one', async () => {
    const kinds = [
      ['productOffering', 'ProductOffering'],
      ['productOfferingPrice', 'ProductOfferingPrice'],
      ['productSpecification', 'ProductSpecification'],
      ['catalog', 'Catalog'],
      ['category', 'Category'],
    ] as const;
    for (const [resource, definition] of kinds) {
      const all = await list<Json>(resource, '?limit=1000');
      expect(all.length, resource).toBeGreaterThan(0);
      for (const item of all) {
        expectToMatchTmfSpec(SPEC, definition, item);
        expect(item['@type']).toBe(definition);
        expect(item.href).toBe(`${HREF_BASE}/${resource}/${encodeURIComponent(item.id)}`);
      }
      // One by one, each says the same as in the list.
      for (const item of [all[0], all[all.length - 1]] as Json[]) {
        const single = await one<Json>(resource, item.id);
        expectToMatchTmfSpec(SPEC, definition, single);
        expect(single).toEqual(item);
      }
    }
  });

  it('should offer each package as a bundle of its products, with its prices as the catalog record has them', async () => {
    const record = demo.packages.find((p) => p.code === 'NWM-UNL-ESS');
    if (!record) throw new Error('the demo catalog changed');
    const offering = await packageOffering('NWM', 'NWM-UNL-ESS');
    expect(offering).toMatchObject({ isBundle: true, isSellable: true, lifecycleStatus: 'Active', description: record.description });
    // The productOrder categories it may be ordered with: what both the package and Northwind Mobile sell.
    expect(offering.productOrderCategory).toEqual(['NEW', 'CONVERSION']);
    expect((await packageOffering('NWM', 'NWM-TAB-10')).productOrderCategory).toEqual(['NEW']);

    const productNamed = (code: string) => demo.products.find((p) => p.carrierCode === 'NWM' && p.code === code)?.name;
    expect(offering.bundledProductOffering.map((b) => [b.name, b.inclusion, b.orderType])).toEqual(
      record.products.map((p) => [productNamed(p.productCode), p.inclusion, p.orderType]),
    );
    // Each bundled offering is the product's own offering, sold only inside packages.
    const plan = offering.bundledProductOffering[0] as Offering['bundledProductOffering'][number];
    expect(plan.bundledProductOfferingOption).toEqual({ numberRelOfferDefault: 1, numberRelOfferLowerLimit: 1, numberRelOfferUpperLimit: 99 });
    const byDefault = offering.bundledProductOffering.find((b) => b.inclusion === 'default');
    expect(byDefault?.bundledProductOfferingOption).toEqual({ numberRelOfferDefault: 1, numberRelOfferLowerLimit: 0, numberRelOfferUpperLimit: 99 });
    const optional = offering.bundledProductOffering.find((b) => b.inclusion === 'optional');
    expect(optional?.bundledProductOfferingOption).toEqual({ numberRelOfferDefault: 0, numberRelOfferLowerLimit: 0, numberRelOfferUpperLimit: 99 });
    const planOffering = await one<Offering>('productOffering', plan.id);
    expect(planOffering).toMatchObject({ name: 'Unlimited Essentials 5G', isBundle: false, isSellable: false, bundledProductOffering: [] });

    const prices = await Promise.all(offering.productOfferingPrice.map((ref) => one<Price>('productOfferingPrice', ref.id)));
    const byId = new Map(prices.map((p) => [p.id, p]));
    expect(byId.get(`${offering.id}-monthly`)).toMatchObject({ priceType: 'recurring', recurringChargePeriodType: 'month', price: dollars(record.monthlyCents) });
    expect(byId.get(`${offering.id}-activation`)).toMatchObject({ priceType: 'oneTime', price: dollars(record.activationFeeCents) });
    // The package's own price for its plan replaces the plan's catalog price ($50.00 → $0.00).
    const override = byId.get(`${offering.id}-${plan.id}-all-monthly`);
    expect(override).toMatchObject({ priceType: 'recurring', price: dollars(0), popRelationship: [{ id: `${plan.id}-monthly`, relationshipType: 'replaces' }] });
    expect((await one<Price>('productOfferingPrice', `${plan.id}-monthly`)).price).toEqual(dollars(5000));
    // Its long-distance plan's rates are usage prices per minute.
    const ldPlan = demo.ldRatePlans.find((p) => p.code === record.ldRatePlanCode);
    const usage = prices.filter((p) => p.priceType === 'usage');
    expect(usage.map((p) => p.price.value).sort()).toEqual(
      [ldPlan?.domesticPerMinuteMillicents ?? -1, ...(ldPlan?.internationalRates ?? []).map((r) => r.perMinuteMillicents)].map((m) => m / 100_000).sort(),
    );
    expect(usage.find((p) => p.name.endsWith('Mexico'))).toMatchObject({ price: { unit: 'USD', value: 0.029 }, unitOfMeasure: { amount: 1, units: 'minute' } });
    // Only the monthly price, the activation fee, the overridden product prices and the rates.
    const overrides = record.products.filter((p) => p.monthlyOverrideCents !== null).length;
    expect(prices).toHaveLength(2 + overrides + usage.length);
  });

  it('should put nothing on the line by itself for a carrier that does not fill Products and Long Distance Rates', async () => {
    const record = demo.packages.find((p) => p.code === 'PCC-UNL');
    const offering = await packageOffering('PCC', 'PCC-UNL');
    expect(record?.ldRatePlanCode).not.toBeNull();
    expect(offering.bundledProductOffering).toHaveLength(record?.products.length ?? -1);
    expect(offering.bundledProductOffering.every((b) => b.bundledProductOfferingOption.numberRelOfferDefault === 0)).toBe(true);
    expect(offering.bundledProductOffering.every((b) => b.bundledProductOfferingOption.numberRelOfferLowerLimit === 0)).toBe(true);
    const prices = await Promise.all(offering.productOfferingPrice.map((ref) => one<Price>('productOfferingPrice', ref.id)));
    expect(prices.map((p) => p.priceType)).not.toContain('usage');
  });

  it('should show a retired package and a retired product in it as retired and no longer offered', async () => {
    const offering = await packageOffering('NWM', 'NWM-UNL-2023');
    expect(offering.lifecycleStatus).toBe('Retired');
    const retiredPlan = offering.bundledProductOffering.find((b) => b.name === 'Unlimited Classic (2023)');
    expect(retiredPlan).toMatchObject({
      lifecycleStatus: 'Retired',
      bundledProductOfferingOption: { numberRelOfferDefault: 0, numberRelOfferLowerLimit: 0, numberRelOfferUpperLimit: 0 },
    });
    expect((await one<Offering>('productOffering', retiredPlan?.id ?? '')).lifecycleStatus).toBe('Retired');
  });

  it('should list every long-distance rate as a usage price per minute', async () => {
    const usage = await list<Price>('productOfferingPrice', '?priceType=usage&limit=1000');
    const expected = demo.ldRatePlans.reduce((sum, plan) => sum + 1 + plan.internationalRates.length, 0);
    expect(usage).toHaveLength(expected);
    expect(usage.every((p) => p.unitOfMeasure?.units === 'minute' && p.recurringChargePeriodType === undefined)).toBe(true);
    const canada = usage.filter((p) => p.name === 'World Calling: Canada');
    expect(canada.map((p) => p.price)).toEqual([{ unit: 'USD', value: 0.0125 }]);
  });

  it("should describe a line type's characteristics the way a productOrder item gives them", async () => {
    const [watch] = await list<Specification>('productSpecification', '?productNumber=WEARABLE');
    if (!watch) throw new Error('no specification of the WEARABLE line type');
    const named = (name: string) => watch.productSpecCharacteristic.find((c) => c.name === name);
    expect(named('lineType')).toMatchObject({ minCardinality: 1, productSpecCharacteristicValue: [{ value: 'WEARABLE', isDefault: true }] });
    expect(named('userName')).toMatchObject({ valueType: 'string', minCardinality: 1 });
    expect(named('pairedNumber')).toMatchObject({ valueType: 'string', minCardinality: 1 });
    expect(named('areaCode')).toMatchObject({ minCardinality: 0, regex: '^[2-9][0-8]\\d$' });
    expect(named('portInPin')).toMatchObject({ minCardinality: 0, configurable: true });
    expect(named('mdn')).toMatchObject({ configurable: false });

    const [iot] = await list<Specification>('productSpecification', '?productNumber=IOT');
    expect(iot?.productSpecCharacteristic.find((c) => c.name === 'dataCapMb')).toMatchObject({
      valueType: 'number',
      minCardinality: 1,
      productSpecCharacteristicValue: [{ valueFrom: 1, valueTo: 10240 }],
    });
    // A yes/no property may be left out (it means no).
    const [phone] = await list<Specification>('productSpecification', '?productNumber=SMARTPHONE');
    expect(phone?.productSpecCharacteristic.find((c) => c.name === 'deviceProtection')).toMatchObject({ valueType: 'boolean', minCardinality: 0 });

    // A product's specification names its SOC code and carrier.
    const [soc] = await list<Specification>('productSpecification', '?productNumber=NWMVVM');
    expect(soc).toMatchObject({ name: 'Visual Voicemail', brand: 'Northwind Mobile', productSpecCharacteristic: [] });
  });

  it('should point a package at its line types and say which number request and devices its carrier needs', async () => {
    const watch = await packageOffering('NWM', 'NWM-WATCH');
    const [spec] = await list<Specification>('productSpecification', '?productNumber=WEARABLE');
    expect(watch.productSpecification).toMatchObject({ id: spec?.id, '@referredType': 'ProductSpecification' });
    const lineTypeUse = watch.prodSpecCharValueUse.find((u) => u.name === 'lineType');
    expect(lineTypeUse).toMatchObject({ productSpecification: { id: spec?.id }, productSpecCharacteristicValue: [{ value: 'WEARABLE' }] });
    expect(lineTypeUse?.description).toContain('Device (IMEI) and eSIM (EID)');
    expect(watch.prodSpecCharValueUse.map((u) => u.name)).toContain('areaCode');
    const bluestar = await packageOffering('BSW', 'BSW-UNL');
    expect(bluestar.prodSpecCharValueUse.find((u) => u.name === 'numberZip')?.description).toContain('Bluestar Wireless assigns new numbers by ZIP code');
    expect(bluestar.prodSpecCharValueUse.find((u) => u.name === 'lineType')?.description).toContain('CDMA device (MEID) or CDMA device (ESN)');
  });

  it('should keep one catalog per carrier, with a category per carrier and a sub-category for its packages and each kind of product', async () => {
    const catalogs = await list<Json & { category: Ref[] }>('catalog');
    expect(catalogs.map((c) => c.name)).toEqual(demo.carriers.map((c) => c.name));
    const northwind = catalogs[0] as Json & { category: Ref[] };
    const root = await one<Category>('category', (northwind.category[0] as Ref).id);
    expect(root).toMatchObject({ isRoot: true, name: 'Northwind Mobile', productOffering: [] });
    const subs = await Promise.all(root.subCategory.map((ref) => one<Category>('category', ref.id)));
    expect(subs.every((c) => c.parentId === root.id && !c.isRoot)).toBe(true);
    const packages = subs.find((c) => c.id === `${root.id}-packages`) as Category;
    expect(packages.productOffering.map((o) => o.name)).toEqual(demo.packages.filter((p) => p.carrierCode === 'NWM').map((p) => p.name));
    // Filtering offerings by category gives the same offerings.
    const inCategory = await list<Offering>('productOffering', `?category.id=${packages.id}`);
    expect(inCategory.map((o) => o.id)).toEqual(packages.productOffering.map((o) => o.id));
    const plans = subs.find((c) => c.id === `${root.id}-plan`) as Category;
    expect(plans.productOffering.map((o) => o.name).sort()).toEqual(
      demo.products.filter((p) => p.carrierCode === 'NWM' && p.kind === 'plan').map((p) => p.name).sort(),
    );
    expect((await list<Category>('category', '?isRoot=true')).map((c) => c.name)).toEqual(demo.carriers.map((c) => c.name));
  });

  it('should page with offset and limit and say how many match in all', async () => {
    const all = await list<Offering>('productOffering', '?limit=1000');
    expect(all).toHaveLength(demo.packages.length + demo.products.length);
    const response = await call(`${BASE}/productOffering?offset=3&limit=4`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-total-count']).toBe(String(all.length));
    expect(response.headers['x-result-count']).toBe('4');
    expect(response.json()).toEqual(all.slice(3, 7));
    const last = await call(`${BASE}/productOffering?offset=${all.length - 1}&limit=10`);
    expect([last.headers['x-total-count'], last.headers['x-result-count']]).toEqual([String(all.length), '1']);
    const past = await call(`${BASE}/productOffering?offset=${all.length}`);
    expect(past.json()).toEqual([]);
    expect(past.headers['x-result-count']).toBe('0');
  });

  it('should filter by attribute equality and refuse unknown filters and bad values naming the parameter', async () => {
    const bundles = await list<Offering>('productOffering', '?isBundle=true&limit=1000');
    expect(bundles).toHaveLength(demo.packages.length);
    const retired = await list<Offering>('productOffering', '?lifecycleStatus=Retired');
    expect(retired.map((o) => o.name).sort()).toEqual([...demo.packages, ...demo.products].filter((r) => !r.isActive).map((r) => r.name).sort());
    expect(retired.length).toBeGreaterThan(0);
    const [first] = bundles;
    expect((await list<Offering>('productOffering', `?id=${first?.id}`)).map((o) => o.id)).toEqual([first?.id]);
    const byName = await list<Offering>('productOffering', '?name=Visual%20Voicemail');
    expect(byName.map((o) => o.category[0]?.name).sort()).toEqual(['Bluestar Wireless', 'Northwind Mobile']);

    const unknown = await call(`${BASE}/productOffering?colour=blue`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED', fields: [{ field: 'query.colour', rule: 'unknown_filter' }] });
    const badFlag = await call(`${BASE}/productOffering?isBundle=yes`);
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().fields).toEqual([expect.objectContaining({ field: 'query.isBundle', rule: 'option' })]);
    const badLimit = await call(`${BASE}/productOfferingPrice?limit=0`);
    expect(badLimit.json().fields).toEqual([expect.objectContaining({ field: 'query.limit' })]);
  });

  it('should keep only the fields asked for, with what identifies each resource', async () => {
    const projected = await list<Json>('productOffering', '?fields=name,lifecycleStatus&limit=2');
    expect(projected).toHaveLength(2);
    for (const item of projected) expect(Object.keys(item).sort()).toEqual(['@type', 'href', 'id', 'lifecycleStatus', 'name']);
    const price = await call(`${BASE}/productOfferingPrice/${(projected[0] as Json).id}-monthly?fields=price`);
    expect(price.statusCode).toBe(200);
    expect(Object.keys(price.json()).sort()).toEqual(['@type', 'href', 'id', 'price']);
  });

  it('should answer 404 in the TMF error shape for an unknown id of every kind', async () => {
    for (const resource of ['productOffering', 'productOfferingPrice', 'productSpecification', 'catalog', 'category']) {
      const response = await call(`${BASE}/${resource}/00000000-0000-4000-8000-000000000000`);
      expect(response.statusCode, resource).toBe(404);
      expect(response.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', status: '404' });
      expectToMatchTmfSpec(SPEC, 'Error', response.json());
    }
  });

  it('should let every role read it, refuse a caller without credentials, and offer no way to change it', async () => {
    for (const role of ['admin', 'agent', 'inventory', 'viewer'] as const) {
      const session = await t.sessionFor(await t.createUser(role));
      const response = await t.request({ method: 'GET', url: `${BASE}/catalog`, session });
      expect(response.statusCode, role).toBe(200);
    }
    expect((await call(`${BASE}/productOffering`, null)).statusCode).toBe(401);
    const post = await t.request({ method: 'POST', url: `${BASE}/productOffering`, session: adminSession, payload: { name: 'Free phones' } });
    expect(post.statusCode).toBe(404);
  });

  it("should show a catalog change at once: a package's new price and its retirement", async () => {
    const offering = await packageOffering('NWM', 'NWM-TAB-10');
    const admin = (method: 'GET' | 'PUT', url: string, payload?: Record<string, unknown>) => t.request({ method, url, session: adminSession, payload });
    const record = (await admin('GET', `/api/catalog/packages/${offering.id}`)).json();
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = record;
    const saved = await admin('PUT', `/api/catalog/packages/${offering.id}`, { ...input, monthlyCents: 2250, isActive: false });
    expect(saved.statusCode, saved.body).toBe(200);

    const after = await one<Offering>('productOffering', offering.id);
    expect(after).toMatchObject({ lifecycleStatus: 'Retired', lastUpdate: saved.json().updatedAt });
    const monthly = await one<Price>('productOfferingPrice', `${offering.id}-monthly`);
    expect(monthly).toMatchObject({ price: dollars(2250), lifecycleStatus: 'Retired' });
    expect((await list<Price>('productOfferingPrice', `?id=${offering.id}-monthly`)).map((p) => p.price)).toEqual([dollars(2250)]);
  });
});
