import { expect, test } from './support/fixtures.js';
import { importThroughUi, press, sampleExport } from './support/ui.js';

/** A bag's screen: everything entered, errors in words, Delete apart, and "Repeat best". */

test('a bag shows what was entered, says errors with labels, and keeps Delete apart', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/#/bag-new');
  const level = page.getByLabel('Roast level');
  await expect(level.locator('option')).toHaveText(['Not set', 'Light', 'Medium', 'Dark']);

  await page.getByLabel('Name').fill('Guji Hambela');
  await page.getByLabel('Weight (g)').fill('25O');
  await page.getByRole('button', { name: 'Add bag' }).click();
  const weight = page.getByLabel('Weight (g)');
  await expect(weight).toHaveAccessibleDescription('Weight (g) must be a number');
  await expect(page.locator('form')).not.toContainText('weightG');

  await weight.fill('250');
  await level.selectOption('Light');
  await page.getByLabel('Roast date').fill('2026-11-20');
  await page.getByLabel('Notes').fill('Peach, jasmine');
  await page.getByRole('button', { name: 'Add bag' }).click();
  await expect(page.getByRole('heading', { name: 'Guji Hambela' })).toBeVisible();

  const facts = page.getByTestId('bag-facts');
  await expect(facts).toContainText('Light');
  await expect(facts).toContainText('250 g');
  await expect(facts).toContainText('Peach, jasmine');
  const roasted = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2026, 10, 20)),
  );
  await expect(facts).toContainText(roasted);
  await expect(facts).not.toContainText('2026-11-20');
  await expect(facts).toContainText(/\d+ days? off roast/);

  // Archive and Delete are not side by side: Delete sits apart, below the rest.
  const archive = await page.getByRole('button', { name: 'Archive' }).boundingBox();
  const remove = await page.getByRole('button', { name: 'Delete bag' }).boundingBox();
  expect(archive && remove && remove.y - (archive.y + archive.height)).toBeGreaterThan(100);
});

test('"Repeat best" opens the form with the best-rated recent brew of the bag', async ({
  device,
}) => {
  const { page } = device;
  const doc = sampleExport({ brews: 10, oneBagEspresso: true });
  await importThroughUi(page, doc);
  // The samples are rated (i % 10) / 2: the tenth, grind 2.5.0, is the best at 4.5.
  const best = doc.brews[9];
  await page.goto(`/#/bag/${doc.bags[0]?.id}`);
  const repeat = page.getByRole('link', { name: /^Repeat best/ });
  await expect(repeat).toHaveAttribute('href', `#/log?repeat=${best?.id}`);
  await press(page, repeat);
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue(best?.grindSetting ?? '');
});
