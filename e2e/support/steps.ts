import { expect, type Locator, type Page } from '@playwright/test';
import { TEST_PASSWORD } from './api.js';
import { brewRow } from './pwa-ui.js';

/**
 * What a person does in the app, step by step, for the user stories (e2e/story-*.spec.ts).
 * Only taps and typing on the real screens; what the server holds is checked elsewhere
 * (server-state.ts). Not a spec: Playwright runs only *.spec.ts.
 */

/** The sync pill in the header: what the user reads to know whether things reached the server. */
export const pill = (page: Page): Locator => page.locator('.sync-pill');

/** "Synced …" with nothing pending or rejected. */
export const SYNCED = /^Synced [^·]*$/;

/**
 * Waits until the brews list marks nothing as unsynced and the pill says "Synced" with nothing
 * pending. The marks come from the same live query as the rows; the pill's count follows a
 * moment later, so right after a save it can still read "Synced" alone.
 */
export async function expectAllSynced(page: Page): Promise<void> {
  await goTo(page, '#/');
  await expect(page.locator('.brew-item').first()).toBeVisible();
  await expect(page.locator('[data-unsynced="true"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(pill(page)).toHaveText(SYNCED);
}

/** Goes to a screen the way the tab bar and links do (hash routes). */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    location.hash = target;
  }, hash);
}

/** Logs in on the Account screen of a device that holds no data of its own. */
export async function logInThroughUi(page: Page, email: string): Promise<void> {
  await goTo(page, '#/account');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.locator('#a-email').fill(email);
  await page.locator('#a-password').fill(TEST_PASSWORD);
  await page.locator('form').getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
}

/** Logs out from the Account screen when nothing is unsynced, answering its one question. */
export async function logOutThroughUi(page: Page): Promise<void> {
  await goTo(page, '#/account');
  await page.getByRole('button', { name: 'Log out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log out of this device?' });
  await expect(dialog).toContainText('This device will be emptied.');
  await dialog.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await expect(pill(page)).toHaveText('Local only');
}

/**
 * Taps "Sync now" on the Account screen until `settled` passes: a sync already in flight (or
 * one another tab holds the lock for) makes a single tap a no-op, so the user taps again.
 */
export async function syncNowUntil(page: Page, settled: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await goTo(page, '#/account');
    const button = page.getByRole('button', { name: 'Sync now' });
    await expect(button).toBeEnabled({ timeout: 5_000 });
    await button.click();
    await expect(pill(page)).toHaveText(SYNCED, { timeout: 5_000 });
    await settled();
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
}

export interface LoggedBrew {
  id: string;
  /** The seconds the shot timer gave the Time field. */
  timeS: number;
}

/**
 * Logs a brew on "Log a brew", timing the shot with the app's timer: Start, wait until it
 * shows at least a second, Stop (which fills Time). Names a new bag when the device has none.
 */
export async function logTimedBrew(
  page: Page,
  notes: string,
  bagName = 'Kenya AA',
): Promise<LoggedBrew> {
  await goTo(page, '#/log');
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();
  // The form shows once the bag list has settled; only then is "a new bag" a real answer.
  await expect(page.getByTestId('save-brew')).toBeVisible();
  const newBag = page.locator('#f-bag-name');
  if (await newBag.isVisible()) await newBag.fill(bagName);
  await page.getByRole('button', { name: 'Start the shot timer' }).click();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^[1-9]\d*\.\d s$/);
  await page.getByRole('button', { name: 'Stop the shot timer' }).click();
  const timeS = Number(await page.locator('#f-timeS').inputValue());
  expect(timeS, 'the timer fills Time with whole seconds').toBeGreaterThanOrEqual(1);
  await page.locator('details.card summary').click();
  await page.locator('#f-notes').fill(notes);
  await page.getByTestId('save-brew').click();
  await expect(page).toHaveURL(/#\/\?saved=/);
  const id = new URL(page.url()).hash.split('saved=')[1] ?? '';
  await expect(brewRow(page, id)).toContainText(`${timeS} s`);
  return { id, timeS };
}

/** Opens a brew from the list (Brews tab), as a person taps it. */
export async function openBrew(page: Page, id: string): Promise<void> {
  await goTo(page, '#/');
  await brewRow(page, id).locator('.brew-link').click();
  await expect(page.getByRole('heading', { name: 'Edit brew' })).toBeVisible();
}

/** Sets a brew's rating on its edit screen and saves. */
export async function rateBrew(page: Page, id: string, stars: number): Promise<void> {
  await openBrew(page, id);
  await page.getByRole('button', { name: `${stars} star${stars > 1 ? 's' : ''}` }).click();
  await expect(page.getByRole('group', { name: /Rating/ })).toContainText(`${stars} of 5`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(brewRow(page, id)).toContainText(`rated ${stars}`);
}

/** Replaces a brew's notes on its edit screen and saves. */
export async function writeBrewNotes(page: Page, id: string, notes: string): Promise<void> {
  await openBrew(page, id);
  await page.locator('details.card summary').click();
  await page.locator('#f-notes').fill(notes);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Brews' })).toBeVisible();
}

/** The notes a brew's edit screen shows (they are not in the list). */
export async function brewNotes(page: Page, id: string): Promise<string> {
  await openBrew(page, id);
  return page.locator('#f-notes').inputValue();
}
