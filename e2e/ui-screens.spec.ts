import { expectAccessible } from './support/axe.js';
import { LAPTOP, PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/**
 * Every screen, at the phone viewport in light and dark and on a laptop: no serious or
 * critical axe violations, and with SCREENS_DIR set a screenshot of each for a person to look
 * at (`SCREENS_DIR=/tmp/screens npx playwright test e2e/ui-screens.spec.ts`). Without it no
 * screenshot is taken: the 39 full-page shots were half of this spec's time in `npm test`,
 * for files nobody opened.
 */

const SCREENS: [string, string][] = [
  ['today', '#/'],
  ['log', '#/log'],
  ['bags', '#/bags'],
  ['bag-new', '#/bag-new'],
  ['account', '#/account'],
  ['settings', '#/settings'],
  ['history', '#/history'],
];

const VARIANTS = [
  { label: 'phone-light', options: { ...PHONE, colorScheme: 'light' as const } },
  { label: 'phone-dark', options: { ...PHONE, colorScheme: 'dark' as const } },
  { label: 'laptop', options: LAPTOP },
];

for (const { label, options } of VARIANTS) {
  test(`every screen is accessible (${label})`, async ({ openDevice }) => {
    const { page, consoleErrors } = await openDevice(options);
    const dir = process.env.SCREENS_DIR;
    const shot = async (name: string, fullPage = true) => {
      if (dir) await page.screenshot({ path: `${dir}/${label}-${name}.png`, fullPage });
    };
    const visit = async (name: string, hash: string) => {
      await page.goto(`/${hash}`);
      await expect(page.locator('h1:visible')).toHaveCount(1);
      await expectAccessible(page, name);
      await shot(name, name !== 'log');
    };

    await visit('empty-today', '#/');
    await visit('empty-log', '#/log');
    await importThroughUi(page, sampleExport({ brews: 20 }));
    for (const [name, hash] of SCREENS) await visit(name, hash);

    // A bag with its chart and hint, and one brew's edit screen.
    await page.goto('/#/bags');
    await page.locator('.bag-item').first().click();
    await expect(page.locator('svg.chart')).toBeVisible();
    await expectAccessible(page, 'bag-detail');
    await shot('bag-detail');
    await page.goto('/#/');
    await page.locator('.brew-link').first().click();
    await expect(page.getByRole('heading', { name: 'Edit brew' })).toBeVisible();
    await expectAccessible(page, 'brew-edit');
    await shot('brew-edit', false);

    // Deleting shows the undo toast; History then lists the deleted brew.
    await page.getByRole('button', { name: 'Delete brew' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Brew deleted' })).toBeVisible();
    await expectAccessible(page, 'undo-toast');
    await shot('undo-toast', false);
    await visit('history-deleted', '#/history');
    expect(consoleErrors).toEqual([]);
  });
}
