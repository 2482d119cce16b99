import type { TWizardDraft } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/test-app.js';
import { FINAL, NAMES, NEW_LINE, PORT_LINE, START, loadDemoCatalog, profileFor, wizardClient } from '../../../test/wizard-fixture.js';
import { selectRows } from '../../db/client.js';

describe('the New Customer Wizard API', () => {
  let t: TestApp;
  let agent: TestUser;
  let admin: TestUser;
  let wizard: ReturnType<typeof wizardClient>;
  let adminWizard: ReturnType<typeof wizardClient>;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'error' });
    await loadDemoCatalog(t);
    agent = await t.createUser('agent', { name: 'Alex Agent' });
    admin = await t.createUser('admin');
    wizard = wizardClient(t, await t.sessionFor(agent));
    adminWizard = wizardClient(t, await t.sessionFor(admin));
  });
  afterAll(async () => t.close());

  const dbText = async (table: string) =>
    JSON.stringify(await selectRows(t.database.db, sql.raw(`select * from ${table}`)));

  it('should save each step, decide completion on the server and price the lines from their snapshots', async () => {
    const draft = await wizard.newDraft();
    expect(draft).toMatchObject({ status: 'OPEN', nextStep: 'start', completion: { start: false }, createdBy: { name: 'Alex Agent' } });
    const base = `/api/wizard/drafts/${draft.id}`;

    const afterStart: TWizardDraft = await wizard.ok('PUT', `${base}/start`, START);
    expect(afterStart).toMatchObject({ nextStep: 'profile', carrierName: 'Northwind Mobile', title: 'Dana Whitfield' });
    expect(afterStart.start?.contacts[0]?.phone).toBe('3125550142');

    await wizard.ok('PUT', `${base}/profile`, profileFor(agent.id));
    const afterNames: TWizardDraft = await wizard.ok('PUT', `${base}/names`, NAMES);
    expect(afterNames.nextStep).toBe('lines');

    const withNew: TWizardDraft = await wizard.ok('POST', `${base}/lines`, NEW_LINE);
    const line = withNew.lines[0]!;
    // Unlimited Essentials 5G: $50 plan priced in the package at $0 + $45 package price? The package carries the price.
    expect(line.package).toMatchObject({ code: 'NWM-UNL-ESS', name: expect.any(String) });
    expect(line.products.map((p) => p.productCode)).toEqual(['NWMESS5G', 'NWMVOWIFI', 'NWMRCF', 'NWMACT']);
    expect(line.products.find((p) => p.productCode === 'NWMACT')).toMatchObject({ oneTimeCents: 1000, monthlyCents: 0 });
    expect(line.charges.monthlyCents).toBe(line.package.monthlyCents + line.products.reduce((s, p) => s + p.monthlyCents, 0));
    expect(line.charges.oneTimeCents).toBe(line.package.activationFeeCents + 1000);
    expect(line.ldRates?.planCode).toBe('LD-NA');

    const withPort: TWizardDraft = await wizard.ok('POST', `${base}/lines`, PORT_LINE);
    expect(withPort.lines[1]!.portIn).toMatchObject({ number: '2175550199', pin: { isSet: true } });
    expect(withPort.lines[1]!.products.map((p) => p.productCode)).not.toContain('NWMACT');

    const final: TWizardDraft = await wizard.ok('PUT', `${base}/final`, { ...FINAL, options: { ...FINAL.options, depositCents: 5000 } });
    expect(final.completion).toEqual({ start: true, profile: true, names: true, lines: true, final: true });
    const monthly = final.lines.reduce((s, l) => s + l.charges.monthlyCents, 0);
    const oneTime = final.lines.reduce((s, l) => s + l.charges.oneTimeCents, 0);
    expect(final.charges).toEqual({ monthlyCents: monthly, oneTimeCents: oneTime, depositCents: 5000, firstMonthCents: monthly, dueTodayCents: oneTime + monthly + 5000 });
  });

  it('should resume a draft with every step as saved, secrets masked and sealed at rest', async () => {
    const draft = await wizard.completeDraft(agent.id);
    const resumed: TWizardDraft = await wizard.ok('GET', `/api/wizard/drafts/${draft.id}`);
    expect(resumed.profile).toMatchObject({ ssn: { isSet: true, hint: '•••-••-6789' }, securityPin: { isSet: true, hint: '••••' }, billEmail: 'dana.whitfield@example.com' });
    expect(resumed.names?.serviceAddress.line1).toBe('742 Evergreen Terrace');
    expect(resumed.lines).toHaveLength(2);
    // Ids and instants are left out: a random UUID may hold "8264" by chance.
    const body = JSON.stringify(resumed).replace(/"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"|"\d{4}-\d{2}-\d{2}T[\d:.]+Z"/g, '""');
    expect(body).toContain('Dana Whitfield');
    for (const secret of ['123456789', '123-45-6789', '8264', '4417']) expect(body).not.toContain(secret);
    const stored = await dbText('wizard_drafts');
    for (const secret of ['123456789', '"8264"', '"4417"']) expect(stored).not.toContain(secret);

    const listed = await wizard.ok('GET', '/api/wizard/drafts');
    expect(listed.find((d: { id: string }) => d.id === draft.id)).toMatchObject({ title: 'Dana Whitfield', lineCount: 2, carrierName: 'Northwind Mobile' });
  });

  it('should keep a stored secret when the profile is saved again without it, and clear it with null', async () => {
    const draft = await wizard.completeDraft(agent.id);
    const { ssn: _ssn, ...withoutSsn } = profileFor(agent.id);
    const kept: TWizardDraft = await wizard.ok('PUT', `/api/wizard/drafts/${draft.id}/profile`, withoutSsn);
    expect(kept.profile?.ssn).toEqual({ isSet: true, hint: '•••-••-6789' });
    const cleared: TWizardDraft = await wizard.ok('PUT', `/api/wizard/drafts/${draft.id}/profile`, { ...withoutSsn, ssn: null });
    expect(cleared.profile?.ssn).toEqual({ isSet: false, hint: null });
  });

  it.each([
    ['profile', { securityPin: '1234' }, 'body.securityPin', 'pin_sequence'],
    ['profile', { securityPin: '7777' }, 'body.securityPin', 'pin_repeated'],
    ['profile', { billEmail: null }, 'body.billEmail', 'email_for_email_bills'],
    ['profile', { dateOfBirth: '2015-01-01' }, 'body.dateOfBirth', 'dob_adult'],
    ['profile', { accountType: 'CHILD' }, 'body.parentAccountNumber', 'parent_for_child'],
    ['profile', { customerClass: 'BUSINESS' }, 'body.ssn', 'ssn_residential_only'],
    ['profile', { billProfileCode: 'NOPE' }, 'body.billProfileCode', 'exists'],
    ['names', { serviceAddress: { line1: 'PO Box 114', city: 'Springfield', state: 'IL', zip: '62704' } }, 'body.serviceAddress.line1', 'no_po_box'],
    ['names', { serviceAddress: { line1: '1 Main St', city: 'Springfield', state: 'XX', zip: '62704' } }, 'body.serviceAddress.state', 'custom'],
    ['names', { billingSameAsService: false }, 'body.billingAddress', 'required'],
  ])('should refuse a bad %s step and name the field (%s)', async (step, change, field, rule) => {
    const draft = await wizard.completeDraft(agent.id);
    const base = step === 'profile' ? profileFor(agent.id) : NAMES;
    const response = await wizard.call('PUT', `/api/wizard/drafts/${draft.id}/${step}`, { ...base, ...change });
    expect(response.status).toBe(400);
    expect(response.body.fields).toContainEqual(expect.objectContaining({ field, rule }));
    const after: TWizardDraft = await wizard.ok('GET', `/api/wizard/drafts/${draft.id}`);
    expect(after.updatedAt).toBe(draft.updatedAt);
  });

  it.each([
    [{ areaCode: '911' }, 'body.areaCode', 'area_code'],
    [{ packageCode: 'NWM-TAB-10' }, 'body.packageCode', 'offered'],
    [{ products: [{ productCode: 'NWMVOWIFI', quantity: 1 }] }, 'body.products', 'required_product'],
    [{ products: [...NEW_LINE.products!, { productCode: 'BSWINTL', quantity: 1 }] }, 'body.products.4.productCode', 'not_offered'],
    [{ properties: { userName: '' } }, 'body.properties.userName', 'required'],
    [{ identifiers: ['490154203237519'] }, 'body.identifiers.0', 'imei_check_digit'],
    [{ products: [{ productCode: 'NWMESS5G', quantity: 1, unitMonthlyOverrideCents: 100 }, ...NEW_LINE.products!.slice(1)] }, 'body.products.0.unitMonthlyOverrideCents', 'override_not_allowed'],
  ])('should refuse a line that breaks the catalog, naming the field: %j', async (change, field, rule) => {
    const draft = await wizard.completeDraft(agent.id);
    const response = await wizard.call('POST', `/api/wizard/drafts/${draft.id}/lines`, { ...NEW_LINE, ...change });
    expect(response.status).toBe(400);
    expect(response.body.fields).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('should refuse a port-in line on a New order and a bad number to port', async () => {
    const draft = await wizard.newDraft();
    const base = `/api/wizard/drafts/${draft.id}`;
    await wizard.ok('PUT', `${base}/start`, { ...START, orderType: 'NEW' });
    const onNew = await wizard.call('POST', `${base}/lines`, PORT_LINE);
    expect(onNew.body.fields).toContainEqual(expect.objectContaining({ field: 'body.orderType', rule: 'conversion_order' }));
    await wizard.ok('PUT', `${base}/start`, START);
    const badNumber = await wizard.call('POST', `${base}/lines`, { ...PORT_LINE, portIn: { ...PORT_LINE.portIn, number: '123-555-0199' } });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.fields[0].field).toBe('body.portIn.number');
  });

  it('should let an admin override a product price and keep the override on the line', async () => {
    const draft = await adminWizard.completeDraft(admin.id);
    const products = [{ productCode: 'NWMESS5G', quantity: 1, unitMonthlyOverrideCents: 2500 }, ...NEW_LINE.products!.slice(1)];
    const saved: TWizardDraft = await adminWizard.ok('PUT', `/api/wizard/drafts/${draft.id}/lines/${draft.lines[0]!.id}`, { ...NEW_LINE, products });
    expect(saved.lines[0]!.products[0]).toMatchObject({ unitMonthlyCents: 2500, monthlyCents: 2500, isPriceOverridden: true });
  });

  it('should copy a line without its identifiers and delete lines', async () => {
    const draft = await wizard.completeDraft(agent.id);
    const base = `/api/wizard/drafts/${draft.id}`;
    const withImei: TWizardDraft = await wizard.ok('PUT', `${base}/lines/${draft.lines[0]!.id}`, { ...NEW_LINE, identifiers: ['490154203237518'] });
    expect(withImei.lines[0]!.identifiers).toEqual([{ kind: 'IMEI', value: '490154203237518', display: expect.any(String) }]);
    const copied: TWizardDraft = await wizard.ok('POST', `${base}/lines/${draft.lines[0]!.id}/copy`);
    expect(copied.lines).toHaveLength(3);
    expect(copied.lines[1]).toMatchObject({ package: { code: 'NWM-UNL-ESS' }, identifiers: [] });
    expect(copied.lines[1]!.id).not.toBe(copied.lines[0]!.id);
    expect((await wizard.call('POST', `${base}/lines/${draft.lines[1]!.id}/copy`)).status).toBe(422);
    const deleted: TWizardDraft = await wizard.ok('DELETE', `${base}/lines/${copied.lines[1]!.id}`);
    expect(deleted.lines.map((l) => l.id)).toEqual([draft.lines[0]!.id, draft.lines[1]!.id]);
  });

  it('should tokenize a card through the test gateway, refuse a declined one, and never keep the number', async () => {
    const draft = await wizard.completeDraft(agent.id);
    const url = `/api/wizard/drafts/${draft.id}/payment-card`;
    const card = { number: '4000 0000 0000 0002', expMonth: 12, expYear: 2030, cvv: '123', nameOnCard: 'Dana Whitfield', billingZip: '62704' };
    const declined = await wizard.call('POST', url, card);
    expect(declined.status).toBe(422);
    expect(declined.body.fields).toEqual([{ field: 'body.number', rule: 'card_declined', message: expect.stringMatching(/declined/) }]);
    expect(JSON.stringify(declined.body)).not.toContain('4000000000000002');
    expect(((await wizard.ok('GET', `/api/wizard/drafts/${draft.id}`)) as TWizardDraft).payment).toEqual({ method: 'INVOICE' });

    const expired = await wizard.call('POST', url, { ...card, number: '4242424242424242', expYear: 2020 });
    expect(expired.body.fields).toContainEqual(expect.objectContaining({ field: 'body.expMonth', rule: 'expired' }));

    const approved: TWizardDraft = await wizard.ok('POST', url, { ...card, number: '4242 4242 4242 4242', cvv: '987' });
    expect(approved.payment).toEqual({ method: 'CARD', brand: 'VISA', last4: '4242', expMonth: 12, expYear: 2030, nameOnCard: 'Dana Whitfield', billingZip: '62704' });
    const created = await wizard.ok('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: { reason: 'Test customer, same fixture as other tests' } });
    const account = await wizard.ok('GET', `/api/customers/${created.customerId}`);
    expect(account.paymentMethods).toEqual([expect.objectContaining({ method: 'CARD', description: 'Visa •••• 4242, expires 12/2030', isDefault: true })]);
    for (const table of ['wizard_drafts', 'payment_methods', 'audit_log', 'customers']) {
      const text = await dbText(table);
      expect(text).not.toContain('4242424242424242');
      expect(text).not.toContain('"987"');
    }
  });

  it('should check a bank account routing number and keep the account number sealed', async () => {
    const draft = await wizard.completeDraft(agent.id);
    const url = `/api/wizard/drafts/${draft.id}/final`;
    const bad = await wizard.call('PUT', url, { ...FINAL, payment: { method: 'BANK', nameOnAccount: 'Dana Whitfield', routingNumber: '011000016', accountNumber: '000123456789' } });
    expect(bad.body.fields).toContainEqual(expect.objectContaining({ field: 'body.payment.routingNumber', rule: 'checksum' }));
    const good: TWizardDraft = await wizard.ok('PUT', url, { ...FINAL, payment: { method: 'BANK', nameOnAccount: 'Dana Whitfield', routingNumber: '011000015', accountNumber: '000123456789' } });
    expect(good.payment).toMatchObject({ method: 'BANK', accountNumber: { isSet: true, hint: '••••6789' } });
    expect(await dbText('wizard_drafts')).not.toContain('000123456789');
  });
});
