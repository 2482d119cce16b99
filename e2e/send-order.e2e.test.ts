import { mkdirSync } from 'node:fs';
import { luhnCheckDigit, type TCarrier } from '@linedesk/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCarrierSim, type CarrierSim } from '../apps/carrier-sim/src/testing/start-carrier-sim.js';
import { launchBrowser } from './support/browser.js';
import { signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';
import { callApi, draftThroughTheApi, focusedName, tabTo } from './support/wizard.js';

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

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp/shots/send-order';
/** A North American number as the page shows it: (312) 555-0143. */
const FORMATTED_MDN = /\(\d{3}\) \d{3}-\d{4}/;

describe('sending an order to the carrier, end to end', () => {
  let sim: CarrierSim;
  let server: RunningServer;
  let browser: Browser;
  /** A New order with one line, its Aurora X5 and SIM scanned in the wizard: Ready at Create Order. */
  let ready: Created;
  /** A Conversion order whose port-in the carrier does not know: it comes back in Error. */
  let refused: Created;
  /** Another Ready New order, sent while the carrier answers 503. */
  let retried: Created;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The carrier gateway simulator as its own process; each step waits a little, so Sent and In progress can be seen.
    sim = await startCarrierSim({ delayMs: 1_000 });
    // Retries come within 4 s, so a carrier that answers 503 a few times is seen retrying, then done.
    server = await startServer({ env: { JOB_RETRY_BASE_MS: '2000', JOB_RETRY_CAP_MS: '4000' } });
    browser = await launchBrowser();

    // Northwind Mobile's connection points at this simulator (its credential and webhook secret stay the demo's).
    const admin = await signedInPage(browser, server.url, 'admin');
    const [nwm] = await callApi<TCarrier[]>(admin, server.url, 'GET', '/api/catalog/carriers?search=NWM');
    if (!nwm) throw new Error('no demo carrier NWM');
    const { id: _id, createdAt: _c, updatedAt: _u, provisioning, ...carrier } = nwm as TCarrier & { createdAt: string; updatedAt: string };
    await callApi(admin, server.url, 'PUT', `/api/catalog/carriers/${nwm.id}`, {
      ...carrier,
      provisioning: { adapter: provisioning.adapter, endpoint: sim.baseUrl, accountId: provisioning.accountId },
    });
    await admin.context().close();

    const agent = await signedInPage(browser, server.url, 'agent');
    ready = await newOrderWithStock(agent, server.url, MAYA, { imei: imei(176143), iccid: iccid(7700105) });
    retried = await newOrderWithStock(agent, server.url, IVAN, { imei: imei(176145), iccid: iccid(7700107) });
    const conversion = await draftThroughTheApi(
      agent,
      server.url,
      {
        contact: { firstName: 'Theo', lastName: 'Lindqvist', phone: '3125550188', email: 'theo.lindqvist@example.com' },
        street: '100 N Riverside Plz',
        zip: '60606',
        city: 'Chicago',
        state: 'IL',
        // Not a subscriber of any other carrier the simulator knows: the port-in is refused.
        portNumber: '3125550188',
      },
      'order',
    );
    if (!conversion.result) throw new Error('no order');
    refused = conversion.result;
    await callApi(agent, server.url, 'POST', `/api/orders/${refused.orderId}/inventory`, { text: `${imei(176144)}\n${iccid(7700106)}` });
    await agent.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sim?.stop();
  });

  const statusOf = (page: Page) => page.getByTestId('order-status').textContent();

  it('should send a Ready order with the keyboard, then show it Sent and Complete without a reload, the line Active with its MDN', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    await page.goto(`${server.url}/orders/${ready.orderId}`);
    await expect.poll(() => statusOf(page)).toBe('Ready');
    expect(await page.getByTestId('carrier-status').count()).toBe(0);
    // A marker in the page: it is still there at the end only if the page never reloaded.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    // Send is reachable by Tab (from the scan field, which has focus on arrival) and works with Enter.
    await tabTo(page, 'Send', { backwards: true });
    expect(await focusedName(page)).toBe('Send');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusOf(page)).toBe('Sent');
    await expect.poll(() => page.getByTestId('carrier-status').textContent()).toContain('Sent to Northwind Mobile');
    await page.screenshot({ path: `${SHOTS}/order-sent.png`, fullPage: true });

    // The carrier accepts it, then activates the line: the page follows by itself.
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('Complete');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const carrier = (await page.getByTestId('carrier-status').textContent()) ?? '';
    expect(carrier).toContain('Northwind Mobile activated the line');
    expect(carrier).toMatch(/Carrier request ID\s*\S+/);
    const lineRow = page.getByRole('table', { name: 'Lines' }).getByRole('row', { name: /Line 1/ });
    const line = (await lineRow.textContent()) ?? '';
    expect(line).toContain('Active');
    expect(line).toContain('Activated');
    expect(line).toMatch(FORMATTED_MDN);
    const mdn = FORMATTED_MDN.exec(line)?.[0] ?? '';
    // Complete: nothing is left to send or cancel.
    expect(await page.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/order-complete.png`, fullPage: true });

    // Carrier Messages: the request, the carrier's answer and its notifications, each payload readable.
    await page.getByRole('tab', { name: 'Carrier Messages' }).click();
    const messages = page.getByRole('table', { name: 'Carrier messages' });
    await expect.poll(() => messages.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    const text = (await messages.textContent()) ?? '';
    expect(text).toContain('Request to carrier');
    expect(text).toContain('Carrier response');
    expect(text).toMatch(/Carrier notification|Status check/);
    await messages.getByRole('button', { name: /^View the payload of request to carrier/ }).first().click();
    const payload = page.getByRole('region', { name: 'Payload of the request to carrier' });
    await expect.poll(() => payload.textContent()).toContain(`"lineRef"`);
    expect(await unlabelledInputs(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/carrier-messages.png`, fullPage: true });

    // The account: the line Active with its number and activation date.
    await page.goto(`${server.url}/customers/${ready.customerId}`);
    const lines = page.getByRole('table', { name: 'Lines' });
    await expect.poll(() => lines.textContent()).toContain(mdn);
    expect(await lines.textContent()).toContain('Active');
    expect(await lines.textContent()).toContain('Activated');
    await page.screenshot({ path: `${SHOTS}/account-lines.png`, fullPage: true });
    await page.getByRole('tab', { name: /Orders/ }).click();
    expect(await page.getByRole('table', { name: 'Orders' }).textContent()).toContain('Complete');
    await page.context().close();
  });

  it('should say when the carrier cannot be reached and when it tries again, then complete once the carrier answers', async () => {
    await sim.setFaults({ transientErrors: 6 });
    const page = await signedInPage(browser, server.url, 'agent');
    await page.goto(`${server.url}/orders/${retried.orderId}`);
    await expect.poll(() => statusOf(page)).toBe('Ready');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const carrier = page.getByTestId('carrier-status');
    await expect.poll(() => carrier.textContent(), { timeout: 30_000 }).toMatch(/Carrier unreachable; retrying at \d{1,2}:\d{2}.* \(try \d+\)/);
    // The last problem, in the carrier's words (its 503 answer).
    expect(await carrier.textContent()).toContain('SERVICE_UNAVAILABLE');
    expect(await statusOf(page)).toBe('Sent');
    await page.screenshot({ path: `${SHOTS}/order-retrying.png`, fullPage: true });
    await expect.poll(() => statusOf(page), { timeout: 45_000 }).toBe('Complete');
    // Sent once: the carrier activated the line once, whatever the retries.
    const order = await callApi<{ lines: { id: string }[] }>(page, server.url, 'GET', `/api/orders/${retried.orderId}`);
    const stats = await sim.stats();
    expect(order.lines.map((line) => stats.activationsByLineRef[line.id])).toEqual([1]);
    await page.context().close();
  }, 90_000);

  it('should show the carrier’s refusal, its code and what to do, and list the order under Orders > Fallout', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    await page.goto(`${server.url}/orders/${refused.orderId}`);
    await expect.poll(() => statusOf(page)).toBe('Ready');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('Error');
    const carrier = page.getByTestId('carrier-status');
    await expect.poll(() => carrier.textContent()).toContain('Northwind Mobile rejected the order');
    // A port-in the carrier does not know cannot be fixed on the order: the page says what to do instead.
    expect(await carrier.textContent()).toContain('Check the number being ported with the customer');
    // The line says why, in the carrier's code and words.
    const lines = (await page.getByRole('table', { name: 'Lines' }).textContent()) ?? '';
    expect(lines).toContain('Line 1 refused by the carrier');
    expect(lines).toMatch(/PORT_[A-Z_]+/);
    await page.screenshot({ path: `${SHOTS}/order-error.png`, fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fallout', exact: true }).click();
    await page.waitForURL(`${server.url}/orders/fallout`);
    const table = page.getByRole('table', { name: 'Fallout' });
    await expect.poll(() => table.textContent()).toContain(refused.orderNumber);
    expect(await table.textContent()).not.toContain(ready.orderNumber);
    expect(await unlabelledInputs(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/fallout.png`, fullPage: true });

    // The filters live in the address: another carrier has no fallout.
    await page.getByRole('combobox', { name: 'Carrier' }).selectOption('BSW');
    await page.waitForURL(`${server.url}/orders/fallout?carrier=BSW`);
    await expect.poll(() => page.getByRole('main').textContent()).toContain('No fallout');
    await page.getByRole('textbox', { name: 'Stuck after (minutes)' }).fill('45');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/orders/fallout?carrier=BSW&stuck=45`);
    await page.goto(`${server.url}/orders/fallout?carrier=NWM&stuck=45`);
    await expect.poll(() => table.textContent()).toContain(refused.orderNumber);
    await table.getByRole('link', { name: refused.orderNumber }).click();
    await page.waitForURL(`${server.url}/orders/${refused.orderId}`);
    await page.context().close();
  });
});

