import { describe, expect, it } from 'vitest';
import { expectToMatchTmfSpec } from '../../../../test/tmf-spec.js';
import type { CatalogRecords } from '../../catalog/use-cases/list-catalog-records.js';
import { buildTmfCatalog, priceIds } from './catalog-mapping.js';

const SPEC = 'TMF620-ProductCatalog-v4.1.0.swagger.json';
const BASE_URL = 'https://bss.example.com';
const created = '2026-01-05T10:00:00.000Z';
const edited = '2026-03-01T12:30:00.250Z';
const dates = { createdAt: created, updatedAt: created };

const CARRIER = '11111111-1111-4111-8111-111111111111';
const CLOSED_CARRIER = '22222222-2222-4222-8222-222222222222';
const PHONE = '33333333-3333-4333-8333-333333333333';
const PLAN = '44444444-4444-4444-8444-444444444444';
const CREDIT = '55555555-5555-4555-8555-555555555555';
const PACKAGE = '66666666-6666-4666-8666-666666666666';
const WORLD = '77777777-7777-4777-8777-777777777777';
const SPARE_PLAN = '88888888-8888-4888-8888-888888888888';

/** A carrier selling one package whose port-in credit is priced differently for new and ported numbers, and a closed carrier. */
function records(): CatalogRecords {
  return {
    carriers: [
      {
        id: CARRIER,
        code: 'GSM',
        name: 'Gsm Mobile',
        displayOrder: 10,
        orderTypes: ['NEW', 'CONVERSION', 'SUSPEND'],
        populatesProducts: true,
        numberAssignment: 'ZIP',
        identifierRequirements: [{ lineTypeCode: 'PHONE', requires: [['IMEI'], ['ICCID']] }],
        isActive: true,
        ...dates,
      },
      {
        id: CLOSED_CARRIER,
        code: 'OLD',
        name: 'Old Cellular',
        displayOrder: 20,
        orderTypes: ['NEW'],
        populatesProducts: false,
        numberAssignment: 'AREA_CODE',
        identifierRequirements: [],
        isActive: false,
        ...dates,
      },
    ],
    lineTypes: [
      {
        id: PHONE,
        code: 'PHONE',
        name: 'Smartphone',
        description: '',
        displayOrder: 10,
        properties: [
          {
            key: 'plan',
            label: 'Data tier',
            kind: 'select',
            required: true,
            options: [
              { value: 'S', label: 'Small' },
              { value: 'L', label: 'Large' },
            ],
            pattern: null,
            patternMessage: null,
            minLength: null,
            maxLength: null,
            min: null,
            max: null,
            helpText: null,
          },
          {
            key: 'ratio',
            label: 'Share ratio',
            kind: 'number',
            required: false,
            options: [],
            pattern: null,
            patternMessage: null,
            minLength: null,
            maxLength: null,
            min: 0.5,
            max: 3,
            helpText: null,
          },
        ],
        isActive: true,
        ...dates,
      },
    ],
    ldRatePlans: [
      { id: WORLD, code: 'WORLD', name: 'World', domesticPerMinuteMillicents: 500, internationalRates: [{ countryCode: 'MX', countryName: 'Mexico', perMinuteMillicents: 2900 }], isActive: true, ...dates },
      { id: SPARE_PLAN, code: 'SPARE', name: 'Spare', domesticPerMinuteMillicents: 0, internationalRates: [], isActive: false, ...dates },
    ],
    products: [
      { id: PLAN, carrierId: CARRIER, code: 'UNL', name: 'Unlimited', description: '', kind: 'plan', monthlyCents: 4000, oneTimeCents: 0, isTaxable: true, isActive: true, ...dates },
      { id: CREDIT, carrierId: CARRIER, code: 'CRED', name: 'Credit', description: '', kind: 'discount', monthlyCents: -500, oneTimeCents: 0, isTaxable: false, isActive: true, ...dates },
    ],
    packages: [
      {
        id: PACKAGE,
        carrierId: CARRIER,
        code: 'UNL',
        name: 'Unlimited',
        description: 'Everything unlimited',
        orderTypes: ['NEW', 'CONVERSION', 'CHANGE'],
        monthlyCents: 4500,
        activationFeeCents: 2500,
        ldRatePlanId: WORLD,
        displayOrder: 10,
        lineTypeIds: [PHONE],
        products: [
          { productId: PLAN, quantity: 1, monthlyOverrideCents: 0, inclusion: 'required', orderType: 'ALL' },
          { productId: CREDIT, quantity: 1, monthlyOverrideCents: -1000, inclusion: 'default', orderType: 'CONVERSION' },
          { productId: CREDIT, quantity: 2, monthlyOverrideCents: null, inclusion: 'optional', orderType: 'NEW' },
        ],
        isActive: true,
        createdAt: created,
        updatedAt: edited,
      },
    ],
  };
}

