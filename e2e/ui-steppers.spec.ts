import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { press } from './support/ui.js';

/** The form's controls at the grinder: holding steppers, the grind's limits, the timer. */

/** Holds a finger (a mouse button: pointer events either way) on `button` for `ms`. */
async function hold(page: Page, button: Locator, ms: number) {
  // In the middle of the screen: at an edge it would lie under the tab bar or the Save bar.
  await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await button.boundingBox();
  if (!box) throw new Error('the button is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

/** The temperatures of the brews in the device's database (°C, as stored). */
function storedTemperatures(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('dial-in');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('brews').objectStore('brews').getAll();
          all.onsuccess = () => resolve(all.result.map((b: { tempC: unknown }) => b.tempC));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function openLog(page: Page) {
  await page.goto('/#/log');
  await page.getByLabel('Coffee (a new bag)').fill('Guji Hambela');
}

test('a first espresso starts at 18 g → 36 g and a first pour-over at 15 g → 250 g of water', async ({
  device,
}) => {
  const { page } = device;
  await openLog(page);
  await expect(page.getByLabel('Method')).toHaveValue('espresso');
  await expect(page.getByLabel('Dose (g)')).toHaveValue('18');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('36');
  await page.getByLabel('Method').selectOption('pour_over');
  await expect(page.getByLabel('Dose (g)')).toHaveValue('15');
  await expect(page.getByLabel('Water (g)')).toHaveValue('250');
});

test("the device's defaults and temperature unit win over the table", async ({ device }) => {
  const { page } = device;
  await page.goto('/#/');
  await page.evaluate(() =>
    localStorage.setItem(
      'dial-in-device-settings',
      JSON.stringify({ defaultDoseG: 20, defaultYieldG: 44, temperatureUnit: 'F' }),
    ),
  );
  await page.reload();
  await openLog(page);
  await expect(page.getByLabel('Dose (g)')).toHaveValue('20');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('44');
  await press(page, page.locator('details.card summary'));
  const temp = page.getByLabel('Temperature (°F)');
  await temp.fill('200');
  await page.getByLabel('Grind', { exact: true }).fill('12');
  await press(page, page.getByTestId('save-brew'));
  await expect(page.locator('.brew-item')).toHaveCount(1);
  await expect.poll(() => storedTemperatures(page)).toEqual([93.33]);
  // Stored in °C: the brew's own screen, in °C again, reads 93.33.
  await page.evaluate(() =>
    localStorage.setItem('dial-in-device-settings', JSON.stringify({ temperatureUnit: 'C' })),
  );
  await page.reload();
  await press(page, page.locator('.brew-link').first());
  await press(page, page.locator('details.card summary'));
  await expect(page.getByLabel('Temperature (°C)')).toHaveValue('93.33');
});

test('press and hold repeats faster and faster; dose jumps whole grams when held', async ({
  device,
}) => {
  const { page } = device;
  await openLog(page);
  const dose = page.getByLabel('Dose (g)');
  // A tap is one 0.1 g step.
  await press(page, page.getByRole('button', { name: 'Dose more' }));
  await expect(dose).toHaveValue('18.1');
  // Held 1.5 s: one tap step, then whole grams, several of them (not one per 400 ms).
  await hold(page, page.getByRole('button', { name: 'Dose more' }), 1500);
  const held = Number(await dose.inputValue());
  expect(Number.isInteger(held)).toBe(true);
  expect(held).toBeGreaterThanOrEqual(24);
  // It stops when the finger lifts.
  await page.waitForTimeout(500);
  await expect(dose).toHaveValue(String(held));
  await hold(page, page.getByRole('button', { name: 'Dose less' }), 700);
  expect(Number(await dose.inputValue())).toBeLessThan(held);

  // Time steps 1 s per repeat, accelerating too.
  const time = page.getByLabel('Time (s)');
  await time.fill('20');
  await hold(page, page.getByRole('button', { name: 'Time more' }), 1500);
  expect(Number(await time.inputValue())).toBeGreaterThanOrEqual(26);

  // The keyboard still steps exactly once per press.
  await page.getByRole('button', { name: 'Yield more' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('36.1');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('36.2');
});

test('Finer on an empty grind changes nothing and says why', async ({ device }) => {
  const { page } = device;
  await openLog(page);
  const grind = page.getByLabel('Grind', { exact: true });
  await expect(grind).toHaveValue('');
  await press(page, page.getByRole('button', { name: 'Grind finer' }));
  await expect(grind).toHaveValue('');
  const note = page.getByRole('status').filter({ hasText: 'Type a grind setting first' });
  await expect(note).toBeVisible();
  await grind.fill('15');
  await expect(note).toHaveCount(0);
  await press(page, page.getByRole('button', { name: 'Grind finer' }));
  await expect(grind).toHaveValue('14');
});

test('the timer starts with one tap and fills Time when stopped', async ({ device }) => {
  const { page } = device;
  await openLog(page);
  await press(page, page.getByRole('button', { name: 'Start the shot timer' }));
  await page.waitForTimeout(2200);
  await press(page, page.getByRole('button', { name: 'Stop the shot timer' }));
  const seconds = Number(await page.getByLabel('Time (s)').inputValue());
  expect(seconds).toBeGreaterThanOrEqual(2);
  expect(seconds).toBeLessThanOrEqual(4);
  await expect(page.getByTestId('timer-value')).toHaveText(`${seconds.toFixed(1)} s`);
  const start = await page.getByRole('button', { name: 'Start the shot timer' }).boundingBox();
  expect(start?.height).toBeGreaterThanOrEqual(44);
});

test('a bad field far down the form is focused in full view, label included, under the header', async ({
  device,
}) => {
  const { page } = device;
  await openLog(page);
  await page.getByLabel('Grind', { exact: true }).fill('15');
  await press(page, page.locator('details.card summary'));
  await page.getByLabel('Temperature (°C)').fill('150');
  await page.evaluate(() => window.scrollTo(0, 0));
  await press(page, page.getByTestId('save-brew'));
  const field = page.getByLabel('Temperature (°C)');
  await expect(field).toBeFocused();
  await expect(page.getByText('Temperature must be at most 100')).toBeVisible();
  await expectInClearView(page, 'f-tempC');

  // Folded away under "More" when the form is saved: it opens, so the field can be seen.
  await page.getByLabel('Temperature (°C)').fill('150');
  await press(page, page.locator('details.card summary'));
  await expect(page.locator('details.card')).not.toHaveAttribute('open', '');
  await page.evaluate(() => window.scrollTo(0, 0));
  await press(page, page.getByTestId('save-brew'));
  await expect(field).toBeFocused();
  await expectInClearView(page, 'f-tempC');

  // And from below: the first bad field is above, under the sticky header.
  await page.getByLabel('Temperature (°C)').fill('93');
  await page.getByLabel('Dose (g)').fill('500');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await press(page, page.getByTestId('save-brew'));
  await expect(page.getByLabel('Dose (g)')).toBeFocused();
  await expectInClearView(page, 'f-doseG');
});

/** The control `id` and its label lie between the header's bottom and the Save bar's top. */
async function expectInClearView(page: Page, id: string) {
  // Let the focus scroll settle.
  await page.waitForTimeout(300);
  const header = await page.locator('.app-header').boundingBox();
  const bar = await page.locator('.sticky-save').boundingBox();
  const control = await page.locator(`#${id}`).boundingBox();
  const label = await page.locator(`label[for="${id}"]`).boundingBox();
  if (!header || !bar || !control || !label) throw new Error('missing boxes');
  const top = header.y + header.height;
  for (const box of [label, control]) {
    expect(box.y).toBeGreaterThanOrEqual(top);
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the Save bar is opaque, sits on the tab bar and is in thumb reach (${scheme})`, async ({
    device,
  }, testInfo) => {
    const { page } = device;
    await page.emulateMedia({ colorScheme: scheme });
    await openLog(page);
    const bar = page.locator('.sticky-save');
    const background = await bar.evaluate((el) => getComputedStyle(el).backgroundColor);
    // rgb(…) is opaque; rgba(…, a < 1) or transparent would let the form peek through.
    expect(background).toMatch(/^rgb\(/);
    const barBox = await bar.boundingBox();
    const tabs = await page.locator('.tabbar').boundingBox();
    const save = await page.getByTestId('save-brew').boundingBox();
    const viewport = page.viewportSize();
    if (!barBox || !tabs || !save || !viewport) throw new Error('missing boxes');
    // No gap above the tab bar for the form to show through, edge to edge.
    expect(Math.abs(barBox.y + barBox.height - tabs.y)).toBeLessThanOrEqual(1);
    expect(barBox.x).toBeLessThanOrEqual(0);
    expect(barBox.width).toBeGreaterThanOrEqual(viewport.width);
    // The primary action is in the lower third of the screen, where the thumb rests.
    expect(save.y).toBeGreaterThan((viewport.height * 2) / 3);
    expect(save.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: testInfo.outputPath(`form-${scheme}.png`) });
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.screenshot({ path: testInfo.outputPath(`form-${scheme}-scrolled.png`) });
  });
}
