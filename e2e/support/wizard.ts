import type { WizardStep } from '@linedesk/domain';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { chooseOption } from './pages.js';

/** A wizard step's address: `/customers/new/<draft id>/<step>`. */
export function stepUrl(step: WizardStep): RegExp {
  return new RegExp(`/customers/new/([0-9a-f-]{36})/${step}$`);
}

/** Waits until the wizard shows `step` and answers the draft's id (from the address). */
export async function waitForStep(page: Page, step: WizardStep): Promise<string> {
  await page.waitForURL(stepUrl(step));
  const id = stepUrl(step).exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`no draft id in ${page.url()}`);
  return id;
}

/** The button of a step in the step bar ("Step 2: Customer Profile (complete)"). */
export function stepButton(page: Page, index: number): Locator {
  return page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button', { name: new RegExp(`^Step ${index}: `) });
}

/** A call to the API from the signed-in page's context (its cookie, this site's Origin); throws on an error status. */
export async function callApi<T>(page: Page, baseUrl: string, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`${baseUrl}${path}`, { method, headers: { origin: baseUrl }, data });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

export type Contact = { firstName: string; lastName: string; phone: string; email: string };

/** Picks an option of the segmented control named `label` (its options are radios in a radio group). */
export async function chooseSegment(scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('radiogroup', { name: label, exact: true }).getByText(option, { exact: true }).click();
}

/** Step 1 with the mouse: Northwind Mobile, the order type, one primary contact; stays on the step. */
export async function fillStart(page: Page, orderType: 'New' | 'Conversion', contact: Contact) {
  await chooseOption(page, page, 'Carrier', 'Northwind Mobile');
  await page.getByRole('radio', { name: orderType, exact: true }).check();
  await page.getByRole('textbox', { name: 'First name', exact: true }).fill(contact.firstName);
  await page.getByRole('textbox', { name: 'Last name', exact: true }).fill(contact.lastName);
  await page.getByRole('textbox', { name: 'Phone', exact: true }).fill(contact.phone);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(contact.email);
}

/** Step 2 with the mouse: Residential, billed by email, a Security PIN and an SSN; stays on the step. */
export async function fillProfile(page: Page, secrets: { pin: string; ssn: string }) {
  await chooseSegment(page, 'Class', 'Residential');
  await chooseSegment(page, 'Bill Method', 'Email');
  await page.getByLabel('Security PIN', { exact: true }).fill(secrets.pin);
  await page.getByLabel('SSN', { exact: true }).fill(secrets.ssn);
}

/** The Service Address fields of step 3. */
export function serviceAddress(page: Page) {
  const region = page.getByRole('region', { name: 'Service Address' });
  return {
    region,
    street: region.getByRole('textbox', { name: 'Street address', exact: true }),
    zip: region.getByRole('textbox', { name: 'ZIP', exact: true }),
    city: region.getByRole('textbox', { name: 'City', exact: true }),
    state: region.getByRole('combobox', { name: 'State', exact: true }),
  };
}

/** The open line editor (the form named by its "Line n" / "Edit line n" heading). */
export function lineEditor(page: Page): Locator {
  return page.getByRole('form', { name: /^(Edit line|Line) \d+$/ });
}

/*
 * The wizard with the keyboard alone, step by step: each helper starts where the step puts the focus,
 * uses only keys (Tab to a field, type, arrows, Enter) and stays on the step, unless it says otherwise.
 */

/** Waits (up to 10 s: the page may be waiting for the server) until `read` gives what the assertion wants. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Tabs to each field by its name and types its value, in order. */
export async function typeFields(page: Page, fields: [name: string, value: string][]) {
  for (const [name, value] of fields) {
    await tabTo(page, name);
    await page.keyboard.type(value);
  }
}

/**
 * A combobox that has the focus: types to filter its options, arrows to the first one shown and
 * picks it with Enter, then waits for the box to hold `picked`. `option`: waits for that option to
 * show before the arrow (options that arrive from the server).
 */