describe('the catalog as TMF620 resources', () => {
  const view = buildTmfCatalog(records(), BASE_URL);
  const price = (id: string) => view.productOfferingPrices.find((p) => p.id === id);

  it('should match the specification for every resource', () => {
    for (const offering of view.productOfferings) expectToMatchTmfSpec(SPEC, 'ProductOffering', offering);
    for (const item of view.productOfferingPrices) expectToMatchTmfSpec(SPEC, 'ProductOfferingPrice', item);
    for (const item of view.productSpecifications) expectToMatchTmfSpec(SPEC, 'ProductSpecification', item);
    for (const item of view.catalogs) expectToMatchTmfSpec(SPEC, 'Catalog', item);
    for (const item of view.categories) expectToMatchTmfSpec(SPEC, 'Category', item);
  });

  it('should give a product listed twice in a package one bundled entry and one price per order-type restriction', () => {
    const offering = view.productOfferings.find((o) => o.id === PACKAGE);
    expect(offering?.bundledProductOffering.map((b) => [b.id, b.orderType, b.inclusion, b.bundledProductOfferingOption.numberRelOfferDefault])).toEqual([
      [PLAN, 'ALL', 'required', 1],
      [CREDIT, 'CONVERSION', 'default', 1],
      [CREDIT, 'NEW', 'optional', 0],
    ]);
    expect(offering?.productOfferingPrice.map((p) => p.id)).toEqual([
      priceIds.packageMonthly(PACKAGE),
      priceIds.packageActivation(PACKAGE),
      `${PACKAGE}-${PLAN}-all-monthly`,
      `${PACKAGE}-${CREDIT}-conversion-monthly`,
      `${WORLD}-domestic`,
      `${WORLD}-intl-mx`,
    ]);
    expect(price(`${PACKAGE}-${CREDIT}-conversion-monthly`)).toMatchObject({
      price: { unit: 'USD', value: -10 },
      lastUpdate: edited,
      description: 'Monthly price of Credit (CRED) per unit in the Unlimited package on port-in lines, replacing its catalog price',
    });
    expect(offering?.productOrderCategory).toEqual(['NEW', 'CONVERSION']);
    expect(offering?.href).toBe(`${BASE_URL}/tmf-api/productCatalogManagement/v4/productOffering/${PACKAGE}`);
  });

  it('should price long-distance minutes from millicents, and keep the prices of a plan no package uses', () => {
    expect(price(`${WORLD}-domestic`)).toMatchObject({ priceType: 'usage', price: { unit: 'USD', value: 0.005 }, unitOfMeasure: { amount: 1, units: 'minute' } });
    expect(price(`${WORLD}-intl-mx`)?.price).toEqual({ unit: 'USD', value: 0.029 });
    expect(price(`${SPARE_PLAN}-domestic`)).toMatchObject({ lifecycleStatus: 'Retired', price: { unit: 'USD', value: 0 } });
  });

  it('should describe properties with their allowed values and ranges, and whole-number bounds only as valueFrom/valueTo', () => {
    const spec = view.productSpecifications.find((s) => s.id === PHONE);
    const named = (name: string) => spec?.productSpecCharacteristic.find((c) => c.name === name);
    expect(named('plan')).toMatchObject({ valueType: 'string', minCardinality: 1, productSpecCharacteristicValue: [{ value: 'S' }, { value: 'L' }] });
    expect(named('plan')?.description).toContain('one of: S (Small), L (Large)');
    // 0.5 is no integer: the range is in the description, the upper bound alone in valueTo.
    expect(named('ratio')).toMatchObject({ valueType: 'number', minCardinality: 0, productSpecCharacteristicValue: [{ valueTo: 3 }] });
    expect(named('ratio')?.description).toContain('from 0.5 to 3');
    const offering = view.productOfferings.find((o) => o.id === PACKAGE);
    expect(offering?.prodSpecCharValueUse.map((u) => u.name)).toEqual(['lineType', 'numberZip']);
  });

  it('should retire a closed carrier’s catalog and categories, and list only the kinds of product a carrier sells', () => {
    expect(view.catalogs.map((c) => [c.name, c.lifecycleStatus])).toEqual([
      ['Gsm Mobile', 'Active'],
      ['Old Cellular', 'Retired'],
    ]);
    const gsm = view.categories.find((c) => c.id === CARRIER);
    expect(gsm?.subCategory.map((c) => c.id)).toEqual([`${CARRIER}-packages`, `${CARRIER}-plan`, `${CARRIER}-discount`]);
    expect(gsm?.lastUpdate).toBe(edited);
    expect(view.categories.find((c) => c.id === CLOSED_CARRIER)).toMatchObject({ lifecycleStatus: 'Retired', subCategory: [{ id: `${CLOSED_CARRIER}-packages` }] });
  });
});
