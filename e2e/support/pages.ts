import type { Browser, Locator, Page } from 'playwright-core';

/** A fresh browser context at the size the screens are designed for, signed in with a demo user. */
export async function signedInPage(browser: Browser, baseUrl: string, role: 'admin' | 'agent' | 'inventory' | 'viewer'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill(`${role}@demo.linedesk.app`);
  await page.getByLabel('Password', { exact: true }).fill(`linedesk-${role}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

/**
 * Inputs on screen with no visible name: neither a visible <label> nor an aria-labelledby that
 * points at visible text (table editors name their inputs by column heading and row). Elements
 * hidden from assistive tech (a textarea's autosize mirror) are not inputs anyone uses.
 */
export function unlabelledInputs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((el) => (el as HTMLInputElement).type !== 'hidden' && el.getAttribute('aria-hidden') !== 'true')
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const byLabel = [...(el.labels ?? [])].some((label) => label.textContent?.trim() && label.offsetParent !== null);
        const byIds = (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => document.getElementById(id))
          .some((target) => target !== null && target.textContent?.trim() && target.offsetParent !== null);
        return !byLabel && !byIds;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Picks an option of a Mantine Select or MultiSelect: open it by its label, then click the option. */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  // Visible ones only: the list's native <select> filters have <option>s with the same names.
  await page.getByRole('option', { name: option }).filter({ visible: true }).first().click();
}
