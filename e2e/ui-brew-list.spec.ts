import { PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/** The brew list at a phone's size: dense, whole names, honest dates, the device's units. */

const LONG_NAME = 'Guji Hambela Natural Lot 7';

test('the brew list shows six brews a screen, whole names, the year, °F and no empty stars', async ({
  openDevice,
}) => {
  const { page } = await openDevice({ ...PHONE, locale: 'en-GB' });
  const doc = sampleExport({ brews: 12, oneBagEspresso: true });
  const [bag] = doc.bags;
  if (bag) bag.name = LONG_NAME;
  const oldest = doc.brews[11];
  if (oldest) oldest.brewedAt = '2025-11-20T08:14:00.000Z';
  await importThroughUi(page, doc);
  // The device shows temperatures in Fahrenheit (stored in °C: the samples are 93 °C).
  await page.evaluate(() => {
    localStorage.setItem('dial-in-device-settings', JSON.stringify({ temperatureUnit: 'F' }));
    // Chromium may fire a real beforeinstallprompt here, and the once-only install card would
    // sit above the list (ui-install.spec.ts covers it): the everyday screen is without it.
    localStorage.setItem('dial-in-install-card', 'done');
  });
  await page.goto('/#/');
  await page.reload();
  const rows = page.locator('.brew-item');
  await expect(rows).toHaveCount(12);

  // At least six whole rows between the header and the tab bar.
  const tabTop = (await page.locator('.tabbar').boundingBox())?.y ?? 844;
  let whole = 0;
  for (const box of await Promise.all((await rows.all()).map((r) => r.boundingBox()))) {
    if (box && box.y >= 0 && box.y + box.height <= tabTop) whole += 1;
  }
  expect(whole).toBeGreaterThanOrEqual(6);
  // Every sample brew is on one grinder: its name on each row would say nothing (and cost the
  // rows a third line, one row of six at some hours, when two day headings share the screen).
  await expect(page.locator('.brew-list')).not.toContainText('Niche Zero');

  // The bag name is whole, and Repeat is an icon button named for screen readers.
  const first = rows.first();
  const title = first.locator('.brew-title');
  await expect(title).toHaveText(LONG_NAME);
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const repeat = first.getByRole('link', { name: /^Repeat/ });
  await expect(repeat).toHaveAccessibleName(new RegExp(`^Repeat ${LONG_NAME}`));
  await expect(repeat).toHaveText('');
  const box = await repeat.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(box?.height).toBeGreaterThanOrEqual(44);

  // The first sample is rated 0: no "★ 0"; a rated one shows its stars.
  await expect(first).not.toContainText('★');
  await expect(rows.nth(1)).toContainText('rated 0.5');
  await expect(first).toContainText('199.4 °F');
  await expect(first).not.toContainText('°C');

  // A brew of an earlier year says which year; times use the locale's 24-hour clock.
  await expect(page.getByRole('heading', { name: /2025/ })).toHaveCount(1);
  await expect(rows.last()).toContainText(
    await page.evaluate(
      (ms) => new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit' }).format(ms),
      Date.parse('2025-11-20T08:14:00.000Z'),
    ),
  );
  await expect(page.locator('.brew-list')).not.toContainText(/AM|PM/);

  // Without an account: one line saying so, linking to Account, instead of a chip per row.
  await expect(page.getByText('Unsynced')).toHaveCount(0);
  const backup = page.getByRole('link', { name: 'Not backed up — sign up to sync' });
  await expect(backup).toHaveCount(1);
  await backup.click();
  await expect(page).toHaveURL(/#\/account$/);
});

test('rows name their grinder when the list holds brews of two grinders', async ({
  openDevice,
}) => {
  const { page } = await openDevice(PHONE);
  const doc = sampleExport({ brews: 3, oneBagEspresso: true });
  const second = doc.brews[1];
  if (second) second.grinder = 'Comandante C40';
  await importThroughUi(page, doc);
  await page.goto('/#/');
  const rows = page.locator('.brew-item');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Niche Zero');
  await expect(rows.nth(1)).toContainText('Comandante C40');
  await expect(rows.nth(2)).toContainText('Niche Zero');
});
