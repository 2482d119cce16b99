import { API_KEY_PATTERN } from '@linedesk/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signedInPage, unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';

describe('Administration > Integrations: API Keys, end to end', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A call as an integrator makes it: the key, no cookie, no Origin. */
  const callWithKey = (key: string) => fetch(`${server.url}/api/orders`, { headers: { authorization: `Bearer ${key}` } });

  it('should create a key, show it once with a copy button, and revoke it after a confirmation', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Integrations', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Integrations', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'API Keys', level: 2, exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const form = page.getByRole('dialog', { name: 'Create API key' });
    await form.getByLabel('Name', { exact: true }).fill('E2E CRM');
    await form.getByLabel('Role', { exact: true }).selectOption('agent');
    await form.getByLabel('Expires', { exact: true }).selectOption('date');
    await form.getByLabel('Expiry date', { exact: true }).fill('2099-12-31');
    expect(await unlabelledInputs(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await shown.getByText('This is the only time the key is shown').isVisible()).toBe(true);
    const key = await shown.getByLabel('API key for E2E CRM').inputValue();
    expect(key).toMatch(API_KEY_PATTERN);
    await shown.getByRole('button', { name: 'Copy key' }).click();
    await expect.poll(() => shown.getByRole('button', { name: 'Copied' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The key works at once, for what its role may do.
    expect((await callWithKey(key)).status).toBe(200);
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => shown.isVisible()).toBe(false);

    const row = page.getByRole('row').filter({ hasText: 'E2E CRM' });
    expect(await row.getByText(`ldk_${key.slice(4, 12)}_…`).isVisible()).toBe(true);
    expect(await row.getByText('Active').isVisible()).toBe(true);
    expect(await row.getByText('Agent').isVisible()).toBe(true);
    // The key is never on the page again, not even when creating another.
    expect(await page.content()).not.toContain(key);
    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const again = page.getByRole('dialog', { name: 'Create API key' });
    expect(await again.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    expect(await page.content()).not.toContain(key);
    await page.keyboard.press('Escape');
    await expect.poll(() => again.isVisible()).toBe(false);

    // Revoke, from the keyboard: the row's button, then the confirmation's.
    await row.getByRole('button', { name: 'Revoke E2E CRM' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Revoke API key?' });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Revoke key' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    await expect.poll(() => row.getByText('Revoked').isVisible()).toBe(true);
    expect(await row.getByRole('button', { name: 'Revoke E2E CRM' }).count()).toBe(0);

    const refused = await callWithKey(key);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { reason: string }).reason).toMatch(/^This API key \(E2E CRM\) was revoked on /);
  });
});
