import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardOrder } from '../../../../test/order-fixture.js';
import { createTestApp, type TestApp, type TestUser } from '../../../../test/test-app.js';
import { createTmfApiKey, tmfCall, type TmfCall } from '../../../../test/tmf-fixture.js';
import { expectToMatchTmfSpec } from '../../../../test/tmf-spec.js';
import { loadDemoCatalog } from '../../../../test/wizard-fixture.js';
import { demoApiCustomerDefaults } from '../../../flows/seed-demo.js';
import { auditLog } from '../../audit/audit.schema.js';
import { customerAddresses, customerContacts, customerMatchKeys, customers } from '../../customers/customers.schema.js';
import { API_CUSTOMER_DEFAULTS_SETTING, writeSetting } from '../../system/settings.js';

const BASE = '/tmf-api/customerManagement/v4/customer';
const SPEC = 'TMF629-Customer-v4.0.0.swagger.json';
const UNKNOWN_ID = 'f42b01d2-4f1c-4f27-8a7b-0e2ac2b4a001';
const MANDATORY = ['engagedParty', '@type', 'href', 'id', 'name'];

type Customer = {
  id: string;
  href: string;
  '@type': string;
  name: string;
  status: string;
  engagedParty: { id: string; name?: string; '@referredType': string };
  contactMedium: { mediumType: string; preferred?: boolean; characteristic: Record<string, string> }[];
  characteristic: { name: string; value: unknown }[];
  validFor: { startDateTime: string };
};

const characteristicOf = (customer: Customer, name: string) => customer.characteristic.find((c) => c.name === name)?.value;

