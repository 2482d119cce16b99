import { formatCents, ORDER_TYPE_LABELS, type WizardOrderType } from '@linedesk/domain';
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
const EXTRA = { code: 'E2E-EXTRA', name: 'E2E Extra Feature' };
const CREDENTIAL = 'e2e-gateway-credential-ab12';

type Json = Record<string, unknown>;

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

  /** A record as the API answers it, found by code. */
  const stored = async (entity: string, code: string): Promise<Json & { id: string; updatedAt: string }> => {
    const response = await page.request.get(`${server.url}/api/catalog/${entity}?status=all&search=${encodeURIComponent(code)}`);
    expect(response.status()).toBe(200);
    const record = ((await response.json()) as (Json & { id: string; code: string; updatedAt: string })[]).find((found) => found.code === code);
    if (!record) throw new Error(`no ${entity} ${code}`);
    return record;
  };

  /** Someone else's save, straight to the API, from the current copy (`If-Match`). Not for carriers (their secrets are masked). */
  const saveElsewhere = async (entity: string, code: string, change: (input: Json) => Json) => {
    const { id, createdAt: _createdAt, updatedAt, ...input } = await stored(entity, code);
    const response = await page.request.put(`${server.url}/api/catalog/${entity}/${id}`, {
      data: change(input),
      headers: { origin: server.url, 'if-match': updatedAt },
    });
    expect(response.status()).toBe(200);
  };

  /** The "Line totals" row the wizard's offer implies for this order type, as the editor prints it. */
  const offerRow = async (carrierCode: string, packageCode: string, orderType: WizardOrderType) => {
    const query = `carrierCode=${carrierCode}&packageCode=${packageCode}&orderType=${orderType}`;
    const response = await page.request.get(`${server.url}/api/catalog/wizard/offer?${query}`);
    expect(response.status()).toBe(200);
    const { totals } = (await response.json()) as { totals: { monthlyCents: number; oneTimeCents: number } };
    return `${ORDER_TYPE_LABELS[orderType]} order${formatCents(totals.monthlyCents)}${formatCents(totals.oneTimeCents)}`;
  };

  /** Opens a package's editor once it shows its products by name and its carrier (what its totals depend on). */
  const openPackageEditor = async (code: string, productName: string) => {
    const pkg = await stored('packages', code);
    await page.goto(`${server.url}/catalog/packages/${pkg.id}`);
    await page.getByRole('table', { name: 'Package products' }).getByText(productName, { exact: true }).first().waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Carrier', exact: true }).inputValue()).toContain(`(${pkg.carrierCode as string})`);
  };

  const isFocused = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((element) => element === document.activeElement);
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());

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

  it('should keep the carrier credential when an edit leaves it alone', async () => {
    await page.goto(`${server.url}/catalog/carriers`);
    await page.getByRole('button', { name: `Edit ${CARRIER.name}` }).click();
    const heading = page.getByRole('heading', { level: 1, name: CARRIER.name });
    await heading.waitFor();
    // A full-page editor starts with focus on its heading.
    await expect.poll(() => isFocused(heading)).toBe(true);
    await page.getByLabel('Display order').fill('7');

    // Clear, then Undo: each swaps its button away, and focus follows to the counterpart.
    await page.getByRole('button', { name: 'Clear credential' }).click();
    await expect.poll(focusedLabel).toBe('Undo clear');
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Clear credential');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${server.url}/catalog/carriers`);
    const carrier = await stored('carriers', CARRIER.code);
    expect(carrier.displayOrder).toBe(7);
    expect((carrier.provisioning as { credential: { isSet: boolean } }).credential.isSet).toBe(true);
  });

  it('should neither check nor save what was typed into the gateway inputs once Manual is chosen', async () => {
    await page.getByRole('button', { name: `Edit ${CARRIER.name}` }).click();
    await page.getByRole('heading', { level: 1, name: CARRIER.name }).waitFor();
    await page.getByLabel('Endpoint URL').fill('not a url');
    await page.getByRole('button', { name: 'Replace credential' }).click();
    await page.getByLabel('New credential').fill('typed-then-abandoned');
    await page.getByRole('radio', { name: 'Manual' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${server.url}/catalog/carriers`);
    expect((await stored('carriers', CARRIER.code)).provisioning).toEqual({
      adapter: 'manual',
      endpoint: 'https://gateway.example.com/v1',
      accountId: null,
      credential: { isSet: true, hint: '…ab12' },
      webhookSecret: { isSet: false, hint: null },
    });
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
    await expect.poll(focusedLabel).toBe('Move Device colour down');
    expect(await unlabelledInputs(page)).toEqual([]);

    await drawer.getByRole('button', { name: 'Create line type' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const response = await page.request.get(`${server.url}/api/catalog/line-types?search=${LINE_TYPE.code}`);
    const [lineType] = await response.json();
    expect(lineType.properties.map((property: { key: string }) => property.key)).toEqual(['deviceColour', 'lineUserName']);
  });

  it('should list an error whose input is not on screen in the form alert, and accept rates such as .0125', async () => {
    await page.goto(`${server.url}/catalog/ld-rate-plans`);
    await page.getByRole('button', { name: 'Create rate plan' }).click();
    const drawer = page.getByRole('dialog', { name: 'Create long distance rate plan' });
    await drawer.getByLabel('Code', { exact: true }).fill('E2E-LD');
    await drawer.getByLabel('Name', { exact: true }).fill('E2E Rates');
    await drawer.getByLabel('Domestic rate').fill('.0125');
    await drawer.getByLabel('Country code').fill('MX');
    await drawer.getByLabel('Country name').fill('Mexico');
    await drawer.getByLabel('Per-minute rate', { exact: true }).fill('.05');
    await drawer.getByRole('button', { name: 'Add country' }).click();
    await drawer.getByRole('textbox', { name: 'Mexico Per-minute rate' }).fill('abc');
    // The filter hides the row whose rate cannot be read.
    await drawer.getByLabel('Filter countries').fill('Canada');
    await drawer.getByRole('button', { name: 'Create rate plan' }).click();
    const alert = drawer.getByRole('alert').filter({ hasText: 'no field on screen' });
    await expect.poll(() => alert.textContent()).toContain('internationalRates.0.perMinuteMillicents: Enter a rate in dollars');
    await expect.poll(() => alert.evaluate((element) => element === document.activeElement)).toBe(true);

    await drawer.getByLabel('Filter countries').fill('');
    await drawer.getByRole('textbox', { name: 'Mexico Per-minute rate' }).fill('.05');
    await drawer.getByRole('button', { name: 'Create rate plan' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(await stored('ld-rate-plans', 'E2E-LD')).toMatchObject({
      domesticPerMinuteMillicents: 1250,
      internationalRates: [{ countryCode: 'MX', countryName: 'Mexico', perMinuteMillicents: 5000 }],
    });
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
    // "Add" disables itself once nothing is chosen: focus goes back to choosing the next product.
    await expect.poll(() => isFocused(page.getByRole('combobox', { name: 'Add product' }))).toBe(true);
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

  it('should show Line totals that match what the wizard charges for the package', async () => {
    // An active product on the package, then deactivated: the offer leaves it out, and so must the editor.
    const created = await page.request.post(`${server.url}/api/catalog/products`, {
      data: { carrierCode: CARRIER.code, code: EXTRA.code, name: EXTRA.name, kind: 'feature', monthlyCents: 250, oneTimeCents: 500 },
      headers: { origin: server.url },
    });
    expect(created.status()).toBe(201);
    await saveElsewhere('packages', PACKAGE.code, (input) => ({
      ...input,
      products: [...(input.products as Json[]), { productCode: EXTRA.code, quantity: 2, inclusion: 'required', orderType: 'ALL' }],
    }));
    await saveElsewhere('products', EXTRA.code, (input) => ({ ...input, isActive: false }));

    // Ours; one with products restricted to New or to Conversion and optional ones; one whose carrier does not populate products.
    const cases = [
      { carrierCode: CARRIER.code, packageCode: PACKAGE.code, productName: PRODUCT.name },
      { carrierCode: 'NWM', packageCode: 'NWM-UNL-ESS', productName: 'Unlimited Essentials 5G' },
      { carrierCode: 'PCC', packageCode: 'PCC-UNL', productName: 'Unlimited Everyday' },
    ];
    for (const { carrierCode, packageCode, productName } of cases) {
      await openPackageEditor(packageCode, productName);
      const totals = page.getByRole('table', { name: 'Line totals' });
      for (const orderType of ['NEW', 'CONVERSION'] as const) {
        const expected = await offerRow(carrierCode, packageCode, orderType);
        await expect.poll(() => totals.getByRole('row', { name: new RegExp(`^${ORDER_TYPE_LABELS[orderType]} order`) }).textContent()).toBe(expected);
      }
    }
    // Our package: the inactive product is not charged ($60.00 + $25.00 activation + $9.99 one-time).
    expect(await offerRow(CARRIER.code, PACKAGE.code, 'NEW')).toBe('New order$60.00$34.99');
  });

  it('should move focus to the next product after a Remove', async () => {
    await openPackageEditor('NWM-UNL-ESS', 'Unlimited Essentials 5G');
    await page.getByRole('button', { name: 'Remove Visual Voicemail' }).click();
    await expect.poll(focusedLabel).toBe('Remove Regulatory Cost Recovery Fee');
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Remove SIM Starter Kit');
  });

  it('should refuse a drawer save made from a stale copy, reload it and keep it open', async () => {
    await page.goto(`${server.url}/catalog/products`);
    await page.getByRole('button', { name: `Edit ${PRODUCT.name}` }).click();
    const drawer = page.getByRole('dialog', { name: 'Edit product' });
    await drawer.getByLabel('One-time price').waitFor();
    await saveElsewhere('products', PRODUCT.code, (input) => ({ ...input, description: 'Changed elsewhere' }));

    await drawer.getByLabel('One-time price').fill('8.99');
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => drawer.getByRole('alert').first().textContent()).toBe(
      'Changed by someone else since you opened it — reloaded; check and save again',
    );
    // The drawer now holds the record as stored: the other change, and not the refused one.
    expect(await drawer.getByLabel('Description').inputValue()).toBe('Changed elsewhere');
    expect(await drawer.getByLabel('One-time price').inputValue()).toBe('9.99');
    expect((await stored('products', PRODUCT.code)).oneTimeCents).toBe(999);

    await drawer.getByLabel('One-time price').fill('8.99');
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(await stored('products', PRODUCT.code)).toMatchObject({ oneTimeCents: 899, description: 'Changed elsewhere' });
  });

  it('should refuse a full-page save made from a stale copy, reload the form and stay on it', async () => {
    const pkg = await stored('packages', PACKAGE.code);
    await page.goto(`${server.url}/catalog/packages/${pkg.id}`);
    await page.getByRole('heading', { level: 1, name: PACKAGE.name }).waitFor();
    await saveElsewhere('packages', PACKAGE.code, (input) => ({ ...input, description: 'Changed elsewhere' }));

    await page.getByLabel('Display order').fill('5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // (Notifications are alerts too: this one is the form's.)
    await page.getByRole('alert').filter({ hasText: 'Changed by someone else since you opened it — reloaded; check and save again' }).waitFor();
    expect(page.url()).toBe(`${server.url}/catalog/packages/${pkg.id}`);
    expect(await page.getByLabel('Description').inputValue()).toBe('Changed elsewhere');

    await page.getByLabel('Display order').fill('5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${server.url}/catalog/packages`);
    expect(await stored('packages', PACKAGE.code)).toMatchObject({ displayOrder: 5, description: 'Changed elsewhere' });
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
