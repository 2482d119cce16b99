import { mkdirSync } from 'node:fs';
import { luhnCheckDigit } from '@linedesk/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';
import { draftThroughTheApi, focusedName } from './support/wizard.js';

type Created = { customerId: string; accountNumber: string; orderId: string; orderNumber: string };

// Demo stock for Northwind Mobile, made as apps/server/src/modules/inventory/demo-stock.ts makes it.
const imei = (serial: number) => {
  const body = `35209900${String(serial).padStart(6, '0')}`;
  return body + luhnCheckDigit(body);
};
const iccid = (serial: number) => {
  const body = `8901260${String(serial).padStart(11, '0')}`;
  return body + luhnCheckDigit(body);
};
const IMEI = imei(176141); // an Aurora X5 128 GB
const ICCID = iccid(7700101); // a Northwind Nano SIM (4FF)
/** The same IMEI with its check digit changed: a typo a scanner would never make, but a person might. */
const BAD_IMEI = `${IMEI.slice(0, -1)}${(Number(IMEI.at(-1)) + 1) % 10}`;

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp/shots/orders';

describe('the order page and its Inventory tab, end to end', () => {
  let server: RunningServer;
  let browser: Browser;
  let order: Created;
  let toCancel: Created;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    // Two orders made by the wizard's Create Order, with nothing scanned: Pending, each line waiting for its device and SIM.
    const agent = await signedInPage(browser, server.url, 'agent');
    const customer = (first: string, last: string, phone: string, street: string) => ({
      contact: { firstName: first, lastName: last, phone, email: `${first}.${last}@example.com`.toLowerCase() },
      street,
      zip: '60606',
      city: 'Chicago',
      state: 'IL',
      portNumber: phone,
    });
    order = await created(draftThroughTheApi(agent, server.url, customer('Maya', 'Okafor', '3125550177', '233 S Wacker Dr'), 'order'));
    toCancel = await created(draftThroughTheApi(agent, server.url, customer('Theo', 'Lindqvist', '3125550188', '100 N Riverside Plz'), 'order'));
    await agent.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const statusOf = (page: Page) => page.getByTestId('order-status').textContent();
  const results = (page: Page) => page.getByRole('log', { name: 'Results' });
  const scanField = (page: Page) => page.getByRole('textbox', { name: 'Scan or paste identifiers' });

  it('should open the order from the account via Options > View Details, take a scan and a pasted list, and turn Ready', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    await page.goto(`${server.url}/customers/${order.customerId}`);
    await page.getByRole('tab', { name: /Orders/ }).click();
    await page.getByRole('table', { name: 'Orders' }).getByRole('button', { name: 'Options' }).click();
    await page.getByRole('menuitem', { name: 'View Details' }).click();
    await page.waitForURL(`${server.url}/orders/${order.orderId}`);

    // The header: number, type, carrier, status, account, who made it; Send is refused, and says why, in words on the page.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Order ${order.orderNumber}`);
    const main = page.getByRole('main');
    const header = (await main.textContent()) ?? '';
    for (const text of ['Conversion', 'Northwind Mobile', 'Maya Okafor', order.accountNumber, 'by Sam Agent', 'Unlimited Essentials']) {
      expect(header).toContain(text);
    }
    expect(await statusOf(page)).toBe('Pending');
    const send = page.getByRole('button', { name: 'Send', exact: true });
    expect(await send.getAttribute('aria-disabled')).toBe('true');
    const sendReason = await describedBy(send);
    expect(sendReason).toMatch(/\S/);
    expect(await unlabelledInputs(page)).toEqual([]);

    // The Inventory tab is open and its scan field has focus: a keyboard-wedge scanner types fast and ends with Enter.
    expect(await page.getByRole('tab', { name: /Inventory/ }).getAttribute('aria-selected')).toBe('true');
    expect(await focusedName(page)).toBe('Scan or paste identifiers');
    await page.keyboard.type(IMEI, { delay: 8 });
    await page.keyboard.press('Enter');
    const log = results(page);
    await expect.poll(() => log.textContent()).toMatch(/IMEI \S.*→ Line 1 · Aurora X5 128 GB/);
    expect(await scanField(page).inputValue()).toBe('');
    expect(await focusedName(page)).toBe('Scan or paste identifiers');
    expect(await statusOf(page)).toBe('Pending');
    await page.screenshot({ path: `${SHOTS}/order-after-scan.png`, fullPage: true });

    // A pasted list: the SIM, a value whose check digit is wrong, and the same IMEI again.
    await paste(page, `${ICCID}\n${BAD_IMEI}, ${IMEI}`);
    const assignedSim = log.locator('[data-outcome="assigned"]').filter({ hasText: /ICCID/ });
    await expect.poll(() => assignedSim.textContent()).toMatch(/→ Line 1 · Northwind Nano SIM \(4FF\)/);
    const refused = log.locator('[data-outcome="refused"]');
    await expect.poll(() => refused.count()).toBe(1);
    expect(await refused.textContent()).toMatch(/check digit/i);
    const skipped = log.locator('[data-outcome="skipped"]');
    await expect.poll(() => skipped.count()).toBe(1);
    expect(await skipped.textContent()).toMatch(/IMEI/);

    // Every line has what its line type needs: the order is Ready, from the scan's own answer.
    await expect.poll(() => statusOf(page)).toBe('Ready');
    expect(await page.getByText('Has what it needs', { exact: true }).count()).toBe(1);
    expect(await describedBy(send)).not.toBe(sendReason);
    await page.screenshot({ path: `${SHOTS}/order-ready.png`, fullPage: true });

    // Unassign the SIM: it goes back to stock, the line needs a SIM again, and the order is Pending.
    await page.getByRole('button', { name: new RegExp(`^Unassign ICCID .* from line 1$`) }).click();
    await expect.poll(() => statusOf(page)).toBe('Pending');
    await expect.poll(() => log.locator('[data-outcome="info"]').textContent()).toContain('Available');
    expect(await page.getByText(/Needs a SIM \(ICCID\)/).count()).toBe(1);
    expect(await focusedName(page)).toBe('Scan or paste identifiers');

    // Scanned again, this time to the line picked in Assign to: Ready again.
    await page.getByRole('combobox', { name: 'Assign to' }).selectOption({ label: 'Line 1 — Smartphone (needs a SIM (ICCID))' });
    await scanField(page).focus();
    // Two scans back to back, the second before the first is answered: it waits its turn and is not lost.
    await page.keyboard.type(`${ICCID}\n${IMEI}\n`);
    await expect.poll(() => statusOf(page)).toBe('Ready');
    await expect.poll(() => skipped.count()).toBe(2);
    expect(await skipped.first().textContent()).toMatch(/IMEI .* is already on line 1/);

    // The line's package and products, with their charges as sold.
    await page.getByRole('button', { name: /^Products on line 1/ }).click();
    const products = page.getByRole('table', { name: 'Products on line 1' });
    await expect.poll(() => products.textContent()).toContain('Unlimited Essentials');
    expect(await products.getByRole('row').count()).toBeGreaterThan(2);
    await page.screenshot({ path: `${SHOTS}/order-products.png`, fullPage: true });

    // History: every status change and audited action, with who and when.
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'History' });
    await expect.poll(() => history.textContent()).toContain('Sam Agent');
    expect(await history.getByRole('row').count()).toBeGreaterThan(3);
    await page.screenshot({ path: `${SHOTS}/order-history.png`, fullPage: true });
    // Carrier Messages: nothing has gone to the carrier, and the tab says so.
    await page.getByRole('tab', { name: 'Carrier Messages' }).click();
    await expect.poll(() => main.textContent()).toContain('Nothing has been sent to the carrier yet');
    await page.context().close();
  });

  it('should find the order in the Orders queue by its SIM, and filter it by status and carrier in the address', async () => {
    const page = await signedInPage(browser, server.url, 'viewer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All Orders', exact: true }).click();
    await page.waitForURL(`${server.url}/orders`);
    const table = page.getByRole('table', { name: 'Orders' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await unlabelledInputs(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/orders-queue.png`, fullPage: true });

    // A scanner in the search box: the ICCID, then Enter searches at once.
    await page.getByRole('searchbox', { name: 'Search orders' }).focus();
    await page.keyboard.type(ICCID, { delay: 8 });
    await page.keyboard.press('Enter');
    // The search is kept in the address (as text: the router quotes a value that looks like a number).
    await expect.poll(() => new URL(page.url()).searchParams.get('q')?.replaceAll('"', '')).toBe(ICCID);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const row = table.getByRole('row').nth(1);
    expect(await row.textContent()).toContain(order.orderNumber);
    expect(await row.textContent()).toContain('Ready');
    expect(await row.textContent()).toMatch(/ICCID/);
    await page.screenshot({ path: `${SHOTS}/orders-queue-search.png`, fullPage: true });
    // Enter again opens the row the search found.
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/orders/${order.orderId}`);
    // A viewer sees the order but is offered no actions and no scan field.
    await expect.poll(() => page.getByText('Your role can see this order’s Inventory but not change it.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);

    // A search typed into the address works too, even an ICCID longer than a JavaScript number holds exactly.
    await page.goto(`${server.url}/orders?q=${ICCID}`);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(order.orderNumber);
    expect(await page.getByRole('searchbox', { name: 'Search orders' }).inputValue()).toBe(ICCID);

    // Filters live in the address: Pending on Northwind Mobile shows the other order only.
    await page.goto(`${server.url}/orders?status=PENDING&carrier=NWM`);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(toCancel.orderNumber);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('PENDING');
    await page.getByRole('combobox', { name: 'Age' }).selectOption({ label: 'Older than 7 days' });
    await expect.poll(() => page.getByText('No orders match these filters').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('age')).toBe('7D');
    await page.context().close();
  });

  it('should cancel an order only with a reason, and then lock its Inventory', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    await page.goto(`${server.url}/orders/${toCancel.orderId}`);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel order ${toCancel.orderNumber}?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Say why the order is cancelled');
    await page.screenshot({ path: `${SHOTS}/order-cancel.png` });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('The customer decided to keep their current carrier');
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    await expect.poll(() => statusOf(page)).toBe('Cancelled');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await scanField(page).count()).toBe(0);
    await expect.poll(() => page.getByRole('main').textContent()).toMatch(/cancelled/i);
    await page.screenshot({ path: `${SHOTS}/order-cancelled.png`, fullPage: true });
    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'History' }).textContent()).toContain('The customer decided to keep their current carrier');
    await page.context().close();
  });
});

async function created(result: ReturnType<typeof draftThroughTheApi>): Promise<Created> {
  const done = (await result).result;
  if (!done) throw new Error('Create Order gave no order');
  return done;
}

/** The text an element's aria-describedby points at: what a screen reader reads after its name. */
function describedBy(element: Locator): Promise<string> {
  return element.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

/** A paste into the focused field, as Ctrl+V from the clipboard delivers it. */
async function paste(page: Page, text: string) {
  await page.evaluate((value) => {
    const target = document.activeElement;
    if (!target) throw new Error('nothing has focus');
    const data = new DataTransfer();
    data.setData('text/plain', value);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
