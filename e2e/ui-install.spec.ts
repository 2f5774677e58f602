import type { Browser, BrowserContext, Page } from '@playwright/test';
import { PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { logBrewThroughUi } from './support/pwa-ui.js';
import type { RunningServer } from './support/server.js';
import { importThroughUi, press, sampleExport } from './support/ui.js';

/**
 * "Install Dial-in" where Chromium fires `beforeinstallprompt`, with a synthetic event: the
 * page gets an Event of that name carrying `prompt()` and `userChoice`, as Chromium's does,
 * and the test counts the prompts the app asks for and chooses the person's answer.
 *
 * A fresh non-persistent context on purpose: Chromium reports it `in-incognito` and never
 * fires a real event there, so every event the app sees is the test's. (The persistent
 * profiles of e2e/support/device.ts do get real ones: e2e/engines/install-offer.engine.ts.)
 *
 * `display-mode` cannot be emulated (page.emulateMedia knows colour scheme, reduced motion
 * and forced colours only), so "running installed" is an init script answering matchMedia's
 * display-mode queries as an installed app would, and passing every other query through.
 */

type Outcome = 'accepted' | 'dismissed';

/** Installed in the page before the app: fires the synthetic event and counts its prompts. */
const PROMPT_HARNESS = `
window.__installTest = { prompts: 0, prevented: [] };
window.__fireInstallPrompt = (outcome) => {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  let answer;
  const choice = new Promise((resolve) => { answer = resolve; });
  event.prompt = () => {
    window.__installTest.prompts += 1;
    answer({ outcome, platform: 'web' });
    return Promise.resolve({ outcome });
  };
  Object.defineProperty(event, 'userChoice', { value: choice });
  window.dispatchEvent(event);
  window.__installTest.prevented.push(event.defaultPrevented);
};`;

const STANDALONE = `
const realMatchMedia = window.matchMedia.bind(window);
window.matchMedia = (query) => {
  if (!query.includes('display-mode')) return realMatchMedia(query);
  const installed = realMatchMedia('(min-width: 0px)');
  return Object.defineProperty(installed, 'media', { value: query });
};`;

async function phone(browser: Browser, server: RunningServer, scripts: string[]) {
  const context = await browser.newContext({ ...PHONE, baseURL: server.url });
  for (const script of scripts) await context.addInitScript(script);
  return context;
}

const fire = (page: Page, outcome: Outcome) =>
  page.evaluate(
    (o) => (window as unknown as { __fireInstallPrompt(o: string): void }).__fireInstallPrompt(o),
    outcome,
  );

const harness = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __installTest: { prompts: number; prevented: boolean[] } })
        .__installTest,
  );

const settingsSection = (page: Page) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: 'Install Dial-in' }) });
const card = (page: Page) => page.locator('.install-card');

async function openSettings(page: Page) {
  await page.evaluate(() => {
    location.hash = '#/settings';
  });
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible();
}

/**
 * The brew list shows no card. The card's body comes in the lazy chunk, so "none" is only
 * true once that chunk is here: Settings is in it, and the list (mounted all along) has
 * rendered its card by the time Settings shows, if it was due.
 */
async function expectNoCard(page: Page, brews: number) {
  await openSettings(page);
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await expect(page.locator('.brew-item')).toHaveCount(brews);
  await expect(card(page)).toHaveCount(0);
}

let context: BrowserContext | null = null;
test.afterEach(async () => {
  await context?.close();
  context = null;
});

test('Settings offers Install only once Chromium fired the event, and calls its prompt', async ({
  browser,
  server,
}) => {
  context = await phone(browser, server, [PROMPT_HARNESS]);
  const page = await context.newPage();
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible();
  // No event (not installable here, or installed): the browser's menu knows; we say nothing.
  await expect(settingsSection(page)).toHaveCount(0);

  // The event comes while the brew list shows: captured before Settings is opened again.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Brews' })).toBeVisible();
  await fire(page, 'dismissed');
  await openSettings(page);
  const install = settingsSection(page).getByRole('button', { name: 'Install Dial-in' });
  await press(page, install);
  await expect(settingsSection(page).getByRole('status')).toHaveText(
    'Not installed. Your browser’s menu can still install Dial-in later.',
  );
  // An event prompts once: the button went with it.
  await expect(install).toHaveCount(0);
  // Chromium's own mini-infobar was held back (preventDefault), and one prompt was shown.
  expect(await harness(page)).toEqual({ prompts: 1, prevented: [true] });

  // A later event (Chromium fires one again) brings the button back; accepted, it says so.
  await fire(page, 'accepted');
  await press(page, install);
  await expect(settingsSection(page).getByRole('status')).toHaveText(
    'Installing: Dial-in opens from its icon from now on.',
  );
  expect((await harness(page)).prompts).toBe(2);
});

test('after the third brew the card offers Install once; dismissed, it stays gone', async ({
  browser,
  server,
}) => {
  context = await phone(browser, server, [PROMPT_HARNESS]);
  const page = await context.newPage();
  await importThroughUi(page, sampleExport({ brews: 2, oneBagEspresso: true }));
  await page.goto('/');
  await fire(page, 'dismissed');
  await expectNoCard(page, 2);

  // Saving the third lands on the list, where the card waits above the new brew.
  const third = await logBrewThroughUi(page, 'third');
  await expect(card(page).getByRole('button', { name: 'Install' })).toBeVisible();
  await expect(page.locator(`.brew-item[data-brew="${third}"]`)).toBeInViewport();
  await press(page, card(page).getByRole('button', { name: 'No thanks' }));
  await expect(card(page)).toHaveCount(0);
  expect((await harness(page)).prompts).toBe(0);

  // Dismissed for good: not after a reload with a new event, nor after the next brew.
  await page.reload();
  await fire(page, 'dismissed');
  await expectNoCard(page, 3);
  await logBrewThroughUi(page, 'fourth');
  await expectNoCard(page, 4);
  // Settings still offers it.
  await openSettings(page);
  await expect(
    settingsSection(page).getByRole('button', { name: 'Install Dial-in' }),
  ).toBeVisible();
});

test('the card’s Install calls the prompt and the card does not come back', async ({
  browser,
  server,
}) => {
  context = await phone(browser, server, [PROMPT_HARNESS]);
  const page = await context.newPage();
  await importThroughUi(page, sampleExport({ brews: 3, oneBagEspresso: true }));
  await page.goto('/');
  // No event yet: the card has nothing to offer in this Chromium.
  await expectNoCard(page, 3);
  await fire(page, 'accepted');
  await press(page, card(page).getByRole('button', { name: 'Install' }));
  await expect(card(page)).toHaveCount(0);
  expect((await harness(page)).prompts).toBe(1);
  await page.reload();
  await fire(page, 'accepted');
  await expectNoCard(page, 3);
});

test('running installed (display-mode: standalone) shows no offer anywhere', async ({
  browser,
  server,
}) => {
  context = await phone(browser, server, [PROMPT_HARNESS, STANDALONE]);
  const page = await context.newPage();
  await importThroughUi(page, sampleExport({ brews: 3, oneBagEspresso: true }));
  await page.goto('/');
  // The override answers as an installed app does; other queries still reach the browser.
  expect(
    await page.evaluate(() => [
      matchMedia('(display-mode: standalone)').matches,
      matchMedia('(max-width: 10px)').matches,
    ]),
  ).toEqual([true, false]);
  await fire(page, 'accepted');
  await expectNoCard(page, 3);
  await openSettings(page);
  await expect(settingsSection(page)).toHaveCount(0);
});