describe('TMF629 customer API', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let adminSession: string;
  let agentSession: string;
  let agentKey: string;
  let viewerKey: string;
  let otherKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoCatalog(t);
    await writeSetting(t.database.db, API_CUSTOMER_DEFAULTS_SETTING, demoApiCustomerDefaults());
    admin = await t.createUser('admin', { name: 'Ada Admin' });
    agent = await t.createUser('agent', { name: 'Aggie Agent' });
    adminSession = await t.sessionFor(admin);
    agentSession = await t.sessionFor(agent);
    agentKey = await createTmfApiKey(t, 'Dealer CRM', 'agent');
    viewerKey = await createTmfApiKey(t, 'Read-only dashboard', 'viewer');
    otherKey = await createTmfApiKey(t, 'Second integrator', 'agent');
  });
  afterAll(async () => t?.close());

  /** A call as an integrator's tool makes it (newman, the TM Forum kit), with the agent's key unless told. */
  const api = (options: Omit<TmfCall, 'key'> & { key?: string }) => tmfCall(t, { ...options, key: options.key ?? agentKey });

  async function created(payload: unknown, key?: string): Promise<Customer> {
    const response = await api({ method: 'POST', url: BASE, payload, key });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Customer;
  }

  const fieldsOf = (response: { json(): unknown }) => (response.json() as { fields?: { field: string; rule: string }[] }).fields ?? [];

  it("should pass the TM Forum kit's calls: create, list, read, project, filter, patch, unknown id", async () => {
    // N1: POST with only name and engagedParty.
    const post = await api({ method: 'POST', url: BASE, payload: { name: 'Moon Football Club', engagedParty: { '@referredType': 'Organization', id: '500' } } });
    expect(post.statusCode, post.body).toBe(201);
    const moon = post.json() as Customer;
    expect(Array.isArray(moon)).toBe(false);
    expect(Object.keys(moon)).toEqual(expect.arrayContaining(MANDATORY));
    expect(moon).toMatchObject({
      '@type': 'Customer',
      name: 'Moon Football Club',
      status: 'prospect',
      engagedParty: { id: '500', '@referredType': 'Organization', name: 'Moon Football Club' },
      href: `http://linedesk.test${BASE}/${moon.id}`,
    });
    expect(post.headers.location).toBe(moon.href);
    // Every LineDesk account has a carrier, bill profile and bill method: the API customer defaults here.
    expect(characteristicOf(moon, 'carrier')).toBe('NWM');
    expect(characteristicOf(moon, 'billProfile')).toBe('RES-STD');
    expect(characteristicOf(moon, 'billMethod')).toBe('EMAIL');
    expect(characteristicOf(moon, 'customerClass')).toBe('BUSINESS');
    expect(characteristicOf(moon, 'accountNumber')).toMatch(/^ACC-\d{6}$/);
    expect(Date.parse(moon.validFor.startDateTime)).toBeGreaterThan(Date.now() - 60_000);
    expectToMatchTmfSpec(SPEC, 'Customer', moon);

    // GET list: every element has the mandatory attributes.
    const list = await api({ url: BASE });
    expect(list.statusCode, list.body).toBe(200);
    const all = list.json() as Customer[];
    expect(all.map((c) => c.id)).toContain(moon.id);
    for (const customer of all) {
      expect(Object.keys(customer)).toEqual(expect.arrayContaining(MANDATORY));
      expectToMatchTmfSpec(SPEC, 'Customer', customer);
    }

    const one = await api({ url: `${BASE}/${moon.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(moon);

    for (const field of ['href', 'id', 'name']) {
      const projected = await api({ url: `${BASE}?fields=${field}` });
      expect(projected.statusCode, projected.body).toBe(200);
      const item = (projected.json() as Record<string, unknown>[]).find((c) => c.id === moon.id)!;
      expect(Object.keys(item).sort()).toEqual([...new Set(['@type', 'href', 'id', field])].sort());
    }

    const byId = await api({ url: `${BASE}?id=${moon.id}` });
    expect(byId.statusCode).toBe(200);
    expect((byId.json() as Customer[]).map((c) => c.id)).toEqual([moon.id]);
    const byName = await api({ url: `${BASE}?name=${encodeURIComponent('Moon Football Club')}` });
    expect(byName.statusCode).toBe(200);
    expect((byName.json() as Customer[]).every((c) => c.name === 'Moon Football Club')).toBe(true);
    expect((byName.json() as Customer[]).map((c) => c.id)).toContain(moon.id);

    // PATCH as the kit sends it: application/json.
    const patch = await api({ method: 'PATCH', url: `${BASE}/${moon.id}`, payload: { name: 'Sun Football Club' } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({ id: moon.id, name: 'Sun Football Club', '@type': 'Customer', engagedParty: { id: '500', '@referredType': 'Organization' } });
    expect(Object.keys(patch.json())).toEqual(expect.arrayContaining(MANDATORY));
    expect((await api({ url: `${BASE}/${moon.id}` })).json()).toMatchObject({ name: 'Sun Football Club' });

    const unknown = await api({ url: `${BASE}/${UNKNOWN_ID}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', status: '404' });
    expectToMatchTmfSpec(SPEC, 'Error', unknown.json());
    expect((await api({ url: `${BASE}/not-a-customer-id` })).statusCode).toBe(404);
  });

  it('should create a person with contact media and characteristics as a Residential prospect account, audited as the API key', async () => {
    const mary = await created({
      '@type': 'Customer',
      name: '  Mary Ann   Doe ',
      engagedParty: { '@referredType': 'Individual', id: 'crm-person-42' },
      contactMedium: [
        { mediumType: 'email', preferred: true, characteristic: { emailAddress: 'Mary.Doe@Example.com' } },
        { mediumType: 'phone', characteristic: { contactType: 'phone', phoneNumber: '(406) 555-0171' } },
        { mediumType: 'phone', characteristic: { contactType: 'mobile', phoneNumber: '+1 406 555 0172' } },
        { mediumType: 'postalAddress', characteristic: { contactType: 'serviceAddress', street1: '12 Larch Lane', city: 'Helena', stateOrProvince: 'mt', postCode: '59601' } },
        { mediumType: 'postalAddress', characteristic: { contactType: 'billingAddress', street1: 'PO Box 88', city: 'Helena', stateOrProvince: 'MT', postCode: '59604-0088', country: 'US' } },
      ],
      characteristic: [
        { name: 'carrier', value: 'pcc' },
        { name: 'billMethod', value: 'PRINT' },
      ],
    });
    expect(mary).toMatchObject({ name: 'Mary Ann Doe', status: 'prospect', engagedParty: { id: 'crm-person-42', '@referredType': 'Individual' } });
    expect(characteristicOf(mary, 'carrier')).toBe('PCC');
    // The carrier named brings its own default bill profile; the bill method given wins over the profile's.
    expect(characteristicOf(mary, 'billProfile')).toBe('BUS-NET30');
    expect(characteristicOf(mary, 'billMethod')).toBe('PRINT');
    expect(characteristicOf(mary, 'customerClass')).toBe('RESIDENTIAL');
    expect(mary.contactMedium).toEqual([
      { mediumType: 'email', preferred: true, characteristic: { contactType: 'email', emailAddress: 'mary.doe@example.com' } },
      { mediumType: 'phone', characteristic: { contactType: 'phone', phoneNumber: '+14065550171' } },
      { mediumType: 'phone', characteristic: { contactType: 'mobile', phoneNumber: '+14065550172' } },
      { mediumType: 'postalAddress', characteristic: { contactType: 'serviceAddress', street1: '12 Larch Lane', city: 'Helena', stateOrProvince: 'MT', postCode: '59601', country: 'US' } },
      { mediumType: 'postalAddress', characteristic: { contactType: 'billingAddress', street1: 'PO Box 88', city: 'Helena', stateOrProvince: 'MT', postCode: '59604-0088', country: 'US' } },
    ]);
    expectToMatchTmfSpec(SPEC, 'Customer', mary);

    // The same account in LineDesk's own API: the account page an agent opens.
    const account = (await t.request({ method: 'GET', url: `/api/customers/${mary.id}`, session: agentSession })).json();
    expect(account).toMatchObject({
      displayName: 'Mary Ann Doe',
      customerClass: 'RESIDENTIAL',
      status: 'PROSPECT',
      billProfile: expect.objectContaining({ code: 'BUS-NET30' }),
      billMethod: 'PRINT',
      createdBy: 'API key Dealer CRM',
      salesPerson: null,
      contacts: [{ firstName: 'Mary Ann', lastName: 'Doe', email: 'mary.doe@example.com', phone: '4065550171', mobile: '4065550172', isPrimary: true }],
    });
    expect(account.addresses.map((a: { kind: string; line1: string }) => `${a.kind} ${a.line1}`)).toEqual(['SERVICE 12 Larch Lane', 'BILLING PO Box 88', 'LISTING 12 Larch Lane']);
    // Customers > Search finds it by its phone and email, as any account.
    const search = await t.request({ method: 'GET', url: '/api/customers?q=406-555-0172&limit=5', session: agentSession });
    expect(search.json().map((c: { id: string }) => c.id)).toContain(mary.id);

    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, mary.id)));
    expect(entry).toMatchObject({ action: 'create', actorUserId: null, actorLabel: 'API key Dealer CRM' });
    expect(entry?.changes.status).toEqual({ from: null, to: 'PROSPECT' });
    expect(entry?.changes.engagedParty).toEqual({ from: null, to: 'Individual crm-person-42' });
  });

  it('should change a customer by merge patch: name, contact media replaced, bill method; LineDesk-owned values only as they are', async () => {
    const before = await created({
      name: 'Pat Quinlan',
      engagedParty: { '@referredType': 'Individual', id: 'crm-pat' },
      contactMedium: [
        { mediumType: 'email', characteristic: { emailAddress: 'pat@example.org' } },
        { mediumType: 'postalAddress', characteristic: { street1: '9 Birch Road', city: 'Butte', stateOrProvince: 'MT', postCode: '59701' } },
      ],
    });
    const patch = await api({
      method: 'PATCH',
      url: `${BASE}/${before.id}`,
      contentType: 'application/merge-patch+json',
      payload: {
        name: 'Patricia Quinlan',
        status: 'prospect',
        characteristic: [
          { name: 'billMethod', value: 'BOTH' },
          { name: 'accountNumber', value: characteristicOf(before, 'accountNumber') },
        ],
        contactMedium: [
          { mediumType: 'phone', characteristic: { phoneNumber: '406-555-0190' } },
          { mediumType: 'postalAddress', characteristic: { contactType: 'serviceAddress', street1: '14 Aspen Court', street2: 'Unit 2', city: 'Missoula', stateOrProvince: 'MT', postCode: '59801' } },
        ],
      },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = patch.json() as Customer;
    expect(after).toMatchObject({ id: before.id, name: 'Patricia Quinlan', status: 'prospect' });
    expect(characteristicOf(after, 'billMethod')).toBe('BOTH');
    // The list replaced the email with a phone; the billing address follows the new service address.
    expect(after.contactMedium).toEqual([
      { mediumType: 'phone', characteristic: { contactType: 'phone', phoneNumber: '+14065550190' } },
      { mediumType: 'postalAddress', characteristic: { contactType: 'serviceAddress', street1: '14 Aspen Court', street2: 'Unit 2', city: 'Missoula', stateOrProvince: 'MT', postCode: '59801', country: 'US' } },
      { mediumType: 'postalAddress', characteristic: { contactType: 'billingAddress', street1: '14 Aspen Court', street2: 'Unit 2', city: 'Missoula', stateOrProvince: 'MT', postCode: '59801', country: 'US' } },
    ]);
    const account = (await t.request({ method: 'GET', url: `/api/customers/${before.id}`, session: agentSession })).json();
    expect(account.contacts).toMatchObject([{ firstName: 'Patricia', lastName: 'Quinlan', email: null, phone: '4065550190' }]);
    expect(account.addresses.find((a: { kind: string }) => a.kind === 'LISTING')).toMatchObject({ line1: '14 Aspen Court', city: 'Missoula' });
    // Lookup keys follow: the old email no longer finds it, the new phone does.
    const keys = await t.database.db.select().from(customerMatchKeys).where(eq(customerMatchKeys.customerId, before.id));
    expect(keys.map((k) => `${k.kind}:${k.value}`).sort()).toEqual(['ADDRESS:14 ASPEN CT|UNIT 2|59801', 'PHONE:4065550190', 'ZIP:59801']);

    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, before.id), eq(auditLog.action, 'update')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorLabel: 'API key Dealer CRM' });
    expect(entries[0]?.changes).toMatchObject({
      displayName: { from: 'Pat Quinlan', to: 'Patricia Quinlan' },
      billMethod: { from: 'EMAIL', to: 'BOTH' },
      email: { from: 'pat@example.org', to: null },
      serviceAddress: { from: '9 Birch Road, Butte, MT 59701', to: '14 Aspen Court Unit 2, Missoula, MT 59801' },
    });

    // The same values again change nothing and write no audit entry.
    const again = await api({ method: 'PATCH', url: `${BASE}/${before.id}`, payload: { name: 'Patricia Quinlan', characteristic: [{ name: 'billMethod', value: 'BOTH' }] } });
    expect(again.statusCode).toBe(200);
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, before.id), eq(auditLog.action, 'update')))).toHaveLength(1);

    // What LineDesk decides is refused when different, naming each field.
    const refused = await api({
      method: 'PATCH',
      url: `${BASE}/${before.id}`,
      payload: {
        status: 'approved',
        engagedParty: { id: 'crm-pat', '@referredType': 'Organization' },
        characteristic: [
          { name: 'accountNumber', value: 'ACC-999999' },
          { name: 'customerClass', value: 'BUSINESS' },
        ],
        contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'pat@example.org' } }],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.status', rule: 'read_only' }),
        expect.objectContaining({ field: 'body.engagedParty.@referredType', rule: 'read_only' }),
        expect.objectContaining({ field: 'body.characteristic.accountNumber', rule: 'read_only' }),
        expect.objectContaining({ field: 'body.characteristic.customerClass', rule: 'read_only' }),
        expect.objectContaining({ field: 'body.contactMedium', rule: 'service_address_required' }),
      ]),
    );
    expect((await api({ url: `${BASE}/${before.id}` })).json()).toEqual(after);

    // null (merge patch) clears the email and phones; the addresses stay.
    const cleared = await api({ method: 'PATCH', url: `${BASE}/${before.id}`, contentType: 'application/merge-patch+json', payload: { contactMedium: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((cleared.json() as Customer).contactMedium.map((m) => m.characteristic.contactType)).toEqual(['serviceAddress', 'billingAddress']);

    // A prospect may change carrier; an unknown one is refused.
    const carrier = await api({ method: 'PATCH', url: `${BASE}/${before.id}`, payload: { characteristic: [{ name: 'carrier', value: 'BSW' }] } });
    expect(carrier.statusCode, carrier.body).toBe(200);
    expect(characteristicOf(carrier.json(), 'carrier')).toBe('BSW');
    const badCarrier = await api({ method: 'PATCH', url: `${BASE}/${before.id}`, payload: { characteristic: [{ name: 'carrier', value: 'NOPE' }] } });
    expect(badCarrier.statusCode).toBe(400);
    expect(fieldsOf(badCarrier)).toEqual([expect.objectContaining({ field: 'body.characteristic.carrier', rule: 'unknown' })]);

    expect((await api({ method: 'PATCH', url: `${BASE}/${UNKNOWN_ID}`, payload: { name: 'Nobody' } })).statusCode).toBe(404);
  });

  it('should page, filter and project the list with the count headers', async () => {
    const tag = `batch-${Date.now()}`;
    const made: Customer[] = [];
    for (const name of ['Alder Cafe', 'Birch Bakery', 'Cedar Cycles']) made.push(await created({ name, engagedParty: { '@referredType': 'Organization', id: tag } }));

    const all = await api({ url: `${BASE}?engagedParty.id=${tag}` });
    expect(all.statusCode).toBe(200);
    expect(all.headers['x-total-count']).toBe('3');
    expect(all.headers['x-result-count']).toBe('3');
    // Newest first.
    expect((all.json() as Customer[]).map((c) => c.name)).toEqual(['Cedar Cycles', 'Birch Bakery', 'Alder Cafe']);

    const page = await api({ url: `${BASE}?engagedParty.id=${tag}&offset=1&limit=1&fields=name,status` });
    expect(page.headers['x-total-count']).toBe('3');
    expect(page.headers['x-result-count']).toBe('1');
    expect(page.json()).toEqual([{ id: made[1]!.id, href: made[1]!.href, '@type': 'Customer', name: 'Birch Bakery', status: 'prospect' }]);

    const past = await api({ url: `${BASE}?engagedParty.id=${tag}&offset=10` });
    expect(past.json()).toEqual([]);
    expect(past.headers['x-total-count']).toBe('3');

    const prospects = await api({ url: `${BASE}?engagedParty.id=${tag}&status=prospect&name=Birch%20Bakery` });
    expect((prospects.json() as Customer[]).map((c) => c.id)).toEqual([made[1]!.id]);
    expect((await api({ url: `${BASE}?engagedParty.id=${tag}&status=approved` })).json()).toEqual([]);

    const badStatus = await api({ url: `${BASE}?status=open` });
    expect(badStatus.statusCode).toBe(400);
    expect(fieldsOf(badStatus)).toEqual([expect.objectContaining({ field: 'query.status', rule: 'option' })]);
    const unknownFilter = await api({ url: `${BASE}?colour=blue` });
    expect(unknownFilter.statusCode).toBe(400);
    expect(fieldsOf(unknownFilter)).toEqual([expect.objectContaining({ field: 'query.colour', rule: 'unknown_filter' })]);
    const badId = await api({ url: `${BASE}?id=500` });
    expect(fieldsOf(badId)).toEqual([expect.objectContaining({ field: 'query.id', rule: 'uuid' })]);
    const badLimit = await api({ url: `${BASE}?limit=0` });
    expect(fieldsOf(badLimit)).toEqual([expect.objectContaining({ field: 'query.limit', rule: 'min' })]);
  });

  it('should refuse a bad body naming each field, and a missing carrier when no default is set', async () => {
    const bad = await api({
      method: 'POST',
      url: BASE,
      payload: {
        name: ' ',
        engagedParty: { id: '7', '@referredType': 'Alien' },
        contactMedium: [
          { mediumType: 'phone', characteristic: { phoneNumber: '555-1234' } },
          { mediumType: 'postalAddress', characteristic: { street1: 'PO Box 12', city: 'Helena', stateOrProvince: 'ZZ', postCode: '5960' } },
          { mediumType: 'fax', characteristic: { faxNumber: '4065550100' } },
        ],
        characteristic: [
          { name: 'billMethod', value: 'CARRIER_PIGEON' },
          { name: 'favouriteColour', value: 'blue' },
        ],
        creditProfile: [{ creditScore: 700 }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED', status: '400' });
    expect(fieldsOf(bad).map((f) => `${f.field} ${f.rule}`)).toEqual(
      expect.arrayContaining([
        'body.name too_small',
        'body.engagedParty.@referredType invalid_value',
        'body.contactMedium.0.characteristic.phoneNumber phone_ten_digits',
        'body.contactMedium.1.characteristic.street1 no_po_box',
        'body.contactMedium.1.characteristic.stateOrProvince state',
        'body.contactMedium.1.characteristic.postCode zip',
        'body.contactMedium.2.mediumType invalid_value',
        'body.characteristic.billMethod option',
        'body.characteristic.1.name unknown_characteristic',
      ]),
    );
    expect(bad.json().message).toContain('body.name');

    // Attributes of the spec LineDesk does not keep are refused, not dropped.
    const unsupported = await api({ method: 'POST', url: BASE, payload: { name: 'Acme', engagedParty: { id: '9', '@referredType': 'Organization' }, creditProfile: [{ creditRiskRating: 3 }] } });
    expect(fieldsOf(unsupported).map((f) => `${f.field} ${f.rule}`)).toEqual(['body.creditProfile not_supported']);

    const missing = await api({ method: 'POST', url: BASE, payload: { engagedParty: { id: '7', '@referredType': 'Individual' } } });
    expect(fieldsOf(missing)).toEqual([expect.objectContaining({ field: 'body.name' })]);
    const notJson = await t.app.inject({ method: 'POST', url: BASE, payload: '{"name":', headers: { host: 'linedesk.test', authorization: `Bearer ${agentKey}`, 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(fieldsOf(notJson)).toEqual([expect.objectContaining({ field: 'body', rule: 'json' })]);

    const unknownCodes = await api({
      method: 'POST',
      url: BASE,
      payload: { name: 'Nowhere Ltd', engagedParty: { id: '8', '@referredType': 'Organization' }, characteristic: [{ name: 'carrier', value: 'XYZ' }, { name: 'billProfile', value: 'GOLD' }] },
    });
    expect(unknownCodes.statusCode).toBe(400);
    expect(fieldsOf(unknownCodes)).toEqual([
      expect.objectContaining({ field: 'body.characteristic.carrier', rule: 'unknown' }),
      expect.objectContaining({ field: 'body.characteristic.billProfile', rule: 'unknown' }),
    ]);
    const readOnly = await api({ method: 'POST', url: BASE, payload: { name: 'Acme', engagedParty: { id: '9', '@referredType': 'Organization' }, characteristic: [{ name: 'accountNumber', value: 'ACC-1' }, { name: 'customerClass', value: 'RESIDENTIAL' }] } });
    expect(fieldsOf(readOnly).map((f) => `${f.field} ${f.rule}`)).toEqual(['body.characteristic.accountNumber read_only']);
    const mismatch = await api({ method: 'POST', url: BASE, payload: { name: 'Acme', engagedParty: { id: '9', '@referredType': 'Organization' }, characteristic: [{ name: 'customerClass', value: 'RESIDENTIAL' }] } });
    expect(fieldsOf(mismatch).map((f) => `${f.field} ${f.rule}`)).toEqual(['body.characteristic.customerClass mismatch']);

    const before = await t.database.db.select({ id: customers.id }).from(customers);
    await writeSetting(t.database.db, API_CUSTOMER_DEFAULTS_SETTING, {});
    try {
      const noDefaults = await api({ method: 'POST', url: BASE, payload: { name: 'Moon Football Club', engagedParty: { '@referredType': 'Organization', id: '500' } } });
      expect(noDefaults.statusCode).toBe(400);
      expect(fieldsOf(noDefaults)).toEqual([
        expect.objectContaining({ field: 'body.characteristic.carrier', rule: 'required' }),
        expect.objectContaining({ field: 'body.characteristic.billProfile', rule: 'required' }),
        expect.objectContaining({ field: 'body.characteristic.billMethod', rule: 'required' }),
      ]);
      // Naming the carrier is enough: its default bill profile and that profile's bill method follow.
      const named = await created({ name: 'Comet Club', engagedParty: { '@referredType': 'Organization', id: '501' }, characteristic: [{ name: 'carrier', value: 'BSW' }] });
      expect([characteristicOf(named, 'carrier'), characteristicOf(named, 'billProfile'), characteristicOf(named, 'billMethod')]).toEqual(['BSW', 'RES-STD', 'EMAIL']);
    } finally {
      await writeSetting(t.database.db, API_CUSTOMER_DEFAULTS_SETTING, demoApiCustomerDefaults());
    }
    // Nothing refused was written.
    expect((await t.database.db.select({ id: customers.id }).from(customers)).length).toBe(before.length + 1);
  });

  it('should delete a prospect with its contacts, addresses and lookup keys, and refuse an account with an order', async () => {
    const prospect = await created({
      name: 'Dale Ephemeral',
      engagedParty: { '@referredType': 'Individual', id: 'crm-dale' },
      contactMedium: [
        { mediumType: 'email', characteristic: { emailAddress: 'dale@example.org' } },
        { mediumType: 'postalAddress', characteristic: { street1: '3 Elm Street', city: 'Bozeman', stateOrProvince: 'MT', postCode: '59715' } },
      ],
    });
    expect((await api({ method: 'DELETE', url: `${BASE}/${prospect.id}`, key: viewerKey })).statusCode).toBe(403);
    const deleted = await api({ method: 'DELETE', url: `${BASE}/${prospect.id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');
    expect((await api({ url: `${BASE}/${prospect.id}` })).statusCode).toBe(404);
    const db = t.database.db;
    expect(await db.select().from(customerContacts).where(eq(customerContacts.customerId, prospect.id))).toEqual([]);
    expect(await db.select().from(customerAddresses).where(eq(customerAddresses.customerId, prospect.id))).toEqual([]);
    expect(await db.select().from(customerMatchKeys).where(eq(customerMatchKeys.customerId, prospect.id))).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, prospect.id), eq(auditLog.action, 'delete')));
    expect(entry).toMatchObject({ entityType: 'customer', actorLabel: 'API key Dealer CRM' });
    expect(entry?.changes.displayName).toEqual({ from: 'Dale Ephemeral', to: null });
    expect((await api({ method: 'DELETE', url: `${BASE}/${prospect.id}` })).statusCode).toBe(404);

    // An account made in the wizard, with its order: shown as its own party, and never deleted.
    const order = await createWizardOrder(t, agentSession, agent.id);
    const shown = (await api({ url: `${BASE}/${order.customerId}` })).json() as Customer;
    expect(shown).toMatchObject({ status: 'pending', engagedParty: { id: order.customerId, '@referredType': 'Individual', name: shown.name } });
    expectToMatchTmfSpec(SPEC, 'Customer', shown);
    expect((await api({ url: `${BASE}?engagedParty.id=${order.customerId}` })).json()).toEqual([shown]);
    const refused = await api({ method: 'DELETE', url: `${BASE}/${order.customerId}` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ '@type': 'Error', code: 'RULE_VIOLATED', status: '422' });
    expect(refused.json().reason).toMatch(/has an order, so it cannot be deleted/);
    expect((await api({ url: `${BASE}/${order.customerId}` })).statusCode).toBe(200);
    // Nor does it change carrier: it has orders with its carrier.
    const carrier = await api({ method: 'PATCH', url: `${BASE}/${order.customerId}`, payload: { characteristic: [{ name: 'carrier', value: 'BSW' }] } });
    expect(fieldsOf(carrier)).toEqual([expect.objectContaining({ field: 'body.characteristic.carrier', rule: 'read_only' })]);
  });

  it('should answer a retried POST with the same Idempotency-Key with the same customer, once per caller', async () => {
    const payload = { name: 'Retry Rovers', engagedParty: { '@referredType': 'Organization', id: 'crm-retry' } };
    const key = 'c1f7a3a2-0d7e-4d4b-9a51-7f8f0a7e1b20';
    const first = await api({ method: 'POST', url: BASE, payload, headers: { 'idempotency-key': key } });
    const second = await api({ method: 'POST', url: BASE, payload, headers: { 'idempotency-key': key } });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const count = async () => (await t.database.db.select().from(customers).where(eq(customers.engagedPartyId, 'crm-retry'))).length;
    expect(await count()).toBe(1);

    const otherBody = await api({ method: 'POST', url: BASE, payload: { ...payload, name: 'Retry Rangers' }, headers: { 'idempotency-key': key } });
    expect(otherBody.statusCode).toBe(422);
    expect(fieldsOf(otherBody)).toEqual([expect.objectContaining({ field: 'headers.idempotency-key', rule: 'key_reused' })]);

    // Another integrator's key of the same value is its own.
    const other = await api({ method: 'POST', url: BASE, payload, key: otherKey, headers: { 'idempotency-key': key } });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    expect(await count()).toBe(2);

    const malformed = await api({ method: 'POST', url: BASE, payload, headers: { 'idempotency-key': 'short' } });
    expect(fieldsOf(malformed)).toEqual([expect.objectContaining({ field: 'headers.idempotency-key', rule: 'format' })]);

    // A deleted customer is not brought back by a retry.
    expect((await api({ method: 'DELETE', url: `${BASE}/${first.json().id}` })).statusCode).toBe(204);
    const afterDelete = await api({ method: 'POST', url: BASE, payload, headers: { 'idempotency-key': key } });
    expect(afterDelete.statusCode).toBe(409);
  });

  it('should let an admin set the API customer defaults, checked against the catalog and audited', async () => {
    const path = '/api/settings/api-customer-defaults';
    const current = await t.request({ method: 'GET', url: path, session: adminSession });
    expect(current.json()).toEqual({ carrierCode: 'NWM', billProfileCode: 'RES-STD', billMethod: 'EMAIL' });
    expect((await t.request({ method: 'PUT', url: path, session: agentSession, payload: { carrierCode: 'PCC', billProfileCode: null, billMethod: null } })).statusCode).toBe(403);
    const unknown = await t.request({ method: 'PUT', url: path, session: adminSession, payload: { carrierCode: 'XYZ', billProfileCode: 'GOLD', billMethod: null } });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown).map((f) => `${f.field} ${f.rule}`)).toEqual(['body.carrierCode unknown', 'body.billProfileCode unknown']);
    try {
      const saved = await t.request({ method: 'PUT', url: path, session: adminSession, payload: { carrierCode: 'pcc', billProfileCode: null, billMethod: null } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ carrierCode: 'PCC', billProfileCode: null, billMethod: null });
      const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'setting'), eq(auditLog.entityId, API_CUSTOMER_DEFAULTS_SETTING)));
      expect(entry).toMatchObject({ action: 'update', actorUserId: admin.id });
      expect(entry?.changes.carrierCode).toEqual({ from: 'NWM', to: 'PCC' });
      // The carrier's default bill profile and that profile's bill method fill the rest.
      const club = await created({ name: 'Pinecrest Rowing Club', engagedParty: { '@referredType': 'Organization', id: 'crm-rowing' } });
      expect([characteristicOf(club, 'carrier'), characteristicOf(club, 'billProfile'), characteristicOf(club, 'billMethod')]).toEqual(['PCC', 'BUS-NET30', 'BOTH']);
    } finally {
      await writeSetting(t.database.db, API_CUSTOMER_DEFAULTS_SETTING, demoApiCustomerDefaults());
    }
  });

  it('should let every role read, sellers change, and a signed-in agent create as themselves', async () => {
    const payload = { name: 'Viewer Attempt', engagedParty: { '@referredType': 'Individual', id: 'crm-viewer' } };
    const refused = await api({ method: 'POST', url: BASE, payload, key: viewerKey });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ '@type': 'Error', code: 'FORBIDDEN' });
    expect((await api({ url: BASE, key: viewerKey })).statusCode).toBe(200);
    const anyone = await api({ url: `${BASE}?limit=1`, key: viewerKey });
    expect(anyone.headers['x-result-count']).toBe('1');
    expect((await t.app.inject({ method: 'GET', url: BASE, headers: { host: 'linedesk.test' } })).statusCode).toBe(401);
    const someone = (anyone.json() as Customer[])[0]!;
    expect((await api({ method: 'PATCH', url: `${BASE}/${someone.id}`, payload: { name: 'Renamed By Viewer' }, key: viewerKey })).statusCode).toBe(403);

    const bySession = await t.request({ method: 'POST', url: BASE, session: agentSession, payload: { name: 'Walk In', engagedParty: { '@referredType': 'Individual', id: 'crm-walk-in' } } });
    expect(bySession.statusCode, bySession.body).toBe(201);
    const account = (await t.request({ method: 'GET', url: `/api/customers/${bySession.json().id}`, session: agentSession })).json();
    expect(account).toMatchObject({ createdBy: 'Aggie Agent', salesPerson: { id: agent.id, name: 'Aggie Agent' } });
  });
});
