import type { TCreateOrderResult, TCustomerAccount, TWizardDraft } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../test/test-app.js';
import { FINAL, NAMES, NEW_LINE, PORT_LINE, START, loadDemoCatalog, profileFor, wizardClient } from '../../test/wizard-fixture.js';
import { selectRows } from '../db/client.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { stampCatalogVersion } from '../modules/catalog/catalog-version.js';
import { addStockItems } from '../modules/inventory/use-cases/add-stock-items.js';

describe('Create Order from the wizard', () => {
  let t: TestApp;
  let agent: TestUser;
  let wizard: ReturnType<typeof wizardClient>;
  let adminSession: string;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoCatalog(t);
    agent = await t.createUser('agent', { name: 'Alex Agent' });
    wizard = wizardClient(t, await t.sessionFor(agent));
    adminSession = await t.sessionFor(await t.createUser('admin'));
  });
  afterAll(async () => t.close());

  const FIRST = ['Ingrid', 'Oswaldo', 'Priya', 'Tadeusz', 'Xiomara', 'Bartholomew', 'Keiko', 'Lwazi', 'Mireille', 'Rasmus', 'Yevgenia', 'Cormac', 'Anouk', 'Hamid'];
  const LAST = ['Abernathy', 'Kowalczyk', 'Nakamura', 'Okonkwo', 'Villanueva', 'Fairweather', 'Lindqvist', 'Brzezinski', 'Delacroix', 'Mbeki', 'Thorsdottir', 'Quisenberry', 'Yamamoto', 'Ferreira'];
  /** A customer nobody else in this file shares a phone, email, name, address, SSN or ported number with. */
  const uniqueCustomer = () => {
    serial += 1;
    const tail = String(10 + serial).padStart(2, '0');
    const [firstName, lastName] = [FIRST[serial % FIRST.length]!, LAST[(serial * 5) % LAST.length]!];
    return {
      start: { ...START, contacts: [{ contactType: 'PRIMARY' as const, firstName, lastName, phone: `(406) 555-01${tail}`, email: `${firstName}.${serial}@example.net`.toLowerCase() }] },
      names: { ...NAMES, firstName, lastName, serviceAddress: { line1: `${serial} Unique Way`, city: 'Helena', state: 'MT', zip: '59601' } },
      profile: { ssn: `123-45-${String(1000 + serial)}`, billEmail: `${firstName}.${serial}@example.net`.toLowerCase() },
      portLine: { ...PORT_LINE, portIn: { ...PORT_LINE.portIn!, number: `(503) 555-01${tail}` } },
    };
  };
  const count = async (table: string, where = 'true') =>
    Number((await selectRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n);

  it('should create the account, its order and lines in one step and land on the account page', async () => {
    const draft = await wizard.completeDraft(agent.id, uniqueCustomer());
    const response = await wizard.call('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null });
    expect(response.status).toBe(201);
    const result: TCreateOrderResult = response.body;
    expect(result).toMatchObject({ accountNumber: expect.stringMatching(/^ACC-\d{6}$/), orderNumber: expect.stringMatching(/^ORD-\d{6}$/), created: true });

    const account: TCustomerAccount = await wizard.ok('GET', `/api/customers/${result.customerId}`);
    expect(account).toMatchObject({
      accountNumber: result.accountNumber,
      displayName: `${draft.names!.firstName} ${draft.names!.lastName}`,
      status: 'PENDING',
      customerClass: 'RESIDENTIAL',
      createdBy: 'Alex Agent',
      billProfile: { code: 'RES-STD', name: 'Residential Standard' },
      salesPerson: { id: agent.id, name: 'Alex Agent' },
      ssn: { isSet: true, hint: `•••-••-${draft.profile!.ssn.hint!.slice(-4)}` },
      securityPin: { isSet: true, hint: null },
    });
    expect(account.addresses.map((a) => a.kind)).toEqual(['SERVICE', 'BILLING', 'LISTING']);
    expect(account.addresses[2]).toMatchObject({ listingType: 'NON_PUBLISHED', line1: draft.names!.serviceAddress.line1 });
    expect(account.paymentMethods).toEqual([expect.objectContaining({ method: 'INVOICE', description: 'Invoice' })]);
    expect(account.orders).toEqual([expect.objectContaining({ orderNumber: result.orderNumber, orderType: 'CONVERSION', status: 'PENDING', carrierName: 'Northwind Mobile', lineCount: 2, createdBy: 'Alex Agent' })]);
    expect(account.lines.map((l) => [l.status, l.number, l.isPortIn, l.packageName, l.userName])).toEqual([
      ['PENDING', null, false, draft.lines[0]!.package.name, 'Dana'],
      ['PENDING', draft.lines[1]!.portIn!.number, true, draft.lines[1]!.package.name, 'Sam'],
    ]);
    expect(account.lines[0]!.monthlyCents).toBe(draft.lines[0]!.charges.monthlyCents);

    const submitted: TWizardDraft = await wizard.ok('GET', `/api/wizard/drafts/${draft.id}`);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', result: { orderNumber: result.orderNumber } });
    expect((await wizard.call('PUT', `/api/wizard/drafts/${draft.id}/final`, FINAL)).status).toBe(409);
    const audit = await selectRows<{ entity_type: string; action: string }>(
      t.database.db,
      sql`select entity_type, action from audit_log where entity_id in (${result.customerId}, ${result.orderId}) order by id`,
    );
    expect(audit).toEqual([
      { entity_type: 'customer', action: 'create' },
      { entity_type: 'order', action: 'create' },
    ]);
    expect(await count('audit_log', `entity_type = 'line' and action = 'create' and changes::text like '%${result.orderNumber}%'`)).toBe(2);
    expect(await dbHas('customers', '123456789')).toBe(false);
  });

  const dbHas = async (table: string, text: string) => JSON.stringify(await selectRows(t.database.db, sql.raw(`select * from ${table}`))).includes(text);

  it('should make exactly one account and order from a double click, a retry and a second tab', async () => {
    const draft = await wizard.completeDraft(agent.id, uniqueCustomer());
    const url = `/api/wizard/drafts/${draft.id}/create-order`;
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => wizard.call('POST', url, { duplicateAcknowledgement: null })));
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const retry = await wizard.call('POST', url, { duplicateAcknowledgement: null });
    expect(new Set([...concurrent, retry].map((r) => r.body.orderId)).size).toBe(1);
    expect(retry.body).toMatchObject({ created: false, accountNumber: concurrent[0]!.body.accountNumber });
    expect(await count('orders', `draft_id = '${draft.id}'`)).toBe(1);
    expect(await count('customers', `id = '${retry.body.customerId}'`)).toBe(1);
  });

  it('should keep a line as it was sold when the catalog changes later', async () => {
    const draft = await wizard.completeDraft(agent.id, uniqueCustomer());
    const result: TCreateOrderResult = await wizard.ok('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null });
    const snapshot = async () =>
      selectRows<{ product_code: string; name: string; unit_monthly_cents: number; monthly_cents: number; one_time_cents: number }>(
        t.database.db,
        sql`select p.product_code, p.name, p.unit_monthly_cents, p.monthly_cents, p.one_time_cents from line_products p join lines l on l.id = p.line_id
            where l.order_id = ${result.orderId} order by l.position, p.position`,
      );
    const lineTotals = async () => selectRows(t.database.db, sql`select monthly_cents, one_time_cents, package_monthly_cents, ld_rates from lines where order_id = ${result.orderId} order by position`);
    const [before, totalsBefore] = [await snapshot(), await lineTotals()];
    expect(before.find((p) => p.product_code === 'NWMACT')).toMatchObject({ one_time_cents: 1000 });

    const admin = (method: 'GET' | 'PUT', url: string, payload?: object, headers?: Record<string, string>) =>
      t.request({ method, url, session: adminSession, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
    const product = (await admin('GET', '/api/catalog/products?search=NWMACT')).json()[0];
    const { id, createdAt: _c, updatedAt, ...productInput } = product;
    expect((await admin('PUT', `/api/catalog/products/${id}`, { ...productInput, name: 'Activation (new name)', oneTimeCents: 3500 }, { 'if-match': updatedAt })).statusCode).toBe(200);
    const pkg = (await admin('GET', '/api/catalog/packages?search=NWM-UNL-ESS')).json()[0];
    const { id: packageId, createdAt: _pc, updatedAt: packageUpdatedAt, ...packageInput } = pkg;
    expect((await admin('PUT', `/api/catalog/packages/${packageId}`, { ...packageInput, monthlyCents: pkg.monthlyCents + 999 }, { 'if-match': packageUpdatedAt })).statusCode).toBe(200);

    expect(await snapshot()).toEqual(before);
    expect(await lineTotals()).toEqual(totalsBefore);
    const account: TCustomerAccount = await wizard.ok('GET', `/api/customers/${result.customerId}`);
    expect(account.lines[0]!.monthlyCents).toBe(draft.lines[0]!.charges.monthlyCents);
  });

  it('should ask for an acknowledged reason before creating an exact duplicate, and audit it', async () => {
    const person = uniqueCustomer();
    const first = await wizard.completeDraft(agent.id, person);
    const original: TCreateOrderResult = await wizard.ok('POST', `/api/wizard/drafts/${first.id}/create-order`, { duplicateAcknowledgement: null });

    const again = await wizard.completeDraft(agent.id, person);
    const candidates = await wizard.ok('GET', `/api/wizard/drafts/${again.id}/duplicates`);
    expect(candidates[0]).toMatchObject({ customerId: original.customerId, accountNumber: original.accountNumber, level: 'EXACT' });
    expect(candidates[0].reasons.map((r: { reason: string }) => r.reason).sort()).toEqual(
      ['SAME_EMAIL', 'SAME_PHONE', 'SAME_SERVICE_ADDRESS', 'SAME_TAX_ID_SIMILAR_NAME', 'SIMILAR_NAME_SAME_ZIP'].sort(),
    );
    const refused = await wizard.call('POST', `/api/wizard/drafts/${again.id}/create-order`, { duplicateAcknowledgement: null });
    expect(refused.status).toBe(422);
    expect(refused.body.fields[0]).toMatchObject({ field: 'body.duplicateAcknowledgement', rule: 'acknowledge_duplicate' });
    expect(refused.body.reason).toContain(original.accountNumber);
    expect(await count('orders', `draft_id = '${again.id}'`)).toBe(0);

    const reason = 'Spouse opening a second account with the same details';
    const accepted = await wizard.call('POST', `/api/wizard/drafts/${again.id}/create-order`, { duplicateAcknowledgement: { reason } });
    expect(accepted.status).toBe(201);
    const [ack] = await selectRows<{ changes: { candidates: { to: string[] }; reason: { to: string } } }>(
      t.database.db,
      sql`select changes from audit_log where entity_id = ${accepted.body.orderId} and action = 'acknowledge_duplicate'`,
    );
    expect(ack!.changes.candidates.to).toEqual([original.accountNumber]);
    expect(ack!.changes.reason.to).toBe(reason);
  });

  it('should take the next account number unless one was chosen by hand, skipping a number someone chose', async () => {
    const [sequence] = await selectRows<{ last_value: string | number; is_called: boolean }>(t.database.db, sql`select last_value, is_called from customer_account_number_seq`);
    const next = Number(sequence!.last_value) + (sequence!.is_called ? 1 : 0);
    const [first, second] = [uniqueCustomer(), uniqueCustomer()];
    const parent = await wizard.completeDraft(agent.id, { ...first, profile: { ...first.profile, accountNumber: `acc-${next}`, accountType: 'PARENT' } });
    const chosen: TCreateOrderResult = await wizard.ok('POST', `/api/wizard/drafts/${parent.id}/create-order`, { duplicateAcknowledgement: null });
    expect(chosen.accountNumber).toBe(`ACC-${next}`);

    const child = await wizard.completeDraft(agent.id, { ...second, profile: { ...second.profile, accountType: 'CHILD', parentAccountNumber: chosen.accountNumber.toLowerCase() } });
    const generated: TCreateOrderResult = await wizard.ok('POST', `/api/wizard/drafts/${child.id}/create-order`, { duplicateAcknowledgement: null });
    expect(generated.accountNumber).toBe(`ACC-${next + 1}`);
    const account: TCustomerAccount = await wizard.ok('GET', `/api/customers/${generated.customerId}`);
    expect(account).toMatchObject({ accountType: 'CHILD', parentAccount: { id: chosen.customerId, accountNumber: chosen.accountNumber } });
    expect(account.contacts).toHaveLength(1);
    expect(await count('customer_match_keys', `customer_id = '${generated.customerId}' and kind = 'MDN'`)).toBe(1);
  });

  it('should refuse a package no longer sold, also when another process changed the catalog', async () => {
    const [before, draft] = [await wizard.completeDraft(agent.id, uniqueCustomer()), await wizard.completeDraft(agent.id, uniqueCustomer())];
    expect((await wizard.call('POST', `/api/wizard/drafts/${before.id}/create-order`, { duplicateAcknowledgement: null })).status).toBe(201);
    // As the import command or another server would: the catalog and its version change, this process's cache is not told.
    const setSold = async (isActive: boolean) => {
      await t.database.db.execute(sql`update packages set is_active = ${isActive} where code = ${NEW_LINE.packageCode}`);
      await stampCatalogVersion(t.database.db);
    };
    await setSold(false);
    try {
      const refused = await wizard.call('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null });
      expect(refused.status).toBe(400);
      // Both lines are on that package.
      expect(refused.body.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`)).toEqual(['lines.0.packageCode:offered', 'lines.1.packageCode:offered']);
      expect(await count('orders', `draft_id = '${draft.id}'`)).toBe(0);
    } finally {
      await setSold(true);
    }
    expect((await wizard.call('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null })).status).toBe(201);
  });

  it('should show a household (same service address only) without blocking Create Order', async () => {
    const person = uniqueCustomer();
    const first = await wizard.completeDraft(agent.id, person);
    await wizard.ok('POST', `/api/wizard/drafts/${first.id}/create-order`, { duplicateAcknowledgement: null });
    const neighbour = uniqueCustomer();
    const draft = await wizard.completeDraft(agent.id, { ...neighbour, names: { ...neighbour.names, serviceAddress: person.names.serviceAddress } });
    const candidates = await wizard.ok('GET', `/api/wizard/drafts/${draft.id}/duplicates`);
    expect(candidates).toEqual([expect.objectContaining({ level: 'HOUSEHOLD', reasons: [expect.objectContaining({ reason: 'SAME_SERVICE_ADDRESS' })] })]);
    expect((await wizard.call('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null })).status).toBe(201);
  });

  it('should check duplicates live from what is typed on the first step', async () => {
    const person = uniqueCustomer();
    const first = await wizard.completeDraft(agent.id, person);
    const created: TCreateOrderResult = await wizard.ok('POST', `/api/wizard/drafts/${first.id}/create-order`, { duplicateAcknowledgement: null });
    const byPhone = await wizard.ok('POST', '/api/customers/duplicates', { names: ['Someone Else'], phones: [person.start.contacts[0]!.phone] });
    // The phone alone points at one customer: worth a look, not proof.
    expect(byPhone).toEqual([expect.objectContaining({ accountNumber: created.accountNumber, level: 'LIKELY', reasons: [expect.objectContaining({ reason: 'SAME_PHONE' })] })]);
    const byNameAtZip = await wizard.ok('POST', '/api/customers/duplicates', { names: [`${person.names.firstName} ${person.names.lastName}`], zip: '59601' });
    expect(byNameAtZip.map((c: { accountNumber: string }) => c.accountNumber)).toContain(created.accountNumber);
    const nobody = await wizard.ok('POST', '/api/customers/duplicates', { names: ['Totally Different Person'], zip: '59601' });
    expect(nobody).toEqual([]);
  });

  it('should refuse an incomplete draft, naming the steps left, and a Conversion order without a port-in line', async () => {
    const draft = await wizard.newDraft();
    await wizard.ok('PUT', `/api/wizard/drafts/${draft.id}/start`, uniqueCustomer().start);
    const incomplete = await wizard.call('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields.map((f: { field: string }) => f.field)).toEqual(['steps.profile', 'steps.names', 'steps.lines', 'steps.final']);

    const noPort = await wizard.completeDraft(agent.id, uniqueCustomer());
    await wizard.ok('DELETE', `/api/wizard/drafts/${noPort.id}/lines/${noPort.lines[1]!.id}`);
    const refused = await wizard.call('POST', `/api/wizard/drafts/${noPort.id}/create-order`, { duplicateAcknowledgement: null });
    expect(refused.status).toBe(422);
    expect(refused.body.fields[0]).toMatchObject({ field: 'lines', rule: 'port_in_needed' });
  });

  it('should find accounts by account number, name, phone, email, service address and MDN', async () => {
    const person = uniqueCustomer();
    const draft = await wizard.completeDraft(agent.id, person);
    const created: TCreateOrderResult = await wizard.ok('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null });
    const search = async (q: string) => (await wizard.ok('GET', `/api/customers?q=${encodeURIComponent(q)}`)) as { id: string; matchedOn: string }[];
    for (const [q, matchedOn] of [
      [created.accountNumber.toLowerCase(), 'Account number'],
      [person.start.contacts[0]!.phone!, 'Phone'],
      [person.start.contacts[0]!.email!.toUpperCase(), 'Email'],
      [person.names.lastName!.toLowerCase(), 'Name'],
      [person.names.serviceAddress.line1, 'Service address'],
    ] as const) {
      const found = await search(q);
      expect(found.find((c) => c.id === created.customerId), q).toMatchObject({ matchedOn });
    }
    const byMdn = await search(person.portLine.portIn.number);
    expect(byMdn.map((c) => c.id)).toContain(created.customerId);
    expect(byMdn.find((c) => c.id === created.customerId)!.matchedOn).toBe('MDN');
    const short = await wizard.call('GET', '/api/customers?q=a');
    expect(short.body.fields[0]).toMatchObject({ field: 'query.q' });
  });

  it('should expire a draft left alone, and list only open ones', async () => {
    const draft = await wizard.newDraft();
    expect((await wizard.ok('GET', '/api/wizard/drafts')).map((d: { id: string }) => d.id)).toContain(draft.id);
    expect(new Date(draft.expiresAt).getTime() - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000);
    await t.database.db.execute(sql`update wizard_drafts set expires_at = now() - interval '1 minute' where id = ${draft.id}`);
    const gone = await wizard.call('GET', `/api/wizard/drafts/${draft.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.reason).toMatch(/expired/);
    expect((await wizard.ok('GET', '/api/wizard/drafts')).map((d: { id: string }) => d.id)).not.toContain(draft.id);
    expect((await wizard.call('PUT', `/api/wizard/drafts/${draft.id}/start`, START)).status).toBe(404);
  });

  it('should apply the admin setting for which profile fields are required', async () => {
    const settings = (await t.request({ method: 'GET', url: '/api/wizard/profile-fields', session: adminSession })).json();
    expect(settings.website).toBe('optional');
    const denied = await wizard.call('PUT', '/api/wizard/profile-fields', { ...settings, website: 'required' });
    expect(denied.status).toBe(403);
    const saved = await t.request({ method: 'PUT', url: '/api/wizard/profile-fields', session: adminSession, payload: { ...settings, website: 'required', securityPin: 'hidden' } });
    expect(saved.statusCode).toBe(200);
    try {
      const draft = await wizard.completeDraft(agent.id, uniqueCustomer()).catch((error: Error) => error);
      expect(String(draft)).toContain('body.website');
      const fresh = await wizard.newDraft();
      await wizard.ok('PUT', `/api/wizard/drafts/${fresh.id}/start`, uniqueCustomer().start);
      const withSite: TWizardDraft = await wizard.ok('PUT', `/api/wizard/drafts/${fresh.id}/profile`, { ...profileFor(agent.id), website: 'https://whitfield.example' });
      // A hidden field keeps nothing, even when sent.
      expect(withSite.profile?.securityPin).toEqual({ isSet: false, hint: null });
    } finally {
      await t.request({ method: 'PUT', url: '/api/wizard/profile-fields', session: adminSession, payload: settings });
    }
  });

  it('should fill city and state from a ZIP code offline', async () => {
    expect(await wizard.ok('GET', '/api/reference/zip/62704')).toEqual({ zip: '62704', city: 'Springfield', state: 'IL' });
    const unknown = await wizard.call('GET', '/api/reference/zip/00000');
    expect(unknown.status).toBe(404);
    expect((await wizard.call('GET', '/api/reference/zip/6270')).body.fields[0]).toMatchObject({ field: 'params.zip' });
  });

  it('should refuse every wizard change to a viewer', async () => {
    const viewer = wizardClient(t, await t.sessionFor(await t.createUser('viewer')));
    expect((await viewer.call('POST', '/api/wizard/drafts', {})).status).toBe(403);
    expect((await viewer.call('GET', '/api/customers?q=zed')).status).toBe(200);
  });

  it('should keep the port-out PIN sealed on the order line', async () => {
    const draft = await wizard.completeDraft(agent.id, uniqueCustomer());
    const created: TCreateOrderResult = await wizard.ok('POST', `/api/wizard/drafts/${draft.id}/create-order`, { duplicateAcknowledgement: null });
    const [line] = await selectRows<{ port_in: { pinSealed: string; number: string } }>(t.database.db, sql`select port_in from lines where order_id = ${created.orderId} and port_in is not null`);
    expect(line!.port_in.number).toBe(draft.lines[1]!.portIn!.number);
    expect(t.secrets.open(line!.port_in.pinSealed)).toBe(PORT_LINE.portIn!.pin);
    expect(JSON.stringify(line)).not.toContain('"4417"');
  });

  it('should reserve stock scanned in the wizard and make the order Ready when every line has its device and SIM', async () => {
    await t.database.db.transaction((tx) =>
      addStockItems(tx, SYSTEM_ACTOR, [
        { kind: 'DEVICE', carrierCode: 'NWM', make: 'Aurora', model: 'Aurora X5', identifiers: ['35-209900-176148-1'] },
        { kind: 'SIM', carrierCode: 'NWM', identifiers: ['89014103211118510720'] },
        { kind: 'SIM', carrierCode: 'NWM', identifiers: ['8901260000077001010'] },
        { kind: 'SIM', carrierCode: 'BSW', identifiers: ['8901480000033002015'] },
      ]),
    );
    const lookup = await wizard.ok('GET', '/api/inventory/lookup?value=IMEI:%2035%20209900%20176148%201');
    expect(lookup).toMatchObject({ kind: 'IMEI', value: '352099001761481', stock: { status: 'AVAILABLE', carrierCode: 'NWM', make: 'Aurora', model: 'Aurora X5' } });
    expect((await wizard.call('GET', '/api/inventory/lookup?value=12345')).body.fields[0]).toMatchObject({ field: 'query.value' });

    const draft = await wizard.completeDraft(agent.id, uniqueCustomer());
    const base = `/api/wizard/drafts/${draft.id}`;
    const [newLine, portLine] = draft.lines;
    // Line 1 from stock (IMEI and ICCID); line 2 brings its own phone (not in stock) and takes a SIM from stock.
    await wizard.ok('PUT', `${base}/lines/${newLine!.id}`, { ...NEW_LINE, identifiers: ['352099001761481', '89014103211118510720'] });
    await wizard.ok('PUT', `${base}/lines/${portLine!.id}`, { ...PORT_LINE, portIn: { ...PORT_LINE.portIn!, number: draft.lines[1]!.portIn!.number }, identifiers: ['490154203237518', '8901260000077001010'] });
    const created: TCreateOrderResult = await wizard.ok('POST', `${base}/create-order`, { duplicateAcknowledgement: null });
    const account: TCustomerAccount = await wizard.ok('GET', `/api/customers/${created.customerId}`);
    expect(account.orders[0]!.status).toBe('READY');
    const items = await selectRows<{ status: string; order_id: string; value: string }>(
      t.database.db,
      sql`select i.status, i.order_id, v.value from inventory_items i join inventory_identifiers v on v.item_id = i.id where i.order_id = ${created.orderId} order by v.value`,
    );
    expect(items).toEqual([
      { status: 'RESERVED', order_id: created.orderId, value: '352099001761481' },
      { status: 'RESERVED', order_id: created.orderId, value: '8901260000077001010' },
      { status: 'RESERVED', order_id: created.orderId, value: '89014103211118510720' },
    ]);

    // The same SIM again, a SIM of another carrier, and a stock device that does not exist: each refused by name, nothing created.
    const second = await wizard.completeDraft(agent.id, uniqueCustomer());
    await wizard.ok('PUT', `/api/wizard/drafts/${second.id}/lines/${second.lines[0]!.id}`, { ...NEW_LINE, identifiers: ['356938035643809', '89014103211118510720'] });
    await wizard.ok('PUT', `/api/wizard/drafts/${second.id}/lines/${second.lines[1]!.id}`, { ...PORT_LINE, portIn: { ...PORT_LINE.portIn!, number: second.lines[1]!.portIn!.number }, identifiers: ['8901480000033002015'] });
    const refused = await wizard.call('POST', `/api/wizard/drafts/${second.id}/create-order`, { duplicateAcknowledgement: null });
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`)).toEqual([
      'lines.0.identifiers.0:not_in_stock',
      'lines.0.identifiers.1:not_available',
      'lines.1.identifiers.0:other_carrier',
    ]);
    expect(await count('orders', `draft_id = '${second.id}'`)).toBe(0);
    expect(await count('inventory_items', `status = 'RESERVED' and order_id is distinct from '${created.orderId}'`)).toBe(0);
  });
});
