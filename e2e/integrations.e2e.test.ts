import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';

const CUSTOMERS = '/tmf-api/customerManagement/v4/customer';
const ORDER_HUB = '/tmf-api/productOrderingManagement/v4/hub';

/** Picks a native select's option from the keyboard alone: arrow keys on the focused select until it shows `value`. */
async function pickByKeyboard(select: Locator, value: string): Promise<void> {
  await select.focus();
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let presses = 0; presses < 30 && (await select.inputValue()) !== value; presses += 1) await select.press(key);
  }
  expect(await select.inputValue()).toBe(value);
}

describe('Administration > Integrations: API customer defaults and event subscriptions, end to end', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let key = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin');
    // The admin hands an integrator a key (as on this page), through the same session.
    const created = await page.request.post(`${server.url}/api/api-keys`, {
      headers: { origin: server.url },
      data: { name: 'E2E storefront', role: 'agent' },
    });
    expect(created.status()).toBe(201);
    key = ((await created.json()) as { key: string }).key;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** As an integrator calls the TM Forum API: the key, no cookie, no Origin. */
  const asIntegrator = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const aCustomer = (name: string) => ({ name, engagedParty: { id: `e2e-${name.toLowerCase().replace(/\W+/g, '-')}`, '@referredType': 'Individual' } });
  const characteristic = (customer: { characteristic?: { name: string; value: unknown }[] }, name: string) =>
    customer.characteristic?.find((c) => c.name === name)?.value;
  const adminCall = (method: 'post' | 'put', path: string, data: unknown) => page.request[method](`${server.url}${path}`, { headers: { origin: server.url }, data });

  it('should set the defaults of customers created through the API from the keyboard, show "not set", and name a refused field', async () => {
    // A bill profile that will stop being active while the page is open.
    const lateProfile = { code: 'E2E-LATE', name: 'E2E Late Billing', defaultBillMethod: 'PRINT', termsDays: 45 };
    const createdProfile = await adminCall('post', '/api/catalog/bill-profiles', lateProfile);
    expect(createdProfile.status()).toBe(201);
    const lateProfileId = ((await createdProfile.json()) as { id: string }).id;

    await page.getByRole('navigation').getByRole('link', { name: 'Integrations', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Integrations', level: 1 }).isVisible()).toBe(true);
    const section = page.getByRole('region', { name: 'Defaults for customers created through the API' });
    const carrier = section.getByLabel('Carrier', { exact: true });
    const billProfile = section.getByLabel('Bill Profile', { exact: true });
    const billMethod = section.getByLabel('Bill Method', { exact: true });
    await expect.poll(() => carrier.isVisible()).toBe(true);
    // The demo data sets them: its first carrier and that carrier's bill profile.
    expect(await carrier.inputValue()).toBe('NWM');
    expect(await section.getByText('Set', { exact: true }).isVisible()).toBe(true);
    expect(await unlabelledInputs(page)).toEqual([]);

    // Not set: the page says what that means, and the API then refuses a customer naming no carrier.
    await pickByKeyboard(carrier, '');
    expect(await section.getByText('No default carrier').isVisible()).toBe(true);
    expect(await section.getByText('1 unsaved change').isVisible()).toBe(true);
    await section.getByRole('button', { name: 'Save defaults' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByText('Not set', { exact: true }).first().isVisible()).toBe(true);
    await expect.poll(() => section.getByText('No unsaved changes').isVisible()).toBe(true);
    const refused = await asIntegrator('POST', CUSTOMERS, aCustomer('Pat Refused'));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: { field: string; rule: string }[] }).fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'body.characteristic.carrier', rule: 'required' })]),
    );

    // Set again, all three, by keyboard: the second demo carrier, the new bill profile, Print.
    await pickByKeyboard(carrier, 'BSW');
    await pickByKeyboard(billProfile, 'E2E-LATE');
    await pickByKeyboard(billMethod, 'BOTH');
    expect(await section.getByText('3 unsaved changes').isVisible()).toBe(true);

    // The bill profile is deactivated meanwhile: Save is refused, and the field says why.
    const retired = await adminCall('put', `/api/catalog/bill-profiles/${lateProfileId}`, { ...lateProfile, isActive: false });
    expect(retired.status()).toBe(200);
    await section.getByRole('button', { name: 'Save defaults' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByText('No active bill profile has the code E2E-LATE').isVisible()).toBe(true);
    expect(await billProfile.getAttribute('aria-invalid')).toBe('true');
    expect(await section.getByText('Check these fields').count()).toBe(0);
    // Focus goes to the field the server named, so a keyboard user is where the fix is.
    await expect.poll(() => billProfile.evaluate((element) => element === document.activeElement)).toBe(true);

    // Choose another from the keyboard and save: the API's customers get them from now on.
    await pickByKeyboard(billProfile, 'BUS-NET30');
    await section.getByRole('button', { name: 'Save defaults' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Defaults saved').isVisible()).toBe(true);
    await expect.poll(() => section.getByText('No unsaved changes').isVisible()).toBe(true);
    expect(await section.getByText('Set', { exact: true }).isVisible()).toBe(true);

    const stored = await page.request.get(`${server.url}/api/settings/api-customer-defaults`);
    expect(await stored.json()).toEqual({ carrierCode: 'BSW', billProfileCode: 'BUS-NET30', billMethod: 'BOTH' });
    const made = await asIntegrator('POST', CUSTOMERS, aCustomer('Pat Defaults'));
    expect(made.status).toBe(201);
    const customer = (await made.json()) as { characteristic?: { name: string; value: unknown }[] };
    expect([characteristic(customer, 'carrier'), characteristic(customer, 'billProfile'), characteristic(customer, 'billMethod')]).toEqual([
      'BSW',
      'BUS-NET30',
      'BOTH',
    ]);

    // After a reload the page shows what is stored.
    await page.reload();
    await expect.poll(async () => section.getByLabel('Bill Profile', { exact: true }).inputValue()).toBe('BUS-NET30');
    expect(await section.getByLabel('Bill Method', { exact: true }).inputValue()).toBe('BOTH');
  });

  it('should list a hub an integration made through /tmf-api and unsubscribe it from the keyboard', async () => {
    const subscribed = await asIntegrator('POST', ORDER_HUB, { callback: 'https://203.0.113.20/linedesk/events', query: 'eventType=ProductOrderStateChangeEvent' });
    expect(subscribed.status).toBe(201);
    const hubId = ((await subscribed.json()) as { id: string }).id;

    await page.goto(`${server.url}/integrations`);
    const section = page.getByRole('region', { name: 'Event subscriptions' });
    const row = section.getByRole('row').filter({ hasText: 'https://203.0.113.20/linedesk/events' });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.getByText('TMF622 Product Ordering').isVisible()).toBe(true);
    expect(await row.getByText('eventType=ProductOrderStateChangeEvent').isVisible()).toBe(true);
    expect(await row.getByText('by API key E2E storefront').isVisible()).toBe(true);
    expect(await row.getByText('Up to date').isVisible()).toBe(true);

    await row.getByRole('button', { name: /^Unsubscribe / }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Unsubscribe from events?' });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.getByText('https://203.0.113.20/linedesk/events').isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Unsubscribe', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    await expect.poll(() => section.getByText('No event subscriptions').isVisible()).toBe(true);
    expect(await row.count()).toBe(0);

    // The integration's own hub is gone too.
    expect((await asIntegrator('DELETE', `${ORDER_HUB}/${hubId}`)).status).toBe(404);
  });
});
