import { luhnCheckDigit } from '@linedesk/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { chooseOption, signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';

// Serial numbers of their own, so nothing collides with the demo stockroom the server seeds.
const imei = (tac: string, serial: number) => {
  const body = tac + String(serial).padStart(6, '0');
  return body + luhnCheckDigit(body);
};
const iccid = (serial: number) => {
  const body = `8901999${String(serial).padStart(11, '0')}`;
  return body + luhnCheckDigit(body);
};
const DEMO_IMEI_IN_STOCK = '352099001761416';

describe('Inventory, end to end', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'inventory');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('should receive devices by scanning, naming them from the TAC table, and refuse one already in stock', async () => {
    await page.getByRole('link', { name: 'Receive', exact: true }).first().click();
    await page.waitForURL(`${server.url}/inventory/receive`);
    await chooseOption(page, page, 'Carrier', /Northwind Mobile/);
    await page.getByRole('combobox', { name: 'Location' }).fill('E2E shelf');
    await page.getByLabel('Purchase order').fill('PO-E2E-1');
    expect(await unlabelledInputs(page)).toEqual([]);

    // A keyboard-wedge scanner: fast keystrokes, then Enter, into the focused scan field.
    const scanField = page.getByLabel('Scan a device');
    for (const value of [imei('35209900', 900001), imei('35209900', 900002), DEMO_IMEI_IN_STOCK]) {
      await scanField.focus();
      await page.keyboard.type(value, { delay: 5 });
      await page.keyboard.press('Enter');
    }
    const list = page.getByRole('table', { name: 'Scanned items' });
    await list.getByText('Received', { exact: true }).nth(1).waitFor();
    await list.getByRole('alert').waitFor();
    expect(await list.getByRole('alert').textContent()).toContain('already in stock');
    expect(await list.getByText('Received', { exact: true }).count()).toBe(2);
    // Make and model were left empty: the first IMEI's TAC entry filled them for every device after it.
    expect(await page.getByLabel('Make').inputValue()).toBe('Aurora');
    expect(await page.getByLabel('Model').inputValue()).toBe('Aurora X5 128 GB');
    expect(await list.getByText('Aurora X5 128 GB').count()).toBe(2);
  });

  it('should import a CSV file and show the report of accepted and refused rows with reasons', async () => {
    await page.goto(`${server.url}/inventory/import`);
    const wrong = imei('35460811', 900003).slice(0, -1) + String((Number(imei('35460811', 900003).at(-1)) + 1) % 10);
    const csv = [
      'kind,carrier,imei,iccid,make,model,location,cost,purchase_order',
      `SIM,NWM,,${iccid(424242)},Northwind,Nano SIM (4FF),E2E shelf,1.50,PO-E2E-2`,
      `SIM,NWM,,${iccid(424243)},Northwind,Nano SIM (4FF),E2E shelf,1.50,PO-E2E-2`,
      `Device,NWM,${wrong},,,,E2E shelf,39.00,PO-E2E-2`,
    ].join('\n');
    await page.getByLabel('Stock file', { exact: true }).setInputFiles({ name: 'e2e-delivery.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('status').filter({ hasText: 'e2e-delivery.csv has 3 rows' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const report = page.getByRole('table', { name: 'Import report' });
    await report.waitFor();
    expect(await page.getByText('2 accepted', { exact: true }).count()).toBe(1);
    expect(await page.getByText('1 refused', { exact: true }).count()).toBe(1);
    // Refused rows show first, with the line, the column and the reason.
    const refused = report.getByRole('row').filter({ hasText: 'Refused' });
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toMatch(/^4Refused.*imei: .*check digit/);
    await page.getByText('All rows', { exact: true }).click();
    expect(await report.getByRole('row').filter({ hasText: 'Accepted' }).count()).toBe(2);
    // Importing the same file again changes nothing.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('2 already in stock', { exact: true }).waitFor();
    expect(await page.getByText('0 accepted', { exact: true }).count()).toBe(1);
  });

  it('should find an item by a fragment of its identifier, open it and mark it Defective with a reason', async () => {
    await page.goto(`${server.url}/inventory/items`);
    const fragment = iccid(424243).slice(-8, -1);
    const search = page.getByLabel('Search by identifier');
    await search.fill(fragment);
    const table = page.getByRole('table', { name: 'Stock items' });
    // The visible summary (a copy for screen readers comes first in the page).
    await page.getByText(`1 item matches “${fragment}”.`, { exact: true }).last().waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    expect(page.url()).toContain(`q=${fragment}`);

    // The whole ICCID in a link (19 digits, past what a JavaScript number holds): read as typed, every digit kept.
    const whole = iccid(424243);
    await page.goto(`${server.url}/inventory/items?q=${whole}`);
    await page.getByText(`1 item matches “${whole}”.`, { exact: true }).last().waitFor();
    expect(await search.inputValue()).toBe(whole);
    await search.fill(fragment);
    await page.getByText(`1 item matches “${fragment}”.`, { exact: true }).last().waitFor();

    // Enter in the search box opens the item found.
    await search.press('Enter');
    await page.waitForURL(/\/inventory\/items\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Nano SIM (4FF)' }).waitFor();
    expect(await page.getByText('Available', { exact: true }).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Mark Defective' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark Defective?' });
    await dialog.getByLabel('Reason').fill('Chip scratched, will not read');
    await dialog.getByRole('button', { name: 'Mark Defective' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const history = page.getByRole('table', { name: 'Item history' });
    await history.getByText('Available → Defective').waitFor();
    expect(await history.getByRole('row').nth(1).textContent()).toContain('Chip scratched, will not read');
    expect(await page.getByRole('button', { name: 'Mark Removed' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Mark Defective' }).count()).toBe(0);
  });
});
