import type { Page, TestInfo } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { press } from './support/ui.js';

/**
 * Issue 14, Bags: a 250 g bag roasted 10 days ago with an espresso target. The first brew
 * starts from the target, the bag says how old the coffee is and how much is left, and the
 * brew that empties it asks once whether the bag is finished. Taps (after typing): setting
 * the target is 2 (+ Set a target, Save target); a brew from the target is 2 (+ Log a brew,
 * Save brew); finishing is 1.
 */

/** A light and a dark screenshot of the page as it is, for a person to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: testInfo.outputPath(`${name}-${colorScheme}.png`),
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a bag with a target: days off roast, coffee left, a first brew from the target, Finish', async ({
  device,
}, testInfo) => {
  const { page, consoleErrors } = device;
  const roasted = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - 10);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

  await page.goto('/#/bag-new');
  await page.getByLabel('Name').fill('Yirgacheffe');
  await page.getByLabel('Weight (g)').fill('250');
  await page.getByLabel('Roast date').fill(roasted);
  await page.getByLabel('Origin (country)').fill('Ethiopia');
  await page.getByLabel('Region').fill('Gedeo');
  const flavours = page.getByRole('textbox', { name: 'Flavours' });
  await flavours.fill('peach,');
  await flavours.fill('jasmine');
  await flavours.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove peach' })).toBeVisible();
  await expectAccessible(page, 'bag form');
  await shoot(page, testInfo, 'bag-form');
  await press(page, page.getByRole('button', { name: 'Add bag' }));

  const facts = page.getByTestId('bag-facts');
  await expect(facts).toContainText('10 days off roast');
  await expect(facts).toContainText('250 g left');
  await expect(facts).toContainText('Ethiopia · Gedeo');
  await expect(facts).toContainText('peach, jasmine');
  const bagId = page.url().split('#/bag/')[1] ?? '';

  await press(page, page.getByRole('button', { name: '+ Set a target' }));
  await page.getByLabel('Dose (g)').fill('18');
  await page.getByLabel('Ratio (1:x)').fill('2');
  await page.getByLabel('Time from (s)').fill('24');
  await page.getByLabel('Time to (s)').fill('28');
  await page.getByLabel('Temperature (°C)').fill('93');
  await press(page, page.getByRole('button', { name: 'Save target' }));
  await expect(page.getByTestId('target-espresso')).toHaveText(
    'Target for espresso: 18 g → 1:2, 24–28 s, 93 °C',
  );
  // The hint aims at the target's band.
  await expect(page.locator('.hint-move')).toContainText('24–28 s');

  // The first brew of the bag starts from its target.
  await press(page, page.getByRole('link', { name: '+ Log a brew' }));
  await expect(page.getByLabel('Dose (g)')).toHaveValue('18');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('36');
  await expect(page.getByLabel('Temperature (°C)')).toHaveValue('93');
  await expect(page.getByLabel('Coffee')).toContainText('Yirgacheffe · 250 g left');
  await shoot(page, testInfo, 'log-picker');
  await press(page, page.getByTestId('save-brew'));
  await expect(page).toHaveURL(/#\/\?saved=/);

  await page.goto(`/#/bag/${bagId}`);
  await expect(facts).toContainText('232 g left');
  await expectAccessible(page, 'bag screen');
  await shoot(page, testInfo, 'bag-screen');

  // Two big doses leave 32 g: no question yet. The next 40 g empties the bag: asked once.
  for (const dose of ['100', '100', '40']) {
    await page.goto(`/#/log?bag=${bagId}&method=espresso`);
    await page.getByLabel('Dose (g)').fill(dose);
    await press(page, page.getByTestId('save-brew'));
    await expect(page.locator('.brew-item').first()).toContainText(`${dose} g →`);
    if (dose !== '40') await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  const ask = page.getByRole('dialog', { name: 'Finish this bag?' });
  await expect(ask).toContainText('“Yirgacheffe” has no coffee left');
  await press(page, ask.getByRole('button', { name: 'Finish' }));
  await expect(ask).toBeHidden();

  // Finished = archived: out of the picker, its brews kept.
  await page.goto('/#/log');
  await expect(page.getByLabel('Coffee (a new bag)')).toBeVisible();
  await page.goto(`/#/bag/${bagId}`);
  await expect(facts).toContainText('Archived');
  await expect(facts).toContainText('none left');
  await expect(page.getByRole('heading', { name: '4 brews' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
