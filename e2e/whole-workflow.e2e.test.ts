import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import type { TStockPage } from '@linedesk/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';
import {
  callApi,
  draftThroughTheApi,
  focusedName,
  serviceAddress,
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

/*
 * The workflow LineDesk exists for (DESIGN.md, steps 1–13), in Chromium against the built app, with the
 * carrier gateway simulator as its own process and the demo carriers pointed at it from the start
 * (DEMO_CARRIER_GATEWAY_URL): Customers > Create New, every wizard step, Create Order, the order from
 * Services and Workflow > Orders > Options > View Details, its device and SIM scanned on the Inventory tab,
 * Send, and the carrier's activation arriving by itself: the order Complete, the line Active with its number.
 */

/** What the page shows after a call to the server: waited for a while, as the machine may be busy. */
const eventually = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(read, { timeout: 10_000, ...options });

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp/shots/whole-workflow';
/** A North American number as the pages show it: (512) 555-0143. */
const FORMATTED_MDN = /\(\d{3}\) \d{3}-\d{4}/;
/** A subscriber of another carrier in the simulator's port-in fixture (apps/carrier-sim/README.md): Verizon Wireless, account 482913570, PIN 4821. */
const PORT_FIXTURE = { number: '3125550147', currentCarrier: 'Verizon Wireless', accountNumber: '482913570' };

describe('the whole workflow: Customers > Create New to a Complete order and an Active line', () => {
  let sim: CarrierSim;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The simulator, the server and the browser start side by side: the server is told the simulator's port beforehand.
    // Each of the carrier's steps takes half a second, so the order can be seen on its way.
    const simPort = await freePort();
    // Each is kept as soon as it is up, so afterAll stops whatever started even when another did not.
    const started = await Promise.allSettled([
      startCarrierSim({ delayMs: 500, port: simPort }).then((running) => (sim = running)),
      startServer({ env: { DEMO_CARRIER_GATEWAY_URL: `http://127.0.0.1:${simPort}/v1` } }).then((running) => (server = running)),
      launchBrowser().then((running) => (browser = running)),
    ]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    expect(sim.baseUrl).toBe(`http://127.0.0.1:${simPort}/v1`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sim?.stop();
  });

  const statusOf = (page: Page) => page.getByTestId('order-status').textContent();
  /** The whole page, from its top (a full-page shot of a scrolled page draws the sticky header and footer mid-page). */
  async function shot(page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }

  /** An Available item of Northwind Mobile's demo stock, found through the Inventory API: its identifier. */
  async function availableStock(page: Page, kind: 'DEVICE' | 'SIM', model: string): Promise<string> {
    const query = new URLSearchParams({ carrierCode: 'NWM', kind, status: 'AVAILABLE', model, limit: '1' });
    const { rows } = await callApi<TStockPage>(page, server.url, 'GET', `/api/inventory/items?${query}`);
    const value = rows[0]?.identifiers[0]?.value;
    if (!value) throw new Error(`no Available ${kind} ${model} in the demo stock`);
    return value;
  }

  it('should sign a customer up with the keyboard, scan the stock onto the order, Send it and see it Complete with the line Active, without a reload', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const keys = page.keyboard;
    const imei = await availableStock(page, 'DEVICE', 'Aurora X5');
    const iccid = await availableStock(page, 'SIM', 'Nano SIM');

    // 1. Customers > Create New, from the main navigation.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await tabTo(page, 'Create New');
    await keys.press('Enter');
    await waitForStep(page, 'start');

    // 2. The carrier (type to filter, arrow, Enter), the order type (New, as it comes), the primary contact.
    await typeStart(page, 'New', { firstName: 'Imani', lastName: 'Castellano', phone: '(512) 555-0136', email: 'imani.castellano@example.com' });
    expect(await unlabelledInputs(page)).toEqual([]);
    await shot(page, '01-start');
    await keys.press('Enter');

    // 3. The Customer Profile: Residential as it comes, the SSN and Security PIN typed.
    await typeProfile(page, { ssn: '123-45-6120', pin: '6203' });
    await keys.press('Enter');

    // 4. The name (from the contact) and the service address: the ZIP fills the city and state.
    await typeServiceAddress(page, { street: '600 Congress Ave', zip: '78701', city: 'Austin' });
    expect(await page.getByRole('textbox', { name: 'Last name', exact: true }).inputValue()).toBe('Castellano');
    await eventually(() => serviceAddress(page).state.inputValue()).toMatch(/^TX\b/);
    await keys.press('Enter');

    // 5–7. The line: its Line Type, the Package (which fills the Products and Long Distance Rates), its properties; Save.
    const editor = await typeLineType(page);
    await typePackage(page, editor);
    const products = editor.getByRole('table', { name: 'Products' });
    await eventually(() => products.textContent()).toContain('New Line Activation Charge');
    await eventually(() => editor.getByRole('region', { name: 'Long Distance Rates' }).textContent()).toContain('North America Calling');
    await typeFields(page, [
      ['Line user name', 'Imani Castellano'],
      ['Area code for the new number', '512'],
    ]);
    expect(await unlabelledInputs(page)).toEqual([]);
    await shot(page, '02-line');
    await keys.press('Enter');
    const saved = page.getByRole('table', { name: 'Saved lines' });
    await eventually(() => saved.textContent()).toContain('New number, area code 512');

    // 8. Next to the final page.
    await tabTo(page, 'Next');
    await keys.press('Enter');

    // 9. Order Options as they come, Payment Details by card (the test gateway's Visa), Create Order.
    await waitForStep(page, 'final');
    await page.getByRole('form', { name: 'Order Options' }).waitFor();
    await typeCard(page);
    expect(await page.getByRole('table', { name: 'Duplicate Customers' }).count()).toBe(0);
    await shot(page, '03-final');
    await tabTo(page, 'Create Order', { max: 80 });
    await keys.press('Enter');

    // The account page: the customer is Pending, its order Pending (the line has no device or SIM yet).
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}(\?created=ORD-\d+)?$/);
    const customerId = /\/customers\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Imani Castellano');
    const accountHeader = page.getByRole('heading', { level: 1 }).locator('xpath=..');
    expect(await accountHeader.textContent()).toContain('Pending');
    // The page says what comes next.
    const created = page.getByRole('status').filter({ hasText: /^Order ORD-\d+ created/ });
    expect(await created.textContent()).toContain('Services and Workflow › Orders › Options › View Details');
    await shot(page, '04-account-created');

    // 11. Services and Workflow > Orders > Options > View Details.
    const services = page.getByRole('region', { name: 'Services and Workflow' });
    const ordersTab = services.getByRole('tab', { name: /^Orders/ });
    if ((await ordersTab.getAttribute('aria-selected')) !== 'true') await ordersTab.click();
    const orders = services.getByRole('table', { name: 'Orders' });
    await eventually(() => orders.getByRole('row').count()).toBe(2);
    expect(await orders.getByRole('row').nth(1).textContent()).toContain('Pending');
    // The row's Options menu, from the keyboard: Enter opens it, an arrow key reaches View Details, Enter opens the order.
    await orders.getByRole('button', { name: 'Options' }).focus();
    await keys.press('Enter');
    await page.getByRole('menuitem', { name: 'View Details' }).waitFor();
    for (let press = 0; press < 5 && (await focusedName(page)) !== 'View Details'; press += 1) await keys.press('ArrowDown');
    expect(await focusedName(page)).toBe('View Details');
    await keys.press('Enter');
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await eventually(() => statusOf(page)).toBe('Pending');
    const send = page.getByRole('button', { name: 'Send', exact: true });
    expect(await send.getAttribute('aria-disabled')).toBe('true');

    // 10 and 12. At the bottom, the Inventory tab (open, its scan field focused): the device and the SIM as a scanner types them.
    expect(await page.getByRole('tab', { name: /Inventory/ }).getAttribute('aria-selected')).toBe('true');
    expect(await focusedName(page)).toBe('Scan or paste identifiers');
    const results = page.getByRole('log', { name: 'Results' });
    await keys.type(imei, { delay: 8 });
    await keys.press('Enter');
    await eventually(() => results.textContent()).toMatch(/IMEI \S.*→ Line 1 · Aurora X5/);
    await keys.type(iccid, { delay: 8 });
    await keys.press('Enter');
    await eventually(() => results.textContent()).toMatch(/ICCID \S.*→ Line 1 · Northwind Nano SIM/);
    // Every line has its device and SIM: Ready, and Send is offered.
    await eventually(() => statusOf(page)).toBe('Ready');
    await eventually(() => send.getAttribute('aria-disabled')).toBe(null);
    await shot(page, '05-order-ready');

    // 13. Send (top of the order). Every status the page shows from now on is recorded, and a marker proves it never reloads.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { sameDocument: true, statusesSeen: seen });
      const record = () => {
        const text = document.querySelector('[data-testid="order-status"]')?.textContent ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
      };
      record();
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await send.click();
    await eventually(() => statusOf(page)).toMatch(/^(Sent|In progress)$/);
    await eventually(() => page.getByTestId('carrier-status').textContent()).toMatch(/Sent to Northwind Mobile|Northwind Mobile is activating the line/);
    await shot(page, '06-order-sent');

    // The carrier activates the line and calls back: the page follows by itself.
    await eventually(() => statusOf(page), { timeout: 20_000 }).toBe('Complete');
    const seen = await page.evaluate(() => {
      const marked = window as unknown as { sameDocument?: boolean; statusesSeen?: string[] };
      return { sameDocument: marked.sameDocument, statusesSeen: marked.statusesSeen ?? [] };
    });
    expect(seen.sameDocument).toBe(true);
    expect(seen.statusesSeen[0]).toBe('Ready');
    expect(seen.statusesSeen).toContain('Sent');
    expect(seen.statusesSeen.at(-1)).toBe('Complete');
    const carrier = (await page.getByTestId('carrier-status').textContent()) ?? '';
    expect(carrier).toContain('Northwind Mobile activated the line');
    expect(carrier).toMatch(/Carrier request ID\s*NWM-R-[0-9A-Z]{4}-\d+/);
    const lineRow = page.getByRole('table', { name: 'Lines' }).getByRole('row', { name: /Line 1/ });
    const line = (await lineRow.textContent()) ?? '';
    expect(line).toContain('Active');
    expect(line).toContain('Activated');
    // A new number in the area code asked for.
    const mdn = FORMATTED_MDN.exec(line)?.[0] ?? '';
    expect(mdn).toMatch(/^\(512\) /);
    expect(await send.count()).toBe(0);
    await shot(page, '07-order-complete');

    // The carrier activated the line exactly once.
    expect((await sim.stats()).activations).toBe(1);

    // The Carrier Messages tab: the request, the carrier's response and its notifications, with their payloads.
    await page.getByRole('tab', { name: 'Carrier Messages' }).click();
    const messages = page.getByRole('table', { name: 'Carrier messages' });
    await eventually(() => messages.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    const messageText = (await messages.textContent()) ?? '';
    expect(messageText).toContain('Request to carrier');
    expect(messageText).toContain('Carrier response');
    expect(messageText).toContain('Carrier notification');
    await messages.getByRole('button', { name: /^View the payload of request to carrier/ }).click();
    const request = (await page.getByRole('region', { name: 'Payload of the request to carrier' }).textContent()) ?? '';
    expect(request).toContain(iccid);
    expect(request).toContain('"areaCode": "512"');
    await shot(page, '08-carrier-messages');

    // The account: Open now, and its Lines tab shows the number, formatted, and Active.
    await page.getByRole('link', { name: 'Imani Castellano' }).first().click();
    await page.waitForURL(`${server.url}/customers/${customerId}`);
    await eventually(() => accountHeader.textContent()).toContain('Open');
    const linesTab = services.getByRole('tab', { name: /^Lines/ });
    if ((await linesTab.getAttribute('aria-selected')) !== 'true') await linesTab.click();
    const accountLine = services.getByRole('table', { name: 'Lines' }).getByRole('row').nth(1);
    await eventually(() => accountLine.textContent()).toContain(mdn);
    expect(await accountLine.textContent()).toContain('Active');
    expect(await accountLine.textContent()).toContain('Activated');
    await shot(page, '09-account-lines');
    await services.getByRole('tab', { name: /^Orders/ }).click();
    await eventually(() => orders.getByRole('row').nth(1).textContent()).toContain('Complete');
    await page.context().close();
  }, 90_000);

  it('should show the carrier refusing a port-in with a wrong PIN, list it under Fallout, and after Edit port-in with the right PIN and Send again see it Complete', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    const keys = page.keyboard;
    // A Conversion order porting the fixture's number with the right account and the wrong PIN; its device and SIM scanned.
    const { result } = await draftThroughTheApi(
      page,
      server.url,
      {
        contact: { firstName: 'Nadia', lastName: 'Brennan', phone: '3125550147', email: 'nadia.brennan@example.com' },
        street: '233 S Wacker Dr',
        zip: '60606',
        city: 'Chicago',
        state: 'IL',
        portNumber: PORT_FIXTURE.number,
        portAccount: { currentCarrier: PORT_FIXTURE.currentCarrier, accountNumber: PORT_FIXTURE.accountNumber, pin: '9999' },
      },
      'order',
    );
    if (!result) throw new Error('Create Order gave no order');
    const imei = await availableStock(page, 'DEVICE', 'Aurora X5');
    const iccid = await availableStock(page, 'SIM', 'Nano SIM');
    await callApi(page, server.url, 'POST', `/api/orders/${result.orderId}/inventory`, { text: `${imei}\n${iccid}` });

    await page.goto(`${server.url}/orders/${result.orderId}`);
    await eventually(() => statusOf(page)).toBe('Ready');
    const activationsBefore = (await sim.stats()).activations;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await eventually(() => statusOf(page), { timeout: 20_000 }).toBe('Error');

    // The order says the carrier refused it, with the carrier's code and text, and what to do.
    const carrier = page.getByTestId('carrier-status');
    await eventually(() => carrier.textContent()).toContain('Northwind Mobile rejected the order');
    const carrierText = (await carrier.textContent()) ?? '';
    expect(carrierText).toContain('PORT_PIN_MISMATCH');
    expect(carrierText).toContain(`The PIN does not match Verizon Wireless's account for ${PORT_FIXTURE.number}`);
    expect(carrierText).toContain('What to do: Correct the port-in details (account number, PIN) with the customer: Edit port-in on the line, then Send again.');
    // The line says it too.
    const line = (await page.getByRole('table', { name: 'Lines' }).textContent()) ?? '';
    expect(line).toContain('Line 1 refused by the carrier');
    expect(line).toContain('PORT_PIN_MISMATCH');
    await shot(page, '10-order-error');
    // Nothing was activated, and the agent is offered Send again (the fix is theirs to make).
    expect((await sim.stats()).activations).toBe(activationsBefore);
    expect(await page.getByRole('button', { name: 'Send', exact: true }).count()).toBe(1);

    // The request went with the PIN, which the Carrier Messages tab never shows.
    await page.getByRole('tab', { name: 'Carrier Messages' }).click();
    const messages = page.getByRole('table', { name: 'Carrier messages' });
    await eventually(() => messages.textContent()).toContain('Carrier notification');
    await messages.getByRole('button', { name: /^View the payload of request to carrier/ }).click();
    const request = (await page.getByRole('region', { name: 'Payload of the request to carrier' }).textContent()) ?? '';
    expect(request).toContain(PORT_FIXTURE.accountNumber);
    expect(request).toContain('[redacted]');
    expect(request).not.toContain('9999');

    // Orders > Fallout lists it, with the carrier's reason.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fallout', exact: true }).click();
    await page.waitForURL(`${server.url}/orders/fallout`);
    const fallout = page.getByRole('table', { name: 'Fallout' });
    const row = fallout.getByRole('row').filter({ hasText: result.orderNumber });
    await eventually(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Error');
    expect(await row.textContent()).toContain('PORT_PIN_MISMATCH');
    await shot(page, '11-fallout');

    // Back on the order, the agent corrects the PIN with the customer, keyboard only: Edit port-in on the line.
    await row.getByRole('link', { name: result.orderNumber }).click();
    await page.waitForURL(`${server.url}/orders/${result.orderId}`);
    await eventually(() => statusOf(page)).toBe('Error');
    const edit = page.getByRole('button', { name: 'Edit port-in of line 1' });
    await edit.focus();
    await keys.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit port-in — Line 1' });
    await dialog.waitFor();
    // It opens on the first field, filled as sold; the number stays, and the PIN is never shown back.
    expect(await focusedName(page)).toBe('Current carrier');
    expect(await dialog.getByLabel('Current carrier').inputValue()).toBe(PORT_FIXTURE.currentCarrier);
    expect(await dialog.getByLabel('Account number').inputValue()).toBe(PORT_FIXTURE.accountNumber);
    expect(await dialog.getByLabel('PIN or password').inputValue()).toBe('');
    expect(await dialog.getByLabel('PIN or password').getAttribute('type')).toBe('password');
    const dialogText = (await dialog.textContent()) ?? '';
    expect(dialogText).toContain('(312) 555-0147');
    expect(dialogText).toContain('Leave blank to keep it');
    expect(dialogText).toContain('PORT_PIN_MISMATCH');
    expect(await unlabelledInputs(page)).toEqual([]);
    await tabTo(page, 'PIN or password');
    await keys.type('4821');
    await shot(page, '12-edit-port-in');
    await dialog.screenshot({ path: `${SHOTS}/12-edit-port-in-modal.png` });
    await tabTo(page, 'Save port-in');
    await keys.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // Saved: the line's refusal is cleared (the order still shows what the carrier said last), and Send again.
    await eventually(async () => (await page.getByRole('table', { name: 'Lines' }).textContent()) ?? '').not.toContain('refused by the carrier');
    expect(await statusOf(page)).toBe('Error');
    await page.getByRole('tab', { name: 'History' }).click();
    await eventually(() => page.getByRole('tabpanel').textContent()).toContain('PIN changed; carrier refusal PORT_PIN_MISMATCH cleared');
    expect((await page.getByRole('tabpanel').textContent()) ?? '').not.toContain('4821');
    await tabTo(page, 'Send', { backwards: true, max: 80 });
    await keys.press('Enter');

    // The carrier ports the number in: the order Complete, the line Active with the ported number, no reload.
    await eventually(() => statusOf(page), { timeout: 20_000 }).toBe('Complete');
    const lines = page.getByRole('table', { name: 'Lines' });
    await eventually(() => lines.textContent()).toContain('Active');
    const lineText = (await lines.textContent()) ?? '';
    expect(lineText).toContain('(312) 555-0147');
    expect(lineText).not.toContain('Porting');
    expect(lineText).toContain('Activated');
    await eventually(() => carrier.textContent()).toContain('Northwind Mobile activated the line');
    expect(await carrier.textContent()).toMatch(/Send attempts\s*2/);
    expect((await sim.stats()).activations).toBe(activationsBefore + 1);
    await shot(page, '13-port-in-complete');
    await page.context().close();
  }, 90_000);
});

/** A port nobody listens on now (the operating system's pick). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