export async function typeToPick(box: Locator, typed: string, picked: string | RegExp, option?: string | RegExp) {
  const page = box.page();
  await page.keyboard.type(typed);
  if (option) await page.getByRole('option', { name: option }).filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  const matches = (value: string) => (typeof picked === 'string' ? value === picked : picked.test(value));
  // The list may render again (options arriving from the server) between the arrow and Enter, which drops
  // the highlighted option; and Enter with none highlighted submits the form. So Enter only once an
  // option is highlighted, and arrow again if none is.
  const highlighted = page.locator('[role="option"][data-combobox-selected]').filter({ visible: true });
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    if ((await highlighted.count()) === 0) await page.keyboard.press('ArrowDown');
    const shown = await highlighted.first().waitFor({ timeout: 2000 }).then(() => true, () => false);
    if (!shown) continue;
    await page.keyboard.press('Enter');
    const picking = expect.poll(() => box.inputValue(), { timeout: 2000 }).toSatisfy(matches);
    if (await picking.then(() => true, () => false)) return;
  }
  if (typeof picked === 'string') await poll(() => box.inputValue()).toBe(picked);
  else await poll(() => box.inputValue()).toMatch(picked);
}

/** Step 1, its focus in the Carrier box: Northwind Mobile, the order type (New as it comes, or Conversion with an arrow), the primary contact. */
export async function typeStart(page: Page, orderType: 'New' | 'Conversion', contact: Contact) {
  const carrier = page.getByRole('combobox', { name: 'Carrier', exact: true });
  await carrier.waitFor();
  await poll(() => focusedName(page)).toBe('Carrier');
  // The carriers arrive from the server: wait until the filtered list shows the one to pick.
  await typeToPick(carrier, 'North', 'Northwind Mobile', 'Northwind Mobile');
  if (orderType === 'Conversion') {
    await tabTo(page, 'New');
    await page.keyboard.press('ArrowRight');
    await poll(() => page.getByRole('radio', { name: 'Conversion', exact: true }).isChecked()).toBe(true);
  } else {
    expect(await page.getByRole('radio', { name: 'New', exact: true }).isChecked()).toBe(true);
  }
  await typeFields(page, [
    ['First name', contact.firstName],
    ['Last name', contact.lastName],
    ['Phone', contact.phone],
    ['Email', contact.email],
  ]);
}

/** Step 2 once it shows, its focus on the Class (Residential as it comes): the SSN and Security PIN. */
export async function typeProfile(page: Page, secrets: { ssn: string; pin: string }) {
  await waitForStep(page, 'profile');
  await page.getByRole('form', { name: 'Customer Profile' }).waitFor();
  await poll(() => focusedName(page)).toBe('Residential');
  await typeFields(page, [
    ['SSN', secrets.ssn],
    ['Security PIN', secrets.pin],
  ]);
}

/** Step 3 once it shows, its focus on the First name (filled from the contact): the street and the ZIP, which fills the city. */
export async function typeServiceAddress(page: Page, address: { street: string; zip: string; city: string }) {
  await waitForStep(page, 'names');
  await poll(() => focusedName(page)).toBe('First name');
  await typeFields(page, [
    ['Street address', address.street],
    ['ZIP', address.zip],
  ]);
  await poll(() => serviceAddress(page).city.inputValue()).toBe(address.city);
}

/** Step 4 once it shows, its focus in the line editor's Line Type: Smartphone. Answers the editor. */
export async function typeLineType(page: Page): Promise<Locator> {
  await waitForStep(page, 'lines');
  const editor = lineEditor(page);
  await editor.waitFor();
  await poll(() => focusedName(page)).toBe('Line Type');
  await typeToPick(editor.getByRole('combobox', { name: 'Line Type', exact: true }), 'Smart', 'Smartphone');
  return editor;
}

/** The line editor's Package, tabbed to: Unlimited Essentials (which fills the Products). */
export async function typePackage(page: Page, editor: Locator) {
  await tabTo(page, 'Package');
  const essentials = /^Unlimited Essentials ·/;
  await typeToPick(editor.getByRole('combobox', { name: 'Package', exact: true }), 'Essentials', essentials, essentials);
}

/** Step 5's Payment Details: the test gateway's Visa, saved with Enter; waits for the saved card. */
export async function typeCard(page: Page) {
  await typeFields(page, [
    ['Card number', '4242424242424242'],
    ['Exp. month', '12'],
    ['Exp. year', '2030'],
    ['CVV', '123'],
  ]);
  await page.keyboard.press('Enter');
  await poll(() => page.getByRole('region', { name: 'Payment Details' }).textContent()).toContain('Visa •••• 4242 exp 12/2030');
}

/**
 * A customer as the API takes it, from a new draft (or one whose step 1 was saved in the page) to
 * Create Order: a Northwind Mobile Conversion order with one port-in line, paid by card; `until`
 * stops after the lines, after the card, or creates the order.
 */
