import { describe, expect, it } from 'vitest';
import type { TPackageOffer, TWizardCarrier, TWizardLineType } from '../catalog/catalog.views.js';
import { DEFAULT_PROFILE_FIELD_SETTINGS } from './profile-fields.js';
import { scoreDuplicate } from './duplicates.js';
import { orderCharges, orderOptionsSchema } from './order-final.js';
import { checkWizardLine, snapshotLineProducts, ZWizardLineInput } from './wizard-lines.js';
import { customerProfileSchema, namesAndAddressesSchema, ZWizardStart } from './wizard-steps.js';

const today = new Date('2026-11-26T12:00:00Z');
const profile = {
  customerClass: 'RESIDENTIAL',
  billProfileCode: 'res-std',
  billMethod: 'EMAIL',
  billEmail: 'Dana@Example.com',
  salesPersonUserId: '6f1c1a62-3b7b-4c39-9d0e-5d5c6b0b7a11',
};
const rulesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; params?: { rule?: string } }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}:${issue.params?.rule ?? '?'}`);

describe('step 1: Carrier, Order Type, Contact Information', () => {
  it('should normalise phones to ten digits and need a way to reach the contact', () => {
    const ok = ZWizardStart.parse({ carrierCode: 'nwm', orderType: 'NEW', contacts: [{ firstName: 'Dana', lastName: 'W', phone: '+1 (312) 555-0142', email: '' }] });
    expect(ok.carrierCode).toBe('NWM');
    expect(ok.contacts[0]).toMatchObject({ contactType: 'PRIMARY', phone: '3125550142', email: null, mobile: null });
    const unreachable = ZWizardStart.safeParse({ carrierCode: 'NWM', orderType: 'NEW', contacts: [{ firstName: 'Dana', lastName: 'W' }] });
    expect(unreachable.error?.issues[0]?.path).toEqual(['contacts', 0, 'phone']);
    const badPhone = ZWizardStart.safeParse({ carrierCode: 'NWM', orderType: 'NEW', contacts: [{ firstName: 'Dana', lastName: 'W', phone: '312-911-0142' }] });
    expect(rulesOf(badPhone)).toEqual(['contacts.0.phone:phone_nxx_n11']);
  });
});

describe('step 2: Customer Profile', () => {
  const schema = (settings = DEFAULT_PROFILE_FIELD_SETTINGS, storedSecrets: ('ssn' | 'taxId' | 'securityPin')[] = []) =>
    customerProfileSchema({ settings, today, storedSecrets });

  it('should accept a minimal profile and lower-case the bill email', () => {
    expect(schema().parse(profile)).toMatchObject({ billProfileCode: 'RES-STD', billEmail: 'dana@example.com', accountType: 'STANDARD', taxExempt: false });
  });

  it.each([
    [{ billEmail: '' }, 'billEmail:email_for_email_bills'],
    [{ billMethod: 'PRINT', billEmail: '' }, null],
    [{ securityPin: '4321' }, 'securityPin:pin_sequence'],
    [{ securityPin: '0000' }, 'securityPin:pin_repeated'],
    [{ securityPin: '12' }, 'securityPin:pin_length'],
    [{ securityPin: '8264' }, null],
    [{ contractStart: '2026-12-01', contractEnd: '2026-11-01' }, 'contractEnd:contract_order'],
    [{ accountType: 'CHILD' }, 'parentAccountNumber:parent_for_child'],
    [{ taxExempt: true }, 'taxExemptCertificate:certificate_for_exempt'],
    [{ ssn: '078-05-1120' }, null],
    [{ ssn: '666-12-3456' }, 'ssn:?'],
    [{ customerClass: 'BUSINESS', ssn: '078-05-1120' }, 'ssn:ssn_residential_only'],
    [{ taxId: '12-3456789' }, 'taxId:tax_id_business_only'],
    [{ dateOfBirth: '2008-11-27' }, 'dateOfBirth:dob_adult'],
    [{ dateOfBirth: '2008-11-26' }, null],
    [{ dateOfBirth: '2027-01-01' }, 'dateOfBirth:dob_future'],
    [{ website: 'ftp://example.com' }, 'website:?'],
  ])('should check %j', (change, expected) => {
    const result = schema().safeParse({ ...profile, ...change });
    expect(rulesOf(result)).toEqual(expected ? [expected] : []);
  });

  it('should require what the installation requires, met by a stored secret, and drop hidden fields', () => {
    const settings = { ...DEFAULT_PROFILE_FIELD_SETTINGS, website: 'required', taxIdentity: 'required', agent: 'hidden' } as const;
    expect(rulesOf(schema(settings).safeParse(profile))).toEqual(['website:required', 'ssn:required']);
    const withStored = schema(settings, ['ssn']).parse({ ...profile, website: 'https://dana.example', agentCode: 'SUMMIT-ELM' });
    expect(withStored.agentCode).toBeNull();
    // A business is asked for its Tax ID, not an SSN.
    expect(rulesOf(schema(settings).safeParse({ ...profile, customerClass: 'BUSINESS', website: 'https://acme.example' }))).toEqual(['taxId:required']);
  });
});

describe('step 3: name and addresses', () => {
  const address = { line1: '742 Evergreen Terrace', city: 'Springfield', state: 'il', zip: '62704' };
  it('should ask a person for first and last name and a business for its company name', () => {
    expect(rulesOf(namesAndAddressesSchema('RESIDENTIAL').safeParse({ companyName: 'Acme', serviceAddress: address }))).toEqual(['firstName:required', 'lastName:required']);
    const business = namesAndAddressesSchema('BUSINESS').parse({ companyName: 'Acme', firstName: 'Stray', serviceAddress: address });
    expect(business).toMatchObject({ companyName: 'Acme', firstName: null, serviceAddress: { state: 'IL' }, billingAddress: null });
  });

  it('should refuse a PO box as the service address but not as the billing address', () => {
    const po = { ...address, line1: 'P.O. Box 114' };
    expect(rulesOf(namesAndAddressesSchema('BUSINESS').safeParse({ companyName: 'Acme', serviceAddress: po }))).toEqual(['serviceAddress.line1:no_po_box']);
    expect(namesAndAddressesSchema('BUSINESS').safeParse({ companyName: 'Acme', serviceAddress: address, billingSameAsService: false, billingAddress: po }).success).toBe(true);
  });

  it('should need the listed name for a listed number', () => {
    expect(rulesOf(namesAndAddressesSchema('BUSINESS').safeParse({ companyName: 'Acme', serviceAddress: address, listingType: 'LISTED' }))).toEqual(['listedName:required']);
  });
});

describe('step 4: a line against the catalog', () => {
  const carrier: TWizardCarrier = {
    code: 'GSM',
    name: 'GSM Mobile',
    orderTypes: ['NEW', 'CONVERSION'],
    populatesProducts: true,
    numberAssignment: 'AREA_CODE',
    identifierRequirements: [{ lineTypeCode: 'PHONE', requires: [['IMEI'], ['ICCID']] }],
    defaultBillProfileCode: null,
    flowThrough: false,
  };
  const lineType: TWizardLineType = {
    code: 'PHONE',
    name: 'Phone',
    description: '',
    properties: [
      { key: 'userName', label: 'Line user name', kind: 'text', required: true, options: [], pattern: null, patternMessage: null, minLength: null, maxLength: 20, min: null, max: null, helpText: null },
      { key: 'cap', label: 'Data cap', kind: 'number', required: false, options: [], pattern: null, patternMessage: null, minLength: null, maxLength: null, min: 1, max: 100, helpText: null },
    ],
  };
  const product = (code: string, inclusion: 'required' | 'default' | 'optional', monthly: number, oneTime = 0) => ({
    productCode: code,
    name: code,
    kind: 'feature' as const,
    quantity: 1,
    unitMonthlyCents: monthly,
    unitOneTimeCents: oneTime,
    monthlyCents: monthly,
    oneTimeCents: oneTime,
    isTaxable: true,
    inclusion,
    orderType: 'ALL' as const,
  });
  const offer: TPackageOffer = {
    carrierCode: 'GSM',
    orderType: 'NEW',
    package: { code: 'PKG', name: 'Plan 50', description: '', lineTypeCodes: ['PHONE'], monthlyCents: 4500, activationFeeCents: 2500 },
    populatesProducts: true,
    products: [product('PLAN', 'required', 0), product('SIM', 'default', 0, 1000)],
    availableProducts: [product('INTL', 'optional', 1000)],
    ldRates: null,
    totals: { monthlyCents: 4500, oneTimeCents: 3500 },
  };
  const line = (change: object) =>
    ZWizardLineInput.parse({ lineTypeCode: 'PHONE', packageCode: 'PKG', properties: { userName: 'Dana' }, areaCode: '312', products: [{ productCode: 'PLAN', quantity: 1 }], ...change });
  const check = (change: object, canOverridePrices = false) =>
    checkWizardLine(line(change), { orderType: 'NEW', carrier, lineType, offer, canOverridePrices }).map((i) => `${i.path.join('.')}:${i.rule}`);

  it.each([
    [{}, []],
    [{ properties: {} }, ['properties.userName:required']],
    [{ properties: { userName: 'Dana', cap: 500 } }, ['properties.cap:max']],
    [{ properties: { userName: 'Dana', colour: 'red' } }, ['properties.colour:unknown_property']],
    [{ areaCode: null }, ['areaCode:required']],
    [{ areaCode: '191' }, ['areaCode:area_code']],
    [{ products: [] }, ['products:required_product']],
    [{ products: [{ productCode: 'PLAN', quantity: 1 }, { productCode: 'NOPE', quantity: 1 }] }, ['products.1.productCode:not_offered']],
    [{ products: [{ productCode: 'PLAN', quantity: 1, unitMonthlyOverrideCents: 10 }] }, ['products.0.unitMonthlyOverrideCents:override_not_allowed']],
    [{ identifiers: ['89014103211118510720', '490154203237518'] }, []],
    [{ identifiers: ['A10000009296F2'] }, ['identifiers.0:wrong_kind']],
    [{ identifiers: ['490154203237518', '356938035643809'] }, ['identifiers.1:one_per_kind']],
  ])('should check %j', (change, expected) => {
    expect(check(change)).toEqual(expected);
  });

  it('should price the snapshot from the offer with quantities and an allowed override', () => {
    const { products, charges } = snapshotLineProducts(
      [
        { productCode: 'PLAN', quantity: 1, unitMonthlyOverrideCents: null },
        { productCode: 'SIM', quantity: 2, unitMonthlyOverrideCents: null },
        { productCode: 'INTL', quantity: 1, unitMonthlyOverrideCents: 750 },
      ],
      offer,
    );
    expect(products.map((p) => [p.productCode, p.monthlyCents, p.oneTimeCents, p.isPriceOverridden])).toEqual([
      ['PLAN', 0, 0, false],
      ['SIM', 0, 2000, false],
      ['INTL', 750, 0, true],
    ]);
    expect(charges).toEqual({ monthlyCents: 4500 + 750, oneTimeCents: 2500 + 2000 });
  });
});

describe('charges and Order Options', () => {
  it('should add what is due today: one-time charges, the first month and the deposit', () => {
    const lines = [{ charges: { monthlyCents: 5349, oneTimeCents: 3500 } }, { charges: { monthlyCents: 2500, oneTimeCents: 0 } }];
    expect(orderCharges(lines, 10000)).toEqual({ monthlyCents: 7849, oneTimeCents: 3500, depositCents: 10000, firstMonthCents: 7849, dueTodayCents: 21349 });
    expect(orderCharges([])).toEqual({ monthlyCents: 0, oneTimeCents: 0, depositCents: 0, firstMonthCents: 0, dueTodayCents: 0 });
  });

  it('should refuse a due date in the past and shipping without an address', () => {
    const schema = orderOptionsSchema('2026-11-26');
    expect(rulesOf(schema.safeParse({ sendAutomatically: true, requestedDueDate: '2026-11-25' }))).toEqual(['requestedDueDate:not_past']);
    expect(rulesOf(schema.safeParse({ sendAutomatically: true, fulfillment: 'SHIP', shipToServiceAddress: false }))).toEqual(['shippingAddress:required']);
    expect(schema.parse({ sendAutomatically: false, fulfillment: 'PICKUP', shippingAddress: { line1: '1 Main St', city: 'X', state: 'TX', zip: '75001' } }).shippingAddress).toBeNull();
  });
});

describe('duplicate scoring', () => {
  it.each([
    [['SAME_TAX_ID_SIMILAR_NAME'], 'EXACT'],
    [['SAME_PHONE', 'SAME_EMAIL'], 'EXACT'],
    [['SAME_EMAIL', 'SIMILAR_NAME_SAME_ZIP'], 'EXACT'],
    [['SAME_PHONE'], 'LIKELY'],
    [['SIMILAR_NAME_SAME_ZIP', 'SAME_SERVICE_ADDRESS'], 'LIKELY'],
    [['SAME_SERVICE_ADDRESS'], 'HOUSEHOLD'],
  ] as const)('should rate %j as %s', (reasons, level) => {
    expect(scoreDuplicate(reasons).level).toBe(level);
  });

  it('should score more evidence higher, capped at 100', () => {
    expect(scoreDuplicate(['SAME_PHONE', 'SAME_EMAIL']).score).toBeGreaterThan(scoreDuplicate(['SAME_PHONE']).score);
    expect(scoreDuplicate(['SAME_TAX_ID_SIMILAR_NAME', 'SAME_EMAIL', 'SAME_PHONE', 'SAME_SERVICE_ADDRESS']).score).toBe(100);
  });
});
