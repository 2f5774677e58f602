import { expect, type Page } from '@playwright/test';
import { TEST_PASSWORD } from './api.js';

/**
 * The few UI steps the service-worker specs take as a user would (client/src/ui): sign up,
 * log a brew, log out. Not a spec: Playwright runs only *.spec.ts.
 */

/** Signs up on the Account screen and waits until the app says who is signed in. */
export async function signUpThroughUi(page: Page, email: string): Promise<void> {
  await page.goto('/#/account');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.locator('#a-email').fill(email);
  await page.locator('#a-password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
}

/**
 * Logs a brew on the "Log a brew" screen (from a new bag when the device has none), waits for
 * it on Today, and returns its id (the app lands on `#/?saved=<id>`).
 */
export async function logBrewThroughUi(page: Page, notes: string, bagName = 'Kenya AA') {
  await page.evaluate(() => {
    location.hash = '#/log';
  });
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();
  // The form shows once the bag list has settled; only then is "a new bag" a real answer.
  await expect(page.getByTestId('save-brew')).toBeVisible();
  const newBag = page.locator('#f-bag-name');
  if (await newBag.isVisible()) await newBag.fill(bagName);
  // Notes sit under "More: grinder, temperature, …, notes".
  await page.locator('details.card summary').click();
  await page.locator('#f-notes').fill(notes);
  await page.getByTestId('save-brew').click();
  await expect(page).toHaveURL(/#\/\?saved=/);
  const id = new URL(page.url()).hash.split('saved=')[1] ?? '';
  await expect(brewRow(page, id)).toBeVisible();
  return id;
}

/** A brew on Today. */
export function brewRow(page: Page, id: string) {
  return page.locator(`.brew-item[data-brew="${id}"]`);
}
