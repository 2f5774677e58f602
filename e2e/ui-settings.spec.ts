import type { Page, TestInfo } from '@playwright/test';
import { TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { expectAccessible } from './support/axe.js';
import { PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { exportThroughUi, importThroughUi, press, sampleExport } from './support/ui.js';

/**
 * The Settings screen's device settings, as a person uses them: each choice applies at once,
 * survives a reload and a log-out (the data does not), and reaches the screens that show it.
 */

const status = (page: Page) => page.getByTestId('device-settings-status');
/** Taps the tile of a choice, as a thumb would (the radio inside it is drawn as the tile). */
const choose = (page: Page, name: string | RegExp) =>
  press(page, page.locator('.choice', { has: page.getByRole('radio', { name }) }));
const LIGHT_BG = 'rgb(247, 243, 238)';
const DARK_BG = 'rgb(20, 17, 16)';

async function openSettings(page: Page) {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible();
}

/** What a device shows: the page's background and the browser bar's colour. */
async function shownColours(page: Page) {
  return page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    bar: document.querySelector('meta[name="theme-color"]')?.getAttribute('content') ?? null,
  }));
}

/** The screen as the phone shows it: the top, then scrolled to the clock and theme choices. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  const dir = process.env.SCREENS_DIR;
  const path = (file: string) => (dir ? `${dir}/${file}` : testInfo.outputPath(file));
  await page.screenshot({ path: path(`settings-${name}.png`) });
  await page.getByRole('group', { name: 'Theme' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path(`settings-${name}-choices.png`) });
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function expectChosen(page: Page) {
  await expect(page.getByLabel('Default method')).toHaveValue('pour_over');
  await expect(page.getByLabel('Default dose (g)')).toHaveValue('15');
  await expect(page.getByLabel('Default yield (g)')).toHaveValue('250');
  await expect(page.getByRole('radio', { name: 'Fahrenheit (°F)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /^24 h/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
}

test('each setting applies at once, survives a reload and a log-out; the data does not', async ({
  device,
}) => {
  const { page, consoleErrors } = device;
  await importThroughUi(page, sampleExport({ brews: 2, oneBagEspresso: true }));
  await page.goto('/#/account');
  await page.getByLabel('Email').fill(uniqueEmail('settings'));
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await press(page, page.getByRole('button', { name: 'Create account' }));
  await expect(page.locator('.sync-pill')).toHaveText(/^Synced [^·]*$/);

  await openSettings(page);
  await expect(page.getByTestId('device-settings-note')).toContainText('stay after you log out');
  await page.getByLabel('Default method').selectOption('pour_over');
  await expect(status(page)).toHaveText('Default method: Pour-over. Saved on this device.');
  await page.getByLabel('Default dose (g)').fill('15');
  await page.getByLabel('Default dose (g)').blur();
  await expect(status(page)).toHaveText('Default dose: 15 g. Saved on this device.');
  await page.getByLabel('Default yield (g)').fill('250');
  await choose(page, 'Fahrenheit (°F)');
  await expect(status(page)).toHaveText('Temperature in Fahrenheit (°F). Saved on this device.');
  await choose(page, /^24 h/);
  await expect(status(page)).toHaveText('Clock: 24 h (21:05). Saved on this device.');
  await choose(page, 'Dark');
  await expect(status(page)).toHaveText('Theme: Dark. Saved on this device.');

  await page.reload();
  await openSettings(page);
  await expectChosen(page);

  await page.goto('/#/account');
  await press(page, page.getByRole('button', { name: 'Log out' }));
  const dialog = page.getByRole('dialog', { name: 'Log out of this device?' });
  await press(page, dialog.getByRole('button', { name: 'Log out' }));
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await page.goto('/#/');
  await expect(page.getByText('No brews yet')).toBeVisible();
  await openSettings(page);
  await expectChosen(page);
  expect(consoleErrors).toEqual([]);
});

test('a default amount that is not a number says so by its label and is not stored', async ({
  device,
}) => {
  const { page } = device;
  await openSettings(page);
  const dose = page.getByLabel('Default dose (g)');
  await dose.fill('18');
  await dose.fill('18x');
  await dose.blur();
  await expect(page.getByText('Default dose (g) must be a number', { exact: true })).toBeVisible();
  await expect(dose).toHaveAttribute('aria-invalid', 'true');
  await expect(status(page)).toHaveText('Default dose (g) must be a number. Not saved.');

  const yieldField = page.getByLabel('Default yield (g)');
  await yieldField.fill('3500');
  await yieldField.blur();
  await expect(
    page.getByText('Default yield (g) must be at most 3000', { exact: true }),
  ).toBeVisible();
  await expectAccessible(page, 'settings-errors');

  // Only the last valid values were kept.
  await page.reload();
  await openSettings(page);
  await expect(dose).toHaveValue('18');
  await expect(yieldField).toHaveValue('');
  await expect(dose).toHaveAttribute('aria-invalid', 'false');
});

// Stored with two decimals, so the 200 °F typed is what the form shows again (93.3 °C would
// come back as 199.9 °F).
test('°F: the brew form asks in °F and a brew saved at 200 °F is stored as 93.33 °C', async ({
  device,
}) => {
  const { page } = device;
  await openSettings(page);
  await choose(page, 'Fahrenheit (°F)');
  await page.goto('/#/log');
  await page.getByLabel('Coffee (a new bag)').fill('Guji Hambela');
  await page.getByLabel('Dose (g)').fill('18');
  await press(page, page.locator('details.card summary'));
  await page.getByLabel('Temperature (°F)').fill('200');
  await press(page, page.getByTestId('save-brew'));
  await expect(page.locator('.brew-item')).toHaveCount(1);

  const { brews } = await exportThroughUi(page);
  expect(brews.map((b) => b.tempC)).toEqual([93.33]);
});

test('the clock follows the chosen hour cycle in the brew list', async ({ device }) => {
  const { page } = device;
  // Yesterday at 21:05 in the browser's own time zone.
  const brewedAt = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - 1);
    return d.setHours(21, 5, 0, 0);
  });
  await importThroughUi(page, sampleExport({ brews: 1, newestAt: brewedAt }));
  const row = page.locator('.brew-item').first();

  await openSettings(page);
  await choose(page, /^24 h/);
  await page.goto('/#/');
  await expect(row).toContainText('21:05');

  await openSettings(page);
  await choose(page, /^12 h/);
  await page.goto('/#/');
  await expect(row).toContainText('9:05 PM');
  await expect(row).not.toContainText('21:05');
});

test('a forced theme wins over the system one, both ways; System follows it', async ({
  openDevice,
}, testInfo) => {
  const { page, consoleErrors } = await openDevice({ ...PHONE, colorScheme: 'light' });
  await openSettings(page);
  expect(await shownColours(page)).toEqual({ background: LIGHT_BG, bar: '#f7f3ee' });
  await expectAccessible(page, 'settings-light');
  await shot(page, testInfo, 'light');

  await choose(page, 'Dark');
  await expect.poll(() => shownColours(page)).toEqual({ background: DARK_BG, bar: '#141110' });
  // The colour of the first frame after a reload: dark already, no light frame first. (A
  // frame is painted only once the head's stylesheet has loaded; index.html paints the header
  // before the start-up script has run, so only the head's theme script can be in time.)
  await page.addInitScript(() => {
    const firstFrame = () => {
      if (document.body === null) {
        requestAnimationFrame(firstFrame);
        return;
      }
      document.documentElement.dataset.firstFrameBg = getComputedStyle(
        document.body,
      ).backgroundColor;
    };
    requestAnimationFrame(firstFrame);
  });
  await page.reload();
  await openSettings(page);
  await expect(page.locator('html')).toHaveAttribute('data-first-frame-bg', DARK_BG);
  expect(await shownColours(page)).toEqual({ background: DARK_BG, bar: '#141110' });
  await expectAccessible(page, 'settings-forced-dark');
  await shot(page, testInfo, 'forced-dark');

  await page.emulateMedia({ colorScheme: 'dark' });
  await choose(page, 'System');
  await expect.poll(() => shownColours(page)).toEqual({ background: DARK_BG, bar: '#141110' });
  await expectAccessible(page, 'settings-dark');
  await shot(page, testInfo, 'dark');

  await choose(page, 'Light');
  await expect.poll(() => shownColours(page)).toEqual({ background: LIGHT_BG, bar: '#f7f3ee' });
  await page.reload();
  await openSettings(page);
  expect(await shownColours(page)).toEqual({ background: LIGHT_BG, bar: '#f7f3ee' });
  await expectAccessible(page, 'settings-forced-light');
  await shot(page, testInfo, 'forced-light');

  // Back to System: the page and the bar follow the system as it changes.
  await choose(page, 'System');
  await expect.poll(() => shownColours(page)).toEqual({ background: DARK_BG, bar: '#141110' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => shownColours(page)).toEqual({ background: LIGHT_BG, bar: '#f7f3ee' });
  expect(consoleErrors).toEqual([]);
});
