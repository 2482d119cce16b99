import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { chooseOption, signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';

// Codes of their own, so the demo catalog the server seeds never collides with what the test makes.
const CARRIER = { code: 'E2E-CARRIER', name: 'E2E Wireless' };
const PRODUCT = { code: 'E2E-PLAN', name: 'E2E Unlimited Plan' };
const LINE_TYPE = { code: 'E2E-PHONE', name: 'E2E Phone' };
const PACKAGE = { code: 'E2E-PKG', name: 'E2E Starter Package' };
const CREDENTIAL = 'e2e-gateway-credential-ab12';

describe('the catalog admin screens, end to end', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const offered = async (query: string) => {
    const response = await page.request.get(`${server.url}/api/catalog/wizard/packages?${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { code: string; name: string }[]).map((pkg) => pkg.code);
  };

  it('should open the catalog from the menu, and fold the Catalog group from the keyboard', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const toggle = nav.getByRole('button', { name: 'Catalog' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Carriers', exact: true }).click();
    await page.waitForURL(`${server.url}/catalog/carriers`);
    await page.getByRole('table', { name: 'Carriers' }).waitFor();
  });

  it('should create a carrier whose credential is stored but never shown', async () => {
    await page.getByRole('button', { name: 'Create carrier' }).click();
    await page.waitForURL(`${server.url}/catalog/carriers/new`);
    await page.getByLabel('Code', { exact: true }).fill(CARRIER.code);
    await page.getByLabel('Name', { exact: true }).fill(CARRIER.name);
    // A new carrier takes New and Conversion orders until told otherwise.
    expect(await page.getByRole('checkbox', { name: 'New', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Conversion', exact: true }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Carrier gateway' }).check();
    await page.getByLabel('Endpoint URL').fill('https://gateway.example.com/v1');
    await page.getByLabel('Credential', { exact: true }).fill(CREDENTIAL);
    expect(await unlabelledInputs(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create carrier' }).click();
    await page.waitForURL(`${server.url}/catalog/carriers`);
    await page.getByRole('button', { name: `Edit ${CARRIER.name}` }).click();

    await page.getByRole('heading', { level: 1, name: CARRIER.name }).waitFor();
    await expect.poll(() => page.getByText('Set · ends in …ab12').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Replace credential' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(CREDENTIAL);
    const id = page.url().split('/').pop();
    const stored = await page.request.get(`${server.url}/api/catalog/carriers/${id}`);
    expect((await stored.json()).provisioning.credential).toEqual({ isSet: true, hint: '…ab12' });
  });

  it('should create a product for that carrier', async () => {
    await page.goto(`${server.url}/catalog/products`);
    await page.getByRole('button', { name: 'Create product' }).click();
    const drawer = page.getByRole('dialog', { name: 'Create product' });
    await chooseOption(page, drawer, 'Carrier', new RegExp(CARRIER.name));
    await drawer.getByLabel('Code (SOC / USOC)').fill(PRODUCT.code);
    await drawer.getByLabel('Name', { exact: true }).fill(PRODUCT.name);
    await drawer.getByLabel('Monthly price').fill('30');
    await drawer.getByLabel('One-time price').fill('9.99');
    await drawer.getByRole('button', { name: 'Create product' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByRole('table', { name: 'Products' }).getByRole('row', { name: new RegExp(PRODUCT.name) });
    await expect.poll(() => row.textContent()).toContain('$30.00');
  });

  it('should create a line type, its properties keyed from their labels and reordered from the keyboard', async () => {
    await page.goto(`${server.url}/catalog/line-types`);
    await page.getByRole('button', { name: 'Create line type' }).click();
    const drawer = page.getByRole('dialog', { name: 'Create line type' });
    await drawer.getByLabel('Code', { exact: true }).fill(LINE_TYPE.code);
    await drawer.getByLabel('Name', { exact: true }).fill(LINE_TYPE.name);

    await drawer.getByRole('button', { name: 'Add property' }).click();
    // The new card's first input (its label) has focus.
    await page.keyboard.type('Line user name');
    const first = drawer.getByRole('region', { name: 'Property 1: Line user name' });
    expect(await first.getByLabel('Key', { exact: true }).inputValue()).toBe('lineUserName');
    await drawer.getByRole('button', { name: 'Add property' }).click();
    await page.keyboard.type('Device colour');

    await drawer.getByRole('button', { name: 'Move Device colour up' }).focus();
    await page.keyboard.press('Enter');
    await drawer.getByRole('region', { name: 'Property 1: Device colour' }).waitFor();
    // At the top "up" is disabled, so focus stays with the card on its "down" button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Device colour down');
    expect(await unlabelledInputs(page)).toEqual([]);

    await drawer.getByRole('button', { name: 'Create line type' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const response = await page.request.get(`${server.url}/api/catalog/line-types?search=${LINE_TYPE.code}`);
    const [lineType] = await response.json();
    expect(lineType.properties.map((property: { key: string }) => property.key)).toEqual(['deviceColour', 'lineUserName']);
  });

  it('should create a package with the product, showing its totals while editing', async () => {
    await page.goto(`${server.url}/catalog/packages`);
    await page.getByRole('button', { name: 'Create package' }).click();
    await page.waitForURL(/\/catalog\/packages\/new/);
    await chooseOption(page, page, 'Carrier', new RegExp(CARRIER.name));
    await page.getByLabel('Code', { exact: true }).fill(PACKAGE.code);
    await page.getByLabel('Name', { exact: true }).fill(PACKAGE.name);
    await chooseOption(page, page, 'Line types', new RegExp(LINE_TYPE.name));
    await page.keyboard.press('Escape');
    await page.getByLabel('Monthly price', { exact: true }).fill('40');
    await page.getByLabel('Activation fee').fill('25');

    await chooseOption(page, page, 'Add product', new RegExp(PRODUCT.name));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const products = page.getByRole('table', { name: 'Package products' });
    await products.getByRole('row', { name: new RegExp(PRODUCT.name) }).waitFor();
    const totals = page.getByRole('table', { name: 'Line totals' });
    await expect.poll(() => totals.getByRole('row', { name: /New order/ }).textContent()).toBe('New order$70.00$34.99');

    // A price override replaces the catalog price, and the totals follow as it is typed.
    await products.getByRole('textbox', { name: `${PRODUCT.name} Monthly price` }).fill('20');
    await expect.poll(() => totals.getByRole('row', { name: /New order/ }).textContent()).toBe('New order$60.00$34.99');
    expect(await unlabelledInputs(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create package' }).click();
    await page.waitForURL(`${server.url}/catalog/packages`);
    await page.getByRole('table', { name: 'Packages' }).getByRole('row', { name: new RegExp(PACKAGE.name) }).waitFor();
  });

  it('should offer the package in the order wizard for new orders', async () => {
    expect(await offered(`carrierCode=${CARRIER.code}&orderType=NEW`)).toContain(PACKAGE.code);
    expect(await offered(`carrierCode=${CARRIER.code}&lineTypeCode=${LINE_TYPE.code}&orderType=NEW`)).toContain(PACKAGE.code);
  });

  it('should deactivate the carrier after a confirmation, hiding its packages, and activate it again', async () => {
    await page.goto(`${server.url}/catalog/carriers`);
    const row = page.getByRole('table', { name: 'Carriers' }).getByRole('row', { name: new RegExp(CARRIER.name) });
    const moreActions = page.getByRole('button', { name: `More actions for ${CARRIER.name}` });
    await moreActions.click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate carrier?' });
    expect(await confirm.textContent()).toContain('Nothing is deleted');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => row.textContent()).toContain('Inactive');
    expect(await offered(`carrierCode=${CARRIER.code}&orderType=NEW`)).not.toContain(PACKAGE.code);

    // Activating needs no confirmation.
    await moreActions.click();
    await page.getByRole('menuitem', { name: 'Activate' }).click();
    await expect.poll(() => row.textContent()).toContain('Active');
    await expect.poll(() => row.textContent()).not.toContain('Inactive');
    expect(await offered(`carrierCode=${CARRIER.code}&orderType=NEW`)).toContain(PACKAGE.code);
  });
});
