import { ZCatalogDocument, type TCatalogDocument } from '@linedesk/domain';

/** A small catalog whose every number the tests can check by hand. */
export function catalogFixture(): TCatalogDocument {
  return ZCatalogDocument.parse({
    format: 'linedesk-catalog',
    version: 1,
    billProfiles: [{ code: 'RES', name: 'Residential', isDefaultResidential: true }],
    lineTypes: [
      { code: 'PHONE', name: 'Smartphone', properties: [{ key: 'userName', label: 'Line user name', kind: 'text', required: true }] },
      { code: 'TAB', name: 'Tablet', displayOrder: 200 },
    ],
    ldRatePlans: [
      {
        code: 'LD1',
        name: 'World',
        domesticPerMinuteMillicents: 0,
        internationalRates: [
          { countryCode: 'CA', countryName: 'Canada', perMinuteMillicents: 1250 },
          { countryCode: 'MX', countryName: 'Mexico', perMinuteMillicents: 2900 },
        ],
      },
    ],
    carriers: [
      {
        code: 'GSM',
        name: 'Gsm Mobile',
        orderTypes: ['NEW', 'CONVERSION', 'SUSPEND'],
        defaultBillProfileCode: 'RES',
        identifierRequirements: [{ lineTypeCode: 'PHONE', requires: [['IMEI'], ['ICCID']] }],
      },
      { code: 'HAND', name: 'Handmade Cellular', orderTypes: ['NEW'], populatesProducts: false, displayOrder: 200 },
    ],
    products: [
      { carrierCode: 'GSM', code: 'PLAN', name: 'Unlimited', kind: 'plan', monthlyCents: 4000 },
      { carrierCode: 'GSM', code: 'VM', name: 'Voicemail', kind: 'feature', monthlyCents: 250 },
      { carrierCode: 'GSM', code: 'ACT', name: 'New line activation', kind: 'fee', oneTimeCents: 1000 },
      { carrierCode: 'GSM', code: 'PORT', name: 'Port-in credit', kind: 'discount', monthlyCents: -500, isTaxable: false },
      { carrierCode: 'GSM', code: 'INS', name: 'Protection', kind: 'insurance', monthlyCents: 900 },
      { carrierCode: 'GSM', code: 'SIM', name: 'SIM kit', kind: 'equipment', oneTimeCents: 1500 },
      { carrierCode: 'HAND', code: 'HPLAN', name: 'Hand plan', kind: 'plan', monthlyCents: 3000 },
    ],
    packages: [
      {
        carrierCode: 'GSM',
        code: 'UNL',
        name: 'Unlimited',
        lineTypeCodes: ['PHONE'],
        orderTypes: ['NEW', 'CONVERSION'],
        monthlyCents: 3000,
        activationFeeCents: 2500,
        ldRatePlanCode: 'LD1',
        products: [
          { productCode: 'PLAN', monthlyOverrideCents: 0 },
          { productCode: 'VM', quantity: 2, inclusion: 'default' },
          { productCode: 'ACT', orderType: 'NEW' },
          { productCode: 'PORT', orderType: 'CONVERSION' },
          { productCode: 'SIM' },
          { productCode: 'INS', inclusion: 'optional' },
        ],
      },
      { carrierCode: 'GSM', code: 'TABDATA', name: 'Tablet data', lineTypeCodes: ['TAB'], orderTypes: ['NEW'], monthlyCents: 2000 },
      { carrierCode: 'HAND', code: 'HBASIC', name: 'Basic', lineTypeCodes: ['PHONE'], orderTypes: ['NEW'], monthlyCents: 1000, ldRatePlanCode: 'LD1', products: [{ productCode: 'HPLAN' }] },
    ],
  });
}
