import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATUSES } from '../customers/customers.constants.js';
import { customerStatusFromTmf, customerStatusOf, TMF_CUSTOMER_STATUSES, ZTmfCustomerCreate, ZTmfCustomerUpdate } from './tmf629-customer.js';

describe('TMF629 customer status of an account', () => {
  it('should follow the decided mapping and come back the same way', () => {
    expect(CUSTOMER_STATUSES.map(customerStatusOf)).toEqual(['prospect', 'pending', 'approved', 'closed']);
    for (const status of CUSTOMER_STATUSES) expect(customerStatusFromTmf(customerStatusOf(status))).toBe(status);
    expect([...TMF_CUSTOMER_STATUSES].sort()).toEqual(CUSTOMER_STATUSES.map(customerStatusOf).sort());
  });
});

describe('TMF629 customer requests', () => {
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; params?: unknown; code: string }[] } }) =>
    (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')} ${(issue.params as { rule?: string } | undefined)?.rule ?? issue.code}`);

  it('should take the kit\'s minimal customer and read characteristics by name, codes in capitals', () => {
    expect(ZTmfCustomerCreate.parse({ name: 'Moon Football Club', engagedParty: { '@referredType': 'Organization', id: '500' } })).toMatchObject({
      name: 'Moon Football Club',
      engagedParty: { id: '500', '@referredType': 'Organization' },
    });
    const parsed = ZTmfCustomerCreate.parse({
      name: 'Ann Lee',
      engagedParty: { '@referredType': 'Individual', id: 'p1' },
      characteristic: [
        { name: 'carrier', value: 'nwm' },
        { name: 'billMethod', value: 'PRINT' },
      ],
    });
    expect(parsed.characteristic).toEqual({ carrier: 'NWM', billMethod: 'PRINT' });
  });

  it('should name each problem where an integrator looks for it', () => {
    const result = ZTmfCustomerCreate.safeParse({
      name: 'Ann Lee',
      engagedParty: { '@referredType': 'Individual', id: 'p1' },
      characteristic: [
        { name: 'carrier', value: 42 },
        { name: 'carrier', value: 'NWM' },
        { name: 'shoeSize', value: 9 },
      ],
      contactMedium: [
        { mediumType: 'email', characteristic: { emailAddress: 'not-an-email' } },
        { mediumType: 'phone', characteristic: { phoneNumber: '212-555-0100', contactType: 'fax' } },
        { mediumType: 'postalAddress', characteristic: { contactType: 'serviceAddress', street1: '1 Main St', city: 'Austin', stateOrProvince: 'TX', postCode: '73301', country: 'CA' } },
      ],
    });
    expect(issues(result).sort()).toEqual([
      'characteristic.2.name unknown_characteristic',
      'characteristic.carrier option',
      'characteristic.carrier repeated',
      'contactMedium.0.characteristic.emailAddress email',
      'contactMedium.1.characteristic.contactType option',
      'contactMedium.2.characteristic.country option',
    ]);
  });

  it('should take a merge patch of any subset, null clearing the contact media', () => {
    expect(ZTmfCustomerUpdate.parse({ name: 'Sun Football Club' })).toEqual({ name: 'Sun Football Club' });
    expect(ZTmfCustomerUpdate.parse({ contactMedium: null })).toEqual({ contactMedium: null });
    expect(issues(ZTmfCustomerUpdate.safeParse({ paymentMethod: [{ id: 'x' }] }))).toEqual(['paymentMethod not_supported']);
  });
});
