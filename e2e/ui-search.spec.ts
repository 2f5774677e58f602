import { expectAccessible } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/**
 * History's brew search: typing finds brews by notes, coffee and roaster whatever the case
 * and accents, the filters narrow it, the count says "n of N", the filter lives in the URL
 * (reload and Back from a brew keep it) and "Clear filters" brings every brew back.
 */

// One brew a day at noon UTC, so every brew's local day is the same in any time zone the
// browser may have (±11 h).
const doc = sampleExport({
  brews: 20,
  newestAt: Date.parse('2026-11-20T12:00:00Z'),
  spacingMs: 86_400_000,
});
const brews = doc.brews;
const withNotes = brews[1];
if (withNotes) withNotes.notes = 'Crème brûlée, très sucré';
const huila = doc.bags[1]?.id ?? '';

test('search by text and filters, kept in the URL across reload and Back, then cleared', async ({
  device,
}) => {
  const { page, consoleErrors } = device;
  await importThroughUi(page, doc);
  await page.goto('/#/history');
  const count = page.getByTestId('search-count');
  await expect(count).toHaveText('20 brews');
  // Nothing is listed until something is asked.
  await expect(page.locator('.brew-search .brew-item')).toHaveCount(0);

  // Letter by letter, without accents, finds the accented note.
  const box = page.getByLabel('Search brews', { exact: true });
  await box.pressSequentially('creme');
  await expect(count).toHaveText('1 of 20 brews');
  await expect(page.locator('.brew-search .brew-item')).toHaveAttribute(
    'data-brew',
    withNotes?.id ?? '',
  );
  await expect(box).toBeFocused();

  // The bag's name and its roaster, in any case.
  await box.fill('HUILA');
  const huilas = brews.filter((b) => b.bagId === huila).length;
  await expect(count).toHaveText(`${huilas} of 20 brews`);
  await box.fill('friedhats');
  await expect(count).toHaveText(`${huilas} of 20 brews`);
  await box.fill('');
  await expect(count).toHaveText('20 brews');

  // Filters: method, then rating at least, then a date range.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Method', { exact: true }).selectOption('pour_over');
  const pourOvers = brews.filter((b) => b.method === 'pour_over');
  await expect(count).toHaveText(`${pourOvers.length} of 20 brews`);
  await page.getByLabel('Method', { exact: true }).selectOption('');
  await page.getByLabel('Rating at least', { exact: true }).selectOption('4');
  const good = brews.filter((b) => b.rating >= 4);
  await expect(count).toHaveText(`${good.length} of 20 brews`);
  await page.getByLabel('From', { exact: true }).fill('2026-11-10');
  await page.getByLabel('To', { exact: true }).fill('2026-11-12');
  const inRange = good.filter((b) => b.brewedAt >= '2026-11-10' && b.brewedAt < '2026-11-13');
  expect(inRange.length).toBeGreaterThan(0);
  await expect(count).toHaveText(`${inRange.length} of 20 brews`);
  await expect(page).toHaveURL(/#\/history\?rating=4&from=2026-11-10&to=2026-11-12$/);
  await expectAccessible(page, 'search results');

  // Reload: the same filter, the same answer.
  await page.reload();
  await expect(count).toHaveText(`${inRange.length} of 20 brews`);
  await expect(page.getByLabel('Rating at least', { exact: true })).toHaveValue('4');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-11-10');

  // Open a brew from the results, then Back: still filtered.
  await page.locator('.brew-search .brew-link').first().click();
  await expect(page.getByRole('heading', { name: 'Edit brew' })).toBeVisible();
  await page.goBack();
  await expect(count).toHaveText(`${inRange.length} of 20 brews`);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-11-12');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('20 brews');
  await expect(page).toHaveURL(/#\/history$/);
  await expect(page.getByLabel('Rating at least', { exact: true })).toHaveValue('');
  await expectAccessible(page, 'search cleared');
  expect(consoleErrors).toEqual([]);
});

test('the Brews screen opens the search and the statistics in one tap each', async ({ device }) => {
  const { page } = device;
  await importThroughUi(page, sampleExport({ brews: 3 }));
  await page.goto('/#/');
  await page.getByRole('link', { name: 'Search brews' }).click();
  await expect(page.getByLabel('Search brews', { exact: true })).toBeVisible();
  await page.goto('/#/');
  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
});