type Customer = { contact: { firstName: string; lastName: string; phone: string; email: string }; address: { line1: string; city: string; state: string; zip: string } };
const MAYA: Customer = {
  contact: { firstName: 'Maya', lastName: 'Okafor', phone: '5125550177', email: 'maya.okafor@example.com' },
  address: { line1: '600 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' },
};
const IVAN: Customer = {
  contact: { firstName: 'Ivan', lastName: 'Petrov', phone: '2065550161', email: 'ivan.petrov@example.com' },
  address: { line1: '400 Pine St', city: 'Seattle', state: 'WA', zip: '98101' },
};

/** A Northwind Mobile New order with one Smartphone line in area code 512, its device and SIM scanned in the wizard. */
async function newOrderWithStock(page: Page, baseUrl: string, customer: Customer, stock: { imei: string; iccid: string }): Promise<Created> {
  const call = <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => callApi<T>(page, baseUrl, method, path, data);
  const salesPeople = await call<{ id: string; name: string }[]>('GET', '/api/users/sales-people');
  const sam = salesPeople.find((person) => person.name === 'Sam Agent');
  if (!sam) throw new Error('no demo sales person');
  const offer = await call<{ products: { productCode: string; quantity: number; inclusion: string }[] }>(
    'GET',
    '/api/catalog/wizard/offer?carrierCode=NWM&packageCode=NWM-UNL-ESS&orderType=NEW',
  );
  const products = offer.products.filter((product) => product.inclusion !== 'optional').map(({ productCode, quantity }) => ({ productCode, quantity }));
  const { contact, address } = customer;
  const name = `${contact.firstName} ${contact.lastName}`;
  const { id } = await call<{ id: string }>('POST', '/api/wizard/drafts', {});
  const draft = `/api/wizard/drafts/${id}`;
  await call('PUT', `${draft}/start`, { carrierCode: 'NWM', orderType: 'NEW', contacts: [{ contactType: 'PRIMARY', ...contact }] });
  await call('PUT', `${draft}/profile`, { customerClass: 'RESIDENTIAL', billProfileCode: 'RES-STD', billMethod: 'EMAIL', billEmail: contact.email, salesPersonUserId: sam.id });
  await call('PUT', `${draft}/names`, { firstName: contact.firstName, lastName: contact.lastName, serviceAddress: address, listingType: 'NON_PUBLISHED' });
  await call('POST', `${draft}/lines`, {
    orderType: 'NEW',
    lineTypeCode: 'SMARTPHONE',
    packageCode: 'NWM-UNL-ESS',
    products,
    properties: { userName: name },
    areaCode: '512',
    identifiers: [stock.imei, stock.iccid],
  });
  await call('PUT', `${draft}/final`, { options: { fulfillment: 'PICKUP', sendAutomatically: false } });
  await call('POST', `${draft}/payment-card`, { number: '4242424242424242', expMonth: 12, expYear: 2030, cvv: '123', nameOnCard: name, billingZip: address.zip });
  return call<Created>('POST', `${draft}/create-order`, {});
}
