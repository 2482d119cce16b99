import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';

type Json = Record<string, unknown>;
type CreatedOrder = { customerId: string; accountNumber: string; orderId: string; orderNumber: string };

const SSN = '123-45-6789';
const PIN = '4826';

describe('Customers > Search, the account page and the Customer Profile settings', () => {
  let server: RunningServer;
  let browser: Browser;
  let created: CreatedOrder;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const agent = await signedInPage(browser, server.url, 'agent');
    created = await signUpThroughTheApi(agent, server.url);
    await agent.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('should find the customer by phone as a viewer, open it with Enter and show its account', async () => {
    const page = await signedInPage(browser, server.url, 'viewer');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL(`${server.url}/customers`);

    // The box has focus on arrival; results come as you type and the search is kept in the address.
    await page.keyboard.type('(312) 555-0101');
    const results = page.getByRole('table', { name: 'Customers found' });
    await expect.poll(() => results.getByRole('row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('q')).toBe('(312) 555-0101');
    await expect.poll(() => results.textContent()).toContain(created.accountNumber);
    expect(await unlabelledInputs(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/customers/${created.customerId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Jane M Rivera');
    const main = page.getByRole('main');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain(created.accountNumber);
    expect(text).toContain('Pending');
    expect(text).toContain('Created');
    expect(text).toContain('by Sam Agent');
    // Secrets only ever masked: the SSN's last four at most, never the SSN or the PIN.
    expect(text).toContain('•••-••-6789');
    expect(text).not.toContain(SSN);
    expect(text).not.toContain(PIN);
    expect(text).toContain('Visa •••• 4242');
    for (const heading of ['Profile', 'Addresses', 'Contacts', 'Payment methods', 'Services and Workflow']) {
      await expect.poll(() => page.getByRole('heading', { name: heading, exact: true }).isVisible()).toBe(true);
    }

    // Services and Workflow > Lines: the number being ported in, and one the carrier has not assigned yet.
    const lines = page.getByRole('table', { name: 'Lines' });
    await expect.poll(() => lines.textContent()).toContain('Porting (312) 555-0101');
    expect(await lines.textContent()).toContain('Not assigned yet');
    expect(await lines.textContent()).toContain(created.orderNumber);

    // Orders tab > Options > View Details: a link to the order page.
    await page.getByRole('tab', { name: /Orders/ }).click();
    const orders = page.getByRole('table', { name: 'Orders' });
    await expect.poll(() => orders.textContent()).toContain(created.orderNumber);
    await orders.getByRole('button', { name: 'Options' }).first().click();
    const viewDetails = page.getByRole('menuitem', { name: 'View Details' });
    await viewDetails.waitFor();
    expect(await viewDetails.getAttribute('href')).toBe(`/orders/${created.orderId}`);
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  it('should confirm the order Create Order made, mark it in the Orders tab, and let the notice be dismissed', async () => {
    const page = await signedInPage(browser, server.url, 'agent');
    await page.goto(`${server.url}/customers/${created.customerId}?created=${created.orderNumber}`);
    const notice = page.getByRole('status').filter({ hasText: `Order ${created.orderNumber} created` });
    await notice.waitFor();
    // Arriving from Create Order opens the Orders tab.
    await expect.poll(() => page.getByRole('tab', { name: /Orders/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByRole('table', { name: 'Orders' }).textContent()).toContain('Just created');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForURL(`${server.url}/customers/${created.customerId}`);
    expect(await notice.count()).toBe(0);
    await page.context().close();
  });

  it('should say so when nothing matches, and when an account does not exist', async () => {
    const page = await signedInPage(browser, server.url, 'inventory');
    await page.goto(`${server.url}/customers?q=nobody-by-this-name`);
    await expect.poll(() => page.getByRole('heading', { name: 'No customers match “nobody-by-this-name”' }).isVisible()).toBe(true);
    // Screen readers hear it too: the search's status region says the same.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No customers match' }).count()).toBe(1);
    expect(await page.getByLabel('Search customers').inputValue()).toBe('nobody-by-this-name');
    await page.goto(`${server.url}/customers/00000000-0000-4000-8000-000000000000`);
    await expect.poll(() => page.getByText('This account does not exist').isVisible()).toBe(true);
    await page.context().close();
  });

  it('should let an admin choose which Customer Profile fields show and are required, from the keyboard', async () => {
    const page = await signedInPage(browser, server.url, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL(`${server.url}/settings/customer-profile`);
    const pin = page.getByRole('radiogroup', { name: 'Security PIN' });
    await pin.waitFor();
    expect(await page.getByRole('radiogroup').count()).toBe(13);
    expect(await unlabelledInputs(page)).toEqual([]);

    await pin.getByRole('radio', { name: 'Optional' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pin.getByRole('radio', { name: 'Required' }).isChecked()).toBe(true);
    await page.getByRole('radiogroup', { name: 'Website' }).getByText('Hidden', { exact: true }).click();
    await expect.poll(() => page.getByText('2 unsaved changes').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('Customer Profile fields saved').isVisible()).toBe(true);

    const stored = (await (await page.request.get(`${server.url}/api/wizard/profile-fields`)).json()) as Json;
    expect(stored).toMatchObject({ securityPin: 'required', website: 'hidden', language: 'optional' });
    await page.reload();
    await expect.poll(() => page.getByRole('radiogroup', { name: 'Security PIN' }).getByRole('radio', { name: 'Required' }).isChecked()).toBe(true);
    await page.context().close();

    // Other roles are refused the page in the browser.
    const agent = await signedInPage(browser, server.url, 'agent');
    await agent.goto(`${server.url}/settings/customer-profile`);
    await expect.poll(() => agent.getByText("You don't have access to this page").isVisible()).toBe(true);
    await agent.context().close();
  });
});

/** The New Customer Wizard through its API, as an agent: a residential customer with a port-in line and a new line. */
async function signUpThroughTheApi(page: Page, baseUrl: string): Promise<CreatedOrder> {
  const headers = { origin: baseUrl };
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> => {
    const response = await page.request.fetch(`${baseUrl}${path}`, { method, headers, data });
    if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const salesPeople = await call<{ id: string; name: string }[]>('GET', '/api/users/sales-people');
  const sam = salesPeople.find((person) => person.name === 'Sam Agent');
  if (!sam) throw new Error('no demo sales person');
  const productsOf = async (packageCode: string, orderType: 'NEW' | 'CONVERSION') => {
    const offer = await call<{ products: { productCode: string; quantity: number; inclusion: string }[] }>(
      'GET',
      `/api/catalog/wizard/offer?carrierCode=NWM&packageCode=${packageCode}&orderType=${orderType}`,
    );
    return offer.products.filter((product) => product.inclusion !== 'optional').map(({ productCode, quantity }) => ({ productCode, quantity }));
  };
  const address = { line1: '1420 N Lake Shore Dr', line2: 'Apt 12B', city: 'Chicago', state: 'IL', zip: '60610' };

  const { id } = await call<{ id: string }>('POST', '/api/wizard/drafts', {});
  const draft = `/api/wizard/drafts/${id}`;
  await call('PUT', `${draft}/start`, {
    carrierCode: 'NWM',
    orderType: 'CONVERSION',
    contacts: [{ contactType: 'PRIMARY', firstName: 'Jane', lastName: 'Rivera', phone: '3125550101', email: 'jane.rivera@example.com' }],
  });
  await call('PUT', `${draft}/profile`, {
    customerClass: 'RESIDENTIAL',
    billProfileCode: 'RES-STD',
    billMethod: 'EMAIL',
    billEmail: 'jane.rivera@example.com',
    salesPersonUserId: sam.id,
    securityPin: PIN,
    primaryPhone: '3125550101',
    ssn: SSN,
  });
  await call('PUT', `${draft}/names`, { firstName: 'Jane', middleName: 'M', lastName: 'Rivera', serviceAddress: address, listingType: 'NON_PUBLISHED' });
  await call('POST', `${draft}/lines`, {
    orderType: 'CONVERSION',
    lineTypeCode: 'SMARTPHONE',
    packageCode: 'NWM-UNL-ESS',
    products: await productsOf('NWM-UNL-ESS', 'CONVERSION'),
    properties: { userName: 'Jane Rivera' },
    portIn: {
      number: '3125550101',
      currentCarrier: 'Old Carrier Wireless',
      accountNumber: '88812345',
      pin: '2468',
      authorizedSigner: 'Jane Rivera',
      accountName: 'Jane Rivera',
      address,
    },
  });
  await call('POST', `${draft}/lines`, {
    orderType: 'NEW',
    lineTypeCode: 'SMARTPHONE',
    packageCode: 'NWM-UNL-PREM',
    products: await productsOf('NWM-UNL-PREM', 'NEW'),
    properties: { userName: 'Leo Rivera' },
    areaCode: '312',
  });
  await call('PUT', `${draft}/final`, { options: { fulfillment: 'PICKUP', sendAutomatically: false } });
  await call('POST', `${draft}/payment-card`, { number: '4242424242424242', expMonth: 12, expYear: 2030, cvv: '123', nameOnCard: 'Jane Rivera', billingZip: '60610' });
  return call<CreatedOrder>('POST', `${draft}/create-order`, {});
}
