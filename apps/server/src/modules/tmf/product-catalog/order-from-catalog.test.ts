import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardOrder } from '../../../../test/order-fixture.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { createTmfApiKey, tmfCall } from '../../../../test/tmf-fixture.js';
import { loadDemoCatalog, NEW_LINE } from '../../../../test/wizard-fixture.js';

const CATALOG = '/tmf-api/productCatalogManagement/v4';
const ORDERING = '/tmf-api/productOrderingManagement/v4';

type Ref = { id: string; name: string };
type ValueSpec = { value?: unknown; isDefault?: boolean };
type Offering = Ref & {
  isBundle: boolean;
  category: Ref[];
  productOrderCategory?: string[];
  productOfferingPrice: Ref[];
  bundledProductOffering: (Ref & { orderType: string; bundledProductOfferingOption: { numberRelOfferDefault: number } })[];
  prodSpecCharValueUse: { name: string; productSpecification?: Ref; productSpecCharacteristicValue?: ValueSpec[] }[];
};
type Specification = Ref & { productSpecCharacteristic: { name: string; minCardinality: number; regex?: string; productSpecCharacteristicValue?: ValueSpec[] }[] };
type Price = Ref & { priceType: string; price: { value: number } };

/**
 * What the catalog is for: an integrator who knows only TMF620 finds a package, learns from its line
 * type's specification and its carrier's needs which characteristics to give, predicts the line's
 * charges from the prices, and orders it through TMF622.
 */
describe('ordering a line from what TMF620 says', () => {
  let t: TestApp;
  let key: string;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoCatalog(t);
    const agent = await t.createUser('agent');
    customerId = (await createWizardOrder(t, await t.sessionFor(agent), agent.id, [NEW_LINE])).customerId;
    key = await createTmfApiKey(t, 'Storefront', 'agent');
  });
  afterAll(async () => t?.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: unknown): Promise<LightMyRequestResponse> => tmfCall(t, { method, url, payload, key });
  const get = async <T>(url: string): Promise<T> => {
    const response = await api('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  it("should order a smartwatch line with the characteristics its specification asks for, at the charges its prices add up to", async () => {
    const packages = await get<Offering[]>(`${CATALOG}/productOffering?isBundle=true&lifecycleStatus=Active&name=Watch%20Connect`);
    const offering = packages.find((o) => o.category.some((c) => c.name === 'Northwind Mobile'));
    if (!offering) throw new Error('no Watch Connect package of Northwind Mobile');
    const category = offering.productOrderCategory?.[0];
    expect(category).toBe('NEW');

    // The line type it is sold on, and that type's specification.
    const lineTypeUse = offering.prodSpecCharValueUse.find((use) => use.name === 'lineType');
    const specification = await get<Specification>(`${CATALOG}/productSpecification/${lineTypeUse?.productSpecification?.id}`);
    const required = specification.productSpecCharacteristic.filter((c) => c.minCardinality > 0);
    expect(required.map((c) => c.name)).toEqual(['lineType', 'userName', 'pairedNumber']);
    const samples: Record<string, string> = { userName: 'Robin Vale', pairedNumber: '(312) 555-0150' };
    const characteristics = required.map((c) => ({ name: c.name, value: c.productSpecCharacteristicValue?.find((v) => v.isDefault)?.value ?? samples[c.name] }));
    // How its carrier assigns new numbers: by area code, which the specification says how to write.
    const numberRequest = offering.prodSpecCharValueUse.find((use) => use.name === 'areaCode' || use.name === 'numberZip');
    expect(numberRequest?.name).toBe('areaCode');
    const areaCodeRule = specification.productSpecCharacteristic.find((c) => c.name === 'areaCode')?.regex ?? '';
    expect('406').toMatch(new RegExp(areaCodeRule));
    characteristics.push({ name: 'areaCode', value: '406' });

    // The line's charges, from the prices: the package's, plus each product put on a new line by default at the package's price for it or its own.
    const priceOf = async (id: string) => (await get<Price>(`${CATALOG}/productOfferingPrice/${id}`)).price.value;
    const listed = new Set(offering.productOfferingPrice.map((p) => p.id));
    let monthly = await priceOf(`${offering.id}-monthly`);
    let oneTime = await priceOf(`${offering.id}-activation`);
    for (const bundled of offering.bundledProductOffering) {
      const quantity = bundled.bundledProductOfferingOption.numberRelOfferDefault;
      if (quantity === 0 || !['ALL', category].includes(bundled.orderType)) continue;
      const packagePrice = `${offering.id}-${bundled.id}-${bundled.orderType.toLowerCase()}-monthly`;
      monthly += quantity * (await priceOf(listed.has(packagePrice) ? packagePrice : `${bundled.id}-monthly`));
      oneTime += quantity * (await priceOf(`${bundled.id}-onetime`));
    }

    const response = await api('POST', `${ORDERING}/productOrder`, {
      category,
      relatedParty: [{ id: customerId, role: 'Customer', '@referredType': 'Individual' }],
      productOrderItem: [{ id: 'W1', action: 'add', productOffering: { id: offering.id }, product: { productCharacteristic: characteristics } }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json();
    expect(order.state, JSON.stringify(order.note)).toBe('acknowledged');
    const [item] = order.productOrderItem;
    expect(item.productOffering.id).toBe(offering.id);
    const charged = (type: string) => item.itemPrice.find((p: { priceType: string }) => p.priceType === type)?.price.dutyFreeAmount.value;
    expect([charged('recurring'), charged('oneTime')]).toEqual([monthly, oneTime]);
  });
});
