import { formatCents, type WizardOrderType } from '@linedesk/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { chooseOption, signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';
import {
  callApi,
  chooseSegment,
  draftThroughTheApi,
  fillProfile,
  fillStart,
  focusedName,
  lineEditor,
  serviceAddress,
  stepButton,
  stepUrl,
  tabTo,
  typeCard,
  typeFields,
  typeLineType,
  typePackage,
  typeProfile,
  typeServiceAddress,
  typeStart,
  waitForStep,
} from './support/wizard.js';

type Draft = { id: string; payment: unknown; lines: unknown[]; result: { customerId: string; accountNumber: string; orderNumber: string } | null };
type Found = { id: string; accountNumber: string; displayName: string };
type Offer = { totals: { monthlyCents: number; oneTimeCents: number } };

// Demo stock for Northwind Mobile (apps/server/src/modules/inventory/demo-stock.ts).
const IMEI = '352099001761416';
const ICCID = '8901260000077001010';
const ACCOUNT_PAGE = /\/customers\/([0-9a-f-]{36})(\?created=ORD-\d+)?$/;

describe('the New Customer Wizard, end to end', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => callApi<T>(page, server.url, method, path, data);
  const draftOf = (page: Page, id: string) => api<Draft>(page, 'GET', `/api/wizard/drafts/${id}`);
  const customersFound = (page: Page, q: string) => api<Found[]>(page, 'GET', `/api/customers?q=${encodeURIComponent(q)}`);
  /** What a line with the package's own products costs, for this order type (the catalog's figures, not the page's). */
  const offerTotals = async (page: Page, orderType: WizardOrderType) =>
    (await api<Offer>(page, 'GET', `/api/catalog/wizard/offer?carrierCode=NWM&packageCode=NWM-UNL-ESS&orderType=${orderType}`)).totals;

  /** Opens Customers > Create New from the main navigation and waits for the first step. */
  async function openCreateNew(page: Page): Promise<string> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Create New', exact: true }).click();
    const draftId = await waitForStep(page, 'start');
    await page.getByRole('combobox', { name: 'Carrier', exact: true }).waitFor();
    return draftId;
  }

  /** Next on a step, then the next step's address. */
  async function next(page: Page, step: Parameters<typeof waitForStep>[1]) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await waitForStep(page, step);
  }

  /** The account page Create Order lands on: its Orders tab, and how many orders and lines it shows. */
  async function expectAccountPage(page: Page, expected: { name: string; accountNumber: string; lines: number }) {
    await page.waitForURL(ACCOUNT_PAGE);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(expected.name);
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toContain(expected.accountNumber);
    const orders = page.getByRole('table', { name: 'Orders' });
    // Arriving from Create Order opens the Orders tab: one order, Pending (a line has no SIM yet).
    await expect.poll(() => orders.getByRole('row').count()).toBe(2);
    const order = orders.getByRole('row').nth(1);
    expect(await order.textContent()).toContain('Pending');
    expect(await order.textContent()).toContain('Conversion');
    expect(await order.getByRole('cell').nth(4).textContent()).toBe(String(expected.lines));
    return { main, order };
  }

  it('should sign up a Conversion customer with a new line and a port-in, from Customers > Create New to the account page', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const draftId = await openCreateNew(page);

    // Step 1: carrier, order type and the primary contact.
    await fillStart(page, 'Conversion', { firstName: 'Dana', lastName: 'Whitfield', phone: '(217) 555-0142', email: 'dana.whitfield@example.com' });
    expect(await unlabelledInputs(page)).toEqual([]);
    await next(page, 'profile');
    await expect.poll(() => stepButton(page, 1).getAttribute('aria-label')).toContain('(complete)');

    // Step 2: Customer Profile. The bill email comes from the contact.
    await page.getByRole('form', { name: 'Customer Profile' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Bill email', exact: true }).inputValue()).toBe('dana.whitfield@example.com');
    await fillProfile(page, { pin: '4826', ssn: '123-45-6789' });
    expect(await unlabelledInputs(page)).toEqual([]);
    await next(page, 'names');

    // Step 3: the name comes from the contact; the ZIP fills the city and state.
    expect(await page.getByRole('textbox', { name: 'First name', exact: true }).inputValue()).toBe('Dana');
    expect(await page.getByRole('textbox', { name: 'Last name', exact: true }).inputValue()).toBe('Whitfield');
    const address = serviceAddress(page);
    await address.street.fill('1200 S Spring St');
    await address.zip.pressSequentially('62704');
    await expect.poll(() => address.city.inputValue()).toBe('Springfield');
    await expect.poll(() => address.state.inputValue()).toMatch(/^IL\b/);
    expect(await unlabelledInputs(page)).toEqual([]);
    await next(page, 'lines');

    // Step 4, line 1: a new number beside the port-in, with its own catalog (an activation charge, no port-in credit).
    const newTotals = await offerTotals(page, 'NEW');
    const portTotals = await offerTotals(page, 'CONVERSION');
    let editor = lineEditor(page);
    await editor.waitFor();
    await chooseOption(page, editor, 'Line Type', 'Smartphone');
    const numberChoice = editor.getByRole('radiogroup', { name: 'Number', exact: true });
    // On a Conversion order a line starts as a port-in.
    expect(await numberChoice.getByRole('radio', { name: 'Port in a number' }).isChecked()).toBe(true);
    await chooseSegment(editor, 'Number', 'New number');
    await chooseOption(page, editor, 'Package', /^Unlimited Essentials ·/);
    const products = editor.getByRole('table', { name: 'Products' });
    await expect.poll(() => products.textContent()).toContain('Unlimited Essentials 5G');
    expect(await products.textContent()).toContain('New Line Activation Charge');
    expect(await products.textContent()).not.toContain('Port-In Credit');
    await expect.poll(() => editor.getByRole('region', { name: 'Long Distance Rates' }).textContent()).toContain('North America Calling');
    expect(await editor.getByRole('textbox', { name: 'Number to port' }).count()).toBe(0);
    await editor.getByRole('textbox', { name: 'Line user name', exact: true }).fill('Dana Whitfield');
    await editor.getByRole('textbox', { name: 'Area code for the new number', exact: true }).fill('312');
    await editor.getByRole('textbox', { name: 'IMEI', exact: true }).fill(IMEI);
    await editor.getByRole('textbox', { name: 'ICCID', exact: true }).fill(ICCID);
    expect(await unlabelledInputs(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByRole('table', { name: 'Saved lines' });
    await expect.poll(() => saved.getByRole('row').count()).toBe(3);
    // A Conversion order with no port-in cannot go on.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'A Conversion order ports at least one number' }).isVisible()).toBe(true);
    expect(stepUrl('lines').test(new URL(page.url()).pathname)).toBe(true);

    // Line 2: the number ported in, with the old account's details (its address comes from the service address).
    await page.getByRole('button', { name: 'Add line', exact: true }).click();
    editor = lineEditor(page);
    await editor.waitFor();
    await chooseOption(page, editor, 'Line Type', 'Smartphone');
    expect(await numberChoice.getByRole('radio', { name: 'Port in a number' }).isChecked()).toBe(true);
    await chooseOption(page, editor, 'Package', /^Unlimited Essentials ·/);
    await expect.poll(() => products.textContent()).toContain('Port-In Credit');
    expect(await products.textContent()).not.toContain('New Line Activation Charge');
    expect(await editor.getByRole('textbox', { name: 'Area code for the new number' }).count()).toBe(0);
    await editor.getByRole('textbox', { name: 'Line user name', exact: true }).fill('Sam Whitfield');
    await editor.getByRole('textbox', { name: 'Number to port', exact: true }).fill('(217) 555-0199');
    await editor.getByRole('textbox', { name: 'Current carrier', exact: true }).fill('Prairie Wireless');
    await editor.getByRole('textbox', { name: 'Account number', exact: true }).fill('55501234');
    await editor.getByLabel(/^PIN or password/).fill('9021');
    expect(await editor.getByRole('textbox', { name: 'Authorized signer', exact: true }).inputValue()).toBe('Dana Whitfield');
    expect(await editor.getByRole('textbox', { name: 'ZIP', exact: true }).inputValue()).toBe('62704');
    expect(await unlabelledInputs(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => saved.getByRole('row').count()).toBe(4);
    await expect.poll(() => editor.count()).toBe(0);

    // Both lines, each with its number, its charges, and the total.
    const [, line1, line2, total] = await saved.getByRole('row').all();
    const cells = async (row: typeof line1) => (await row!.getByRole('cell').allTextContents()).map((text) => text.trim());
    expect(await cells(line1)).toEqual(expect.arrayContaining(['New number, area code 312', formatCents(newTotals.monthlyCents), formatCents(newTotals.oneTimeCents)]));
    expect(await cells(line2)).toEqual(expect.arrayContaining(['Port-in (217) 555-0199', formatCents(portTotals.monthlyCents), formatCents(portTotals.oneTimeCents)]));
    expect(newTotals).not.toEqual(portTotals);
    expect(await total!.textContent()).toContain('Total for 2 lines');
    expect(await cells(total)).toEqual(
      expect.arrayContaining([`${formatCents(newTotals.monthlyCents + portTotals.monthlyCents)}/mo`, formatCents(newTotals.oneTimeCents + portTotals.oneTimeCents)]),
    );

    // Editing line 1 brings back its own order type; an unsaved switch to a port-in survives a reload, and can be discarded.
    await saved.getByRole('button', { name: 'Edit line 1' }).click();
    editor = lineEditor(page);
    await editor.waitFor();
    expect(await numberChoice.getByRole('radio', { name: 'New number' }).isChecked()).toBe(true);
    expect(await editor.getByRole('textbox', { name: 'Area code for the new number', exact: true }).inputValue()).toBe('312');
    await chooseSegment(editor, 'Number', 'Port in a number');
    // The line type and package stay (both are sold for port-ins); the products become the port-in offer's.
    await expect.poll(() => products.textContent()).toContain('Port-In Credit');
    expect(await editor.getByRole('combobox', { name: 'Package', exact: true }).inputValue()).toMatch(/^Unlimited Essentials ·/);
    await page.reload();
    editor = lineEditor(page);
    await editor.waitFor();
    expect(await editor.getByRole('heading', { name: 'Edit line 1' }).isVisible()).toBe(true);
    expect(await editor.getByText('Unsaved changes restored').isVisible()).toBe(true);
    expect(await numberChoice.getByRole('radio', { name: 'Port in a number' }).isChecked()).toBe(true);
    expect(await editor.getByRole('textbox', { name: 'Number to port', exact: true }).isVisible()).toBe(true);
    await editor.getByRole('button', { name: 'Discard them' }).click();
    await expect.poll(() => numberChoice.getByRole('radio', { name: 'New number' }).isChecked()).toBe(true);
    await editor.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => editor.count()).toBe(0);
    await next(page, 'final');

    // Step 5: Order Options as they come, Payment Details by card.
    await page.getByRole('form', { name: 'Order Options' }).waitFor();
    const card = page.getByRole('form', { name: 'Credit card' });
    await card.getByRole('textbox', { name: 'Card number', exact: true }).fill('4242 4242 4242 4242');
    await card.getByRole('textbox', { name: 'Exp. month', exact: true }).fill('12');
    await card.getByRole('textbox', { name: 'Exp. year', exact: true }).fill('2030');
    await card.getByLabel(/^CVV/).fill('123');
    expect(await card.getByRole('textbox', { name: 'Name on card', exact: true }).inputValue()).toBe('Dana Whitfield');
    expect(await unlabelledInputs(page)).toEqual([]);
    await card.getByRole('button', { name: 'Save card' }).click();
    const payment = page.getByRole('region', { name: 'Payment Details' });
    await expect.poll(() => payment.textContent()).toContain('Visa •••• 4242 exp 12/2030');
    expect(await payment.textContent()).toContain('Approved');
    await page.getByRole('button', { name: 'Create Order', exact: true }).click();

    // The account page: its number, Pending, both lines, one order.
    await page.waitForURL(ACCOUNT_PAGE);
    const { result } = await draftOf(page, draftId);
    expect(result).not.toBeNull();
    expect(new URL(page.url()).pathname).toBe(`/customers/${result!.customerId}`);
    const { main } = await expectAccountPage(page, { name: 'Dana Whitfield', accountNumber: result!.accountNumber, lines: 2 });
    expect(await main.textContent()).toContain('Pending');
    await page.getByRole('tab', { name: /^Lines/ }).click();
    const lines = page.getByRole('table', { name: 'Lines' });
    await expect.poll(() => lines.getByRole('row').count()).toBe(3);
    const linesText = (await lines.textContent()) ?? '';
    expect(linesText).toContain('Porting (217) 555-0199');
    expect(linesText).toContain('Not assigned yet');
    expect(linesText).toContain('Dana Whitfield');
    expect(linesText).toContain('Sam Whitfield');
    expect(linesText).toContain(result!.orderNumber);
    // The scanned device and SIM are held for this order.
    for (const value of [IMEI, ICCID]) {
      const found = await api<{ stock: { status: string } | null }>(page, 'GET', `/api/inventory/lookup?value=${value}`);
      expect(found.stock?.status).toBe('RESERVED');
    }
    await page.context().close();
  }, 120_000);

  it('should resume a draft after a reload on the same step, with the saved steps complete and the unsaved typing back', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const draftId = await openCreateNew(page);
    await fillStart(page, 'New', { firstName: 'Ravi', lastName: 'Castellano', phone: '(217) 555-0117', email: 'ravi.castellano@example.com' });
    await next(page, 'profile');
    await page.getByRole('form', { name: 'Customer Profile' }).waitFor();
    await fillProfile(page, { pin: '7359', ssn: '321-54-4321' });
    await next(page, 'names');

    // Part of step 3, not saved.
    const address = serviceAddress(page);
    await page.getByRole('textbox', { name: 'Middle name', exact: true }).fill('Tomas');
    await address.street.fill('88 Lincoln Park Ct');
    await address.zip.pressSequentially('62704');
    await expect.poll(() => address.city.inputValue()).toBe('Springfield');
    await page.reload();

    // The same draft and step; steps 1 and 2 complete; the typing back, and said so.
    expect(new URL(page.url()).pathname).toBe(`/customers/new/${draftId}/names`);
    await page.getByRole('form', { name: 'Name and Addresses' }).waitFor();
    expect(await stepButton(page, 1).getAttribute('aria-label')).toBe('Step 1: Carrier and Contact Information (complete)');
    expect(await stepButton(page, 2).getAttribute('aria-label')).toBe('Step 2: Customer Profile (complete)');
    expect(await stepButton(page, 3).getAttribute('aria-label')).toBe('Step 3: Name and Addresses (current step)');
    expect(await page.getByText('Your unsaved changes to this step were restored.').isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Middle name', exact: true }).inputValue()).toBe('Tomas');
    expect(await address.street.inputValue()).toBe('88 Lincoln Park Ct');
    expect(await address.zip.inputValue()).toBe('62704');
    expect(await address.city.inputValue()).toBe('Springfield');
    expect(await address.state.inputValue()).toMatch(/^IL\b/);
    // Nothing of step 3 was saved on the server.
    expect(((await draftOf(page, draftId)) as Draft & { names: unknown }).names).toBeNull();

    // Back: step 2 as saved, its secrets kept and only hinted at.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await waitForStep(page, 'profile');
    const profile = page.getByRole('form', { name: 'Customer Profile' });
    await profile.waitFor();
    expect(await profile.getByRole('radiogroup', { name: 'Class', exact: true }).getByRole('radio', { name: 'Residential' }).isChecked()).toBe(true);
    expect(await profile.getByRole('radiogroup', { name: 'Bill Method', exact: true }).getByRole('radio', { name: 'Email' }).isChecked()).toBe(true);
    expect(await profile.getByRole('textbox', { name: 'Bill email', exact: true }).inputValue()).toBe('ravi.castellano@example.com');
    const profileText = (await profile.textContent()) ?? '';
    expect(profileText).toContain('•••-••-4321');
    expect(profileText).not.toContain('321-54-4321');
    expect(profileText).not.toContain('7359');
    expect(await page.getByLabel('SSN', { exact: true }).inputValue()).toBe('');
    expect(await unlabelledInputs(page)).toEqual([]);

    // And forward again: step 3's unsaved typing is still there.
    await stepButton(page, 3).click();
    await waitForStep(page, 'names');
    await expect.poll(() => serviceAddress(page).street.inputValue()).toBe('88 Lincoln Park Ct');
    await page.context().close();
  }, 90_000);

  it('should show a planted duplicate on step 1 and the final page, and create the order only once a reason is given', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const morgan = { firstName: 'Morgan', lastName: 'Ellis', phone: '(309) 555-0177', email: 'morgan.ellis@example.com' };
    const planted = await draftThroughTheApi(
      page,
      server.url,
      { contact: morgan, street: '401 W Main St', zip: '61602', city: 'Peoria', state: 'IL', portNumber: '(309) 555-0178' },
      'order',
    );
    const existing = planted.result!;

    // Step 1: the same phone and email as the existing customer: the notice beside the step names it and why.
    const draftId = await openCreateNew(page);
    await fillStart(page, 'Conversion', morgan);
    const notice = page.getByRole('status').filter({ hasText: 'This may be an existing customer' });
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain(existing.accountNumber);
    const noticeText = (await notice.textContent()) ?? '';
    expect(noticeText).toContain('Same phone: (309) 555-0177');
    expect(noticeText).toContain('Same email: morgan.ellis@example.com');
    expect(noticeText).toContain('Exact');
    await next(page, 'profile');

    // The rest of this draft through the API (steps 2 to 4 and the card), then its final page.
    await draftThroughTheApi(
      page,
      server.url,
      { contact: morgan, street: '77 Sheridan Rd', zip: '61604', city: 'Peoria', state: 'IL', portNumber: '(309) 555-0179' },
      'final',
      draftId,
    );
    await page.goto(`${server.url}/customers/new/${draftId}/final`);
    await waitForStep(page, 'final');

    const duplicates = page.getByRole('table', { name: 'Duplicate Customers' });
    await expect.poll(() => duplicates.textContent()).toContain(existing.accountNumber);
    const row = duplicates.getByRole('row').filter({ hasText: existing.accountNumber });
    expect(await row.textContent()).toContain('Morgan Ellis');
    expect(await row.textContent()).toContain('Exact');
    expect(await row.textContent()).toContain('Same phone');
    expect(await row.textContent()).toContain('Same email');
    expect(await unlabelledInputs(page)).toEqual([]);

    // Refused in the page (nothing is sent) until there is a reason and the box is ticked.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/create-order')) sent.push(request.url());
    });
    const createOrder = page.getByRole('button', { name: 'Create Order', exact: true });
    const reason = page.getByRole('textbox', { name: 'Reason this is a new customer', exact: true });
    const confirmed = page.getByRole('checkbox', { name: 'I checked the exact matches above: this is a new customer' });
    const confirmMessage = page.getByText('Confirm you checked the exact matches', { exact: true });
    await createOrder.click();
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => confirmMessage.isVisible()).toBe(true);
    await reason.fill('Different person: Morgan Ellis junior, the son, shares the family phone and email.');
    await createOrder.click();
    await expect.poll(() => reason.getAttribute('aria-invalid')).not.toBe('true');
    expect(await confirmMessage.isVisible()).toBe(true);
    expect(sent).toEqual([]);
    expect(stepUrl('final').test(new URL(page.url()).pathname)).toBe(true);

    await confirmed.check();
    await createOrder.click();
    await page.waitForURL(ACCOUNT_PAGE);
    expect(sent).toHaveLength(1);
    const created = (await draftOf(page, draftId)).result!;
    expect(created.accountNumber).not.toBe(existing.accountNumber);
    await expectAccountPage(page, { name: 'Morgan Ellis', accountNumber: created.accountNumber, lines: 1 });
    const both = await customersFound(page, '3095550177');
    expect(both.map((found) => found.accountNumber).sort()).toEqual([existing.accountNumber, created.accountNumber].sort());
    await page.context().close();
  }, 90_000);

  it('should list open drafts under Customers > Drafts, resume one at its next step and discard it', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const contact = { firstName: 'Wren', lastName: 'Castellanos', phone: '(406) 555-0177', email: 'wren.castellanos@example.com' };
    const { draftId } = await draftThroughTheApi(page, server.url, { contact, street: '88 Larch Ln', zip: '59601', city: 'Helena', state: 'MT', portNumber: '(406) 555-0178' }, 'lines');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts', exact: true }).click();
    const table = page.getByRole('table', { name: 'Open drafts' });
    const row = table.getByRole('row').filter({ hasText: 'Wren Castellanos' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Northwind Mobile');

    // Resume opens the draft where it stopped: its lines are saved, so the final page.
    await row.getByRole('link', { name: 'Resume Wren Castellanos' }).click();
    expect(await waitForStep(page, 'final')).toBe(draftId);

    await page.goBack();
    await row.getByRole('button', { name: 'Discard Wren Castellanos' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard this draft?' });
    await dialog.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const gone = await page.evaluate(async (url) => (await fetch(url)).status, `${server.url}/api/wizard/drafts/${draftId}`);
    expect(gone).toBe(404);
    await page.context().close();
  });

  it('should make one account and one order from a double click on Create Order', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const lena = { firstName: 'Lena', lastName: 'Park', phone: '(217) 555-0186', email: 'lena.park@example.com' };
    const { draftId } = await draftThroughTheApi(
      page,
      server.url,
      { contact: lena, street: '9 S Cook St', zip: '62704', city: 'Springfield', state: 'IL', portNumber: '(217) 555-0187' },
      'final',
    );
    await page.goto(`${server.url}/customers/new/${draftId}/final`);
    await waitForStep(page, 'final');
    await expect.poll(() => page.getByRole('region', { name: 'Payment Details' }).textContent()).toContain('Visa •••• 4242');

    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/create-order')) sent.push(request.url());
    });
    // A double click at its fastest: both clicks in one frame, before the button can show it is busy.
    const createOrder = page.getByRole('button', { name: 'Create Order', exact: true });
    await createOrder.evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await page.waitForURL(ACCOUNT_PAGE);
    const created = (await draftOf(page, draftId)).result!;
    await expectAccountPage(page, { name: 'Lena Park', accountNumber: created.accountNumber, lines: 1 });
    expect(sent).toHaveLength(1);
    const found = await customersFound(page, '2175550186');
    expect(found.map((customer) => customer.accountNumber)).toEqual([created.accountNumber]);

    // A retry (a resend, a second tab) gets the same account and order back, and the draft says what it became.
    const retry = await api<{ created: boolean; customerId: string; orderNumber: string }>(page, 'POST', `/api/wizard/drafts/${draftId}/create-order`, {});
    expect(retry).toMatchObject({ created: false, customerId: created.customerId, orderNumber: created.orderNumber });
    expect(await customersFound(page, '2175550186')).toHaveLength(1);
    await page.goto(`${server.url}/customers/new/${draftId}/final`);
    await expect.poll(() => page.getByText('This customer has been created').isVisible()).toBe(true);
    expect(await page.getByRole('main').textContent()).toContain(`Account ${created.accountNumber} and order ${created.orderNumber} were created from this draft.`);
    await page.context().close();
  }, 60_000);

  it('should say a declined card is declined, set no payment, and never show the card number back', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const noor = { firstName: 'Noor', lastName: 'Haddad', phone: '(217) 555-0191', email: 'noor.haddad@example.com' };
    const { draftId } = await draftThroughTheApi(
      page,
      server.url,
      { contact: noor, street: '310 E Adams St', zip: '62701', city: 'Springfield', state: 'IL', portNumber: '(217) 555-0192' },
      'lines',
    );
    await page.goto(`${server.url}/customers/new/${draftId}/final`);
    await waitForStep(page, 'final');

    const card = page.getByRole('form', { name: 'Credit card' });
    const number = card.getByRole('textbox', { name: 'Card number', exact: true });
    await number.fill('4000 0000 0000 0002');
    await card.getByRole('textbox', { name: 'Exp. month', exact: true }).fill('12');
    await card.getByRole('textbox', { name: 'Exp. year', exact: true }).fill('2030');
    await card.getByLabel(/^CVV/).fill('123');
    await card.getByRole('button', { name: 'Save card' }).click();

    // The message is on the card number, and says declined.
    await expect.poll(() => number.getAttribute('aria-invalid')).toBe('true');
    const message = await number.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(message).toMatch(/declined/i);
    expect(await page.getByText('Card approved').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Payment Details' }).getByText('Approved', { exact: true }).count()).toBe(0);
    expect((await draftOf(page, draftId)).payment).toBeNull();

    // The number is nowhere but in the input it was typed into: not in the page's text, other inputs or the tab's storage.
    const cardNumber = /4000[\s-]?0000[\s-]?0000[\s-]?0002/;
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(cardNumber);
    const elsewhere = await number.evaluate((typedInto) =>
      [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].filter((input) => input !== typedInto).map((input) => input.value),
    );
    expect(elsewhere.join('\n')).not.toMatch(cardNumber);
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored.replace(/\s/g, '')).not.toContain('4000000000000002');

    // And Create Order sends nothing: it takes the agent back to the card number, still declined.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/create-order')) sent.push(request.url());
    });
    await page.getByRole('button', { name: 'Create Order', exact: true }).click();
    await expect.poll(() => focusedName(page)).toBe('Card number');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    expect(stepUrl('final').test(new URL(page.url()).pathname)).toBe(true);
    expect((await draftOf(page, draftId)).result).toBeNull();
    await page.context().close();
  }, 60_000);

  it('should go from Customers > Create New to the account page with the keyboard alone', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const keys = page.keyboard;

    // The main navigation's Create New, reached with Tab.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await tabTo(page, 'Create New');
    await keys.press('Enter');
    const draftId = await waitForStep(page, 'start');

    // Step 1: the Carrier box has focus; type to filter, arrow to the option, Enter. Then the order type with an arrow key.
    await typeStart(page, 'Conversion', { firstName: 'Kai', lastName: 'Okafor', phone: '(217) 555-0163', email: 'kai.okafor@example.com' });
    await keys.press('Enter');

    // Step 2: focus starts on the Class; the secrets are typed, Enter goes on.
    await typeProfile(page, { ssn: '123-45-9876', pin: '5937' });
    await keys.press('Enter');

    // Step 3: the name is filled from the contact; the ZIP fills the city.
    await typeServiceAddress(page, { street: '55 Kerr Ln', zip: '62704', city: 'Springfield' });
    expect(await page.getByRole('textbox', { name: 'First name', exact: true }).inputValue()).toBe('Kai');
    await keys.press('Enter');

    // Step 4: Line Type, then the Number choice with the arrow keys, the Package, the port-in, Enter saves.
    const editor = await typeLineType(page);
    await tabTo(page, 'Port in a number', { max: 3 });
    await keys.press('ArrowRight');
    await expect.poll(() => editor.getByRole('textbox', { name: 'Area code for the new number', exact: true }).isVisible()).toBe(true);
    expect(await focusedName(page)).toBe('New number');
    await keys.press('ArrowLeft');
    await expect.poll(() => editor.getByRole('textbox', { name: 'Number to port', exact: true }).isVisible()).toBe(true);
    await typePackage(page, editor);
    await expect.poll(() => editor.getByRole('table', { name: 'Products' }).textContent()).toContain('Port-In Credit');
    await typeFields(page, [
      ['Line user name', 'Kai Okafor'],
      ['Number to port', '(217) 555-0164'],
      ['Current carrier', 'Old Wireless'],
      ['Account number', '99887766'],
      ['PIN or password', '1357'],
    ]);
    await keys.press('Enter');
    const saved = page.getByRole('table', { name: 'Saved lines' });
    await expect.poll(() => saved.textContent()).toContain('Port-in (217) 555-0164');
    await tabTo(page, 'Next');
    await keys.press('Enter');

    // Step 5: the card, Enter saves it; then Create Order.
    await waitForStep(page, 'final');
    await expect.poll(() => focusedName(page)).toBe('Requested due date');
    await typeCard(page);
    // The card form is gone; the agent's place is kept on the saved card's Replace button.
    await expect.poll(() => focusedName(page)).toBe('Replace');
    await tabTo(page, 'Create Order', { max: 80 });
    await keys.press('Enter');

    await page.waitForURL(ACCOUNT_PAGE);
    const created = (await draftOf(page, draftId)).result!;
    expect(new URL(page.url()).pathname).toBe(`/customers/${created.customerId}`);
    await expectAccountPage(page, { name: 'Kai Okafor', accountNumber: created.accountNumber, lines: 1 });
    await page.context().close();
  }, 120_000);
});
