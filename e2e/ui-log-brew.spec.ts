import { LAPTOP, PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, press, sampleExport } from './support/ui.js';

/** The screen that matters most, at a phone and at a laptop viewport. */
for (const [label, options] of [
  ['phone', PHONE],
  ['laptop', LAPTOP],
] as const) {
  test.describe(label, () => {
    test('logs a brew from an empty app, and it survives a reload', async ({ openDevice }) => {
      const { page, consoleErrors } = await openDevice(options);
      await page.goto('/');
      await press(page, page.getByRole('link', { name: 'Log your first brew' }));
      await page.getByLabel('Coffee (a new bag)').fill('Guji Hambela');
      await page.getByLabel('Grind', { exact: true }).fill('2.4.1');
      // A first espresso starts at the method's defaults (shared/model/method-defaults.ts).
      await expect(page.getByLabel('Dose (g)')).toHaveValue('18');
      await expect(page.getByLabel('Yield (g)')).toHaveValue('36');
      await expect(page.locator('.ratio-big')).toHaveText('1:2.0');
      await press(page, page.getByRole('button', { name: 'Balanced' }));
      await press(page, page.getByRole('button', { name: '4 stars' }));
      await press(page, page.getByTestId('save-brew'));

      const row = page.locator('.brew-item').first();
      await expect(row).toContainText('Guji Hambela');
      await expect(row).toContainText('grind 2.4.1');
      await expect(row).toContainText('18 g → 36 g');
      await expect(row).toContainText('1:2.0');
      await expect(row).toContainText('Balanced');
      // Not signed in: nothing has reached a server, and the list says so once (not per row).
      await expect(
        page.getByRole('link', { name: 'Not backed up — sign up to sync' }),
      ).toBeVisible();
      await expect(row.locator('[data-unsynced="true"]')).toHaveCount(0);
      await page.reload();
      await expect(page.locator('.brew-item')).toHaveCount(1);
      await expect(page.locator('.brew-item').first()).toContainText('grind 2.4.1');
      expect(consoleErrors).toEqual([]);
    });

    test('shows the server ranges when a value is out of range, and saves nothing', async ({
      openDevice,
    }) => {
      const { page } = await openDevice(options);
      await page.goto('/#/log');
      await page.getByLabel('Coffee (a new bag)').fill('Kenya');
      await page.getByLabel('Dose (g)').fill('120');
      await press(page, page.getByTestId('save-brew'));
      await expect(page.getByText('Dose must be at most 100')).toBeVisible();
      await expect(page.getByLabel('Dose (g)')).toBeFocused();
      await page.goto('/#/');
      await expect(page.getByText('No brews yet')).toBeVisible();
    });

    test('repeats a shot one step finer in three taps', async ({ openDevice }) => {
      const { page } = await openDevice(options);
      await importThroughUi(page, sampleExport({ brews: 3, oneBagEspresso: true }));
      await page.goto('/#/');
      const newest = page.locator('.brew-item').first();
      await expect(newest).toContainText('grind 2.4.0');
      const before = await page.locator('.brew-item').count();

      await press(page, newest.getByRole('link', { name: /^Repeat/ })); // 1
      await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('2.4.0');
      await page.getByLabel('Grind', { exact: true }).fill('2.4.1'); // (set up a step to go down)
      await press(page, page.getByTestId('save-brew'));
      await expect(page.locator('.brew-item')).toHaveCount(before + 1);

      // The measured repeat: Repeat, finer, Save — three taps, nothing typed.
      await press(
        page,
        page
          .locator('.brew-item')
          .first()
          .getByRole('link', { name: /^Repeat/ }),
      );
      await press(page, page.getByRole('button', { name: 'Grind finer' }));
      await press(page, page.getByTestId('save-brew'));
      await expect(page.locator('.brew-item')).toHaveCount(before + 2);
      const repeated = page.locator('.brew-item').first();
      await expect(repeated).toContainText('grind 2.4.0');
      await expect(repeated).toContainText('18 g → 34 g');
    });

    test('undoes a deleted brew and a deleted bag', async ({ openDevice }) => {
      const { page } = await openDevice(options);
      await importThroughUi(page, sampleExport({ brews: 3, oneBagEspresso: true }));
      await page.goto('/#/');
      await expect(page.locator('.brew-item')).toHaveCount(3);
      await press(page, page.locator('.brew-link').first());
      await press(page, page.getByRole('button', { name: 'Delete brew' }));
      await expect(page.locator('.brew-item')).toHaveCount(2);
      await press(page, page.getByRole('button', { name: 'Undo' }));
      await expect(page.locator('.brew-item')).toHaveCount(3);

      await page.goto('/#/bags');
      await press(page, page.locator('.bag-item', { hasText: 'Guji Hambela' }));
      await press(page, page.getByRole('button', { name: 'Delete' }));
      await expect(page.locator('.bag-item', { hasText: 'Guji Hambela' })).toHaveCount(0);
      await press(page, page.getByRole('button', { name: 'Undo' }));
      await expect(page.getByRole('heading', { name: 'Guji Hambela' })).toBeVisible();

      // Deleted later, restored from History.
      await press(page, page.getByRole('button', { name: 'Delete' }));
      await expect(page.getByRole('heading', { name: 'Bags' })).toBeVisible();
      await page.goto('/#/history');
      await press(page, page.getByRole('button', { name: 'Restore' }).first());
      await page.goto('/#/bags');
      await expect(page.locator('.bag-item', { hasText: 'Guji Hambela' })).toBeVisible();
    });

    test('a bag with 20 brews draws 20 dots and a hint with its source', async ({ openDevice }) => {
      const { page } = await openDevice(options);
      await importThroughUi(page, sampleExport({ brews: 20, oneBagEspresso: true }));
      await page.goto('/#/bags');
      await press(page, page.locator('.bag-item', { hasText: 'Guji Hambela' }));
      const chart = page.locator('svg.chart');
      await expect(chart).toBeVisible();
      await expect(chart.locator('circle.dot')).toHaveCount(20);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(250);
      // The sample's newest shot is sour at 22 s: finer, for both reasons.
      await expect(page.locator('.hint')).toContainText('Grind one step finer than 2.4.0.');
      await expect(page.locator('.hint a').first()).toHaveAttribute('href', /baristahustle\.com/);
    });
  });
}
