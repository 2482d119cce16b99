import { ROLE_LABELS, ROLES, type Role } from '@linedesk/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { unlabelledInputs } from './support/pages.js';
import { startServer, type RunningServer } from './support/server-process.js';

const DEMO_NAMES: Record<Role, string> = {
  admin: 'Avery Admin',
  agent: 'Sam Agent',
  inventory: 'Riley Stock',
  viewer: 'Vic Viewer',
};

// What each role should find in the main navigation, in order; nothing else. A group ("Customers",
// "Catalog") is a toggle button followed by the pages this role may open in it.
const EXPECTED_NAV: Record<Role, string[]> = {
  admin: [
    'Home',
    'Customers',
    'Create New',
    'Search',
    'Drafts',
    'Orders',
    'All Orders',
    'Fallout',
    'Inventory',
    'Items',
    'Receive',
    'Import CSV',
    'TAC Table',
    'Catalog',
    'Carriers',
    'Packages',
    'Products',
    'Line Types',
    'Long Distance Rates',
    'Bill Profiles',
    'Agents',
    'Import / Export',
    'Users',
    'Integrations',
    'Audit Log',
    'Settings',
    'API Docs',
    'My Account',
  ],
  agent: ['Home', 'Customers', 'Create New', 'Search', 'Drafts', 'Orders', 'All Orders', 'Fallout', 'Inventory', 'Items', 'My Account'],
  // Everyone searches and views customers; only admins and agents sign them up.
  inventory: ['Home', 'Customers', 'Search', 'Orders', 'All Orders', 'Fallout', 'Inventory', 'Items', 'Receive', 'Import CSV', 'TAC Table', 'My Account'],
  viewer: ['Home', 'Customers', 'Search', 'Orders', 'All Orders', 'Fallout', 'Inventory', 'Items', 'My Account'],
};

describe('signing in, the navigation each role sees, and signing out', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    return context.newPage();
  }

  async function signIn(page: Page, role: Role): Promise<void> {
    await page.getByLabel('Email', { exact: true }).fill(`${role}@demo.linedesk.app`);
    await page.getByLabel('Password', { exact: true }).fill(`linedesk-${role}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('should send an anonymous visitor to sign-in, and answer the API with 401', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/users`);
    await page.waitForURL(/\/sign-in\?redirect=%2Fusers$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to LineDesk' }).isVisible()).toBe(true);
    const api = await page.request.get(`${server.url}/api/users`);
    expect(api.status()).toBe(401);
    expect((await api.json()).code).toBe('UNAUTHENTICATED');
    await page.context().close();
  });

  it('should show the server reason when the password is wrong', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill('agent@demo.linedesk.app');
    await page.getByLabel('Password', { exact: true }).fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('email or password is not correct');
    expect(page.url()).toContain('/sign-in');
    await page.context().close();
  });

  for (const role of ROLES) {
    it(`should sign ${role} in, show exactly the ${role} navigation, and sign out`, async () => {
      const page = await newPage();
      await page.goto(`${server.url}/`);
      await page.waitForURL(/\/sign-in/);
      await signIn(page, role);
      await page.waitForURL(`${server.url}/`);
      const userMenu = page.getByRole('button', { name: `User menu: ${DEMO_NAMES[role]} (${ROLE_LABELS[role]})` });
      await userMenu.waitFor();

      const nav = page.getByRole('navigation', { name: 'Main' });
      const entries = await nav.getByRole('link').or(nav.getByRole('button')).allTextContents();
      expect(entries.map((text) => text.trim())).toEqual(EXPECTED_NAV[role]);

      if (role === 'admin') {
        await nav.getByRole('link', { name: 'Users', exact: true }).click();
        await page.waitForURL(`${server.url}/users`);
        const table = page.getByRole('table', { name: 'Users' });
        await expect.poll(() => table.getByRole('row').count()).toBe(5);
      } else {
        // The page is refused in the browser: the users list is never even asked for.
        const usersRequests: string[] = [];
        page.on('request', (request) => {
          if (new URL(request.url()).pathname.startsWith('/api/users')) usersRequests.push(request.url());
        });
        await page.goto(`${server.url}/users`);
        await expect.poll(() => page.getByText("You don't have access to this page").isVisible()).toBe(true);
        expect(usersRequests).toEqual([]);
      }

      await userMenu.click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in/);
      const session = await page.request.get(`${server.url}/api/auth/session`);
      expect(session.status()).toBe(401);
      await page.context().close();
    });
  }

  it('should work from the keyboard alone: sign in with Tab and Enter, then reach the navigation', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email', { exact: true }).waitFor();
    // The email field has focus on load.
    await page.keyboard.type('admin@demo.linedesk.app');
    await page.keyboard.press('Tab');
    await page.keyboard.type('linedesk-admin');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    let reachedUsers = false;
    // Past Home, the Customers group and the Catalog group (their toggles and pages).
    for (let i = 0; i < 25 && !reachedUsers; i += 1) {
      await page.keyboard.press('Tab');
      reachedUsers = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Users');
    }
    expect(reachedUsers).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/users`);
    await page.context().close();
  });

  it('should give every input on the Users page a visible label', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/sign-in`);
    await signIn(page, 'admin');
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/users`);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await unlabelledInputs(page)).toEqual([]);
    await page.context().close();
  });
});