export async function draftThroughTheApi(
  page: Page,
  baseUrl: string,
  customer: {
    contact: Contact;
    street: string;
    zip: string;
    city: string;
    state: string;
    portNumber: string;
    ssn?: string;
    /** The number's account at its current carrier; a made-up one (the simulator knows no such subscriber) unless given. */
    portAccount?: { currentCarrier: string; accountNumber: string; pin: string };
  },
  until: 'lines' | 'final' | 'order',
  startedDraftId?: string,
): Promise<{ draftId: string; result?: { customerId: string; accountNumber: string; orderId: string; orderNumber: string; created: boolean } }> {
  const call = <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => callApi<T>(page, baseUrl, method, path, data);
  const salesPeople = await call<{ id: string; name: string }[]>('GET', '/api/users/sales-people');
  const sam = salesPeople.find((person) => person.name === 'Sam Agent');
  if (!sam) throw new Error('no demo sales person');
  const offer = await call<{ products: { productCode: string; quantity: number; inclusion: string }[] }>(
    'GET',
    '/api/catalog/wizard/offer?carrierCode=NWM&packageCode=NWM-UNL-ESS&orderType=CONVERSION',
  );
  const products = offer.products.filter((product) => product.inclusion !== 'optional').map(({ productCode, quantity }) => ({ productCode, quantity }));
  const { contact } = customer;
  const name = `${contact.firstName} ${contact.lastName}`;
  const address = { line1: customer.street, city: customer.city, state: customer.state, zip: customer.zip };

  const id = startedDraftId ?? (await call<{ id: string }>('POST', '/api/wizard/drafts', {})).id;
  const draft = `/api/wizard/drafts/${id}`;
  if (!startedDraftId) {
    await call('PUT', `${draft}/start`, { carrierCode: 'NWM', orderType: 'CONVERSION', contacts: [{ contactType: 'PRIMARY', ...contact }] });
  }
  await call('PUT', `${draft}/profile`, {
    customerClass: 'RESIDENTIAL',
    billProfileCode: 'RES-STD',
    billMethod: 'EMAIL',
    billEmail: contact.email,
    salesPersonUserId: sam.id,
    ...(customer.ssn ? { ssn: customer.ssn } : {}),
  });
  await call('PUT', `${draft}/names`, { firstName: contact.firstName, lastName: contact.lastName, serviceAddress: address, listingType: 'NON_PUBLISHED' });
  await call('POST', `${draft}/lines`, {
    orderType: 'CONVERSION',
    lineTypeCode: 'SMARTPHONE',
    packageCode: 'NWM-UNL-ESS',
    products,
    properties: { userName: name },
    portIn: {
      number: customer.portNumber,
      ...(customer.portAccount ?? { currentCarrier: 'Old Carrier Wireless', accountNumber: '77001234', pin: '2468' }),
      authorizedSigner: name,
      accountName: name,
      address,
    },
  });
  if (until === 'lines') return { draftId: id };
  await call('PUT', `${draft}/final`, { options: { fulfillment: 'PICKUP', sendAutomatically: false } });
  await call('POST', `${draft}/payment-card`, { number: '4242424242424242', expMonth: 12, expYear: 2030, cvv: '123', nameOnCard: name, billingZip: customer.zip });
  if (until === 'final') return { draftId: id };
  return { draftId: id, result: await call('POST', `${draft}/create-order`, {}) };
}

/**
 * The accessible name of the focused element, roughly as assistive tech computes it: aria-label,
 * then aria-labelledby, then its <label>s, then its text (hidden parts such as a required asterisk left out).
 */
export function focusedName(page: Page): Promise<string> {
  // A string, not a function: what the test runner's transform adds to named functions does not exist in the page.
  return page.evaluate<string>(FOCUSED_NAME);
}

const FOCUSED_NAME = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return '';
  const text = (node) => {
    const copy = node.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (copy.textContent || '').replace(/\\s+/g, ' ').trim();
  };
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const byIds = (element.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)).filter(Boolean).map(text).join(' ').trim();
  if (byIds) return byIds;
  const labels = [...(element.labels || [])].map(text).join(' ').trim();
  if (labels) return labels;
  return text(element);
})()`;

/**
 * Presses Tab (or Shift+Tab) until the focused element's accessible name matches `name`; only
 * keys are pressed. Throws, naming where focus went, when it is not reached in `max` presses.
 */
export async function tabTo(page: Page, name: string | RegExp, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  const { backwards = false, max = 40 } = options;
  const matches = (found: string) => (typeof name === 'string' ? found === name : name.test(found));
  const seen: string[] = [];
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const found = await focusedName(page);
    if (matches(found)) return;
    seen.push(found);
  }
  throw new Error(`Tab did not reach ${String(name)} in ${max} presses; focus went to: ${seen.join(' | ')}`);
}
