import type { Locator } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/**
 * The statistics screen over a known set of brews: each chart is drawn, and its table holds
 * the numbers the seeded brews give (worked out here by hand, not by the app's code); a card
 * without enough data says what it needs; the screen passes axe with every table open.
 */

// Twenty brews twelve hours apart, all after both bags' roast dates (12 and 20 days ago).
const doc = sampleExport({ brews: 20, spacingMs: 12 * 3_600_000 });
const [guji, huila] = doc.bags;
const rated = doc.brews.filter((b) => b.rating > 0);
const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
const ratingsOf = (bagId: string | undefined) =>
  rated.filter((b) => b.bagId === bagId).map((b) => b.rating);

async function tableOf(card: Locator): Promise<string[][]> {
  await card.getByText('Show the numbers').click();
  return card
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')),
    );
}

test('charts and their tables match the brews; cards without data say so', async ({ device }) => {
  const { page, consoleErrors } = device;
  await importThroughUi(page, doc);
  await page.goto('/#/stats');
  await expect(page.getByTestId('stats-total')).toHaveText('From 20 brews on this device.');
  const card = (id: string) => page.locator(`[data-stat="${id}"]`);

  // Per week: every brew and every gram of coffee is in some week of the last twelve.
  await expect(card('per-week').locator('svg.chart')).toBeVisible();
  const weeks = await tableOf(card('per-week'));
  expect(weeks).toHaveLength(12);
  expect(weeks.reduce((n, row) => n + Number(row[1]), 0)).toBe(20);
  const dose = doc.brews.reduce((g, b) => g + b.doseG, 0);
  expect(weeks.reduce((g, row) => g + Number.parseFloat(row[2] ?? '0'), 0)).toBe(dose);
  await expect(card('coffee-week').locator('svg.chart rect.bar').first()).toBeVisible();

  // Average rating by coffee: best first, over rated brews only.
  const byBag = [
    [huila?.name, mean(ratingsOf(huila?.id)), ratingsOf(huila?.id).length],
    [guji?.name, mean(ratingsOf(guji?.id)), ratingsOf(guji?.id).length],
  ]
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .map((row) => row.map(String));
  expect(await tableOf(card('by-bag'))).toEqual(byBag);
  await expect(card('by-bag').locator('svg rect.bar')).toHaveCount(2);
  expect(await tableOf(card('by-origin'))).toEqual([
    ['Ethiopia', String(mean(rated.map((b) => b.rating))), String(rated.length)],
  ]);
  // No bag has a process: the card says what it needs instead of an empty chart.
  await expect(card('by-process')).toContainText('Rate brews of bags with a process');
  await expect(card('by-process').locator('svg')).toHaveCount(0);

  // Best brews: the highest rating first, the newer first on a tie.
  const best = [...rated].sort(
    (a, b) => b.rating - a.rating || b.brewedAt.localeCompare(a.brewedAt),
  );
  await expect(card('best').locator('li')).toHaveCount(5);
  await expect(card('best').locator('li').first()).toContainText(
    `★ ${best[0]?.rating} — ${doc.bags.find((b) => b.id === best[0]?.bagId)?.name}`,
  );

  // Days off roast: every rated brew falls in some bucket.
  const buckets = await tableOf(card('roast-age'));
  expect(buckets.reduce((n, row) => n + Number(row[2]), 0)).toBe(rated.length);

  // Grind drift of the newest brew's bag: one table row per plotted day.
  const drift = card('drift');
  const points = Number(await drift.locator('svg.chart').getAttribute('data-points'));
  expect(points).toBeGreaterThan(1);
  expect(await tableOf(drift)).toHaveLength(points);

  // Every table open, in both themes: no serious axe violation.
  await expectAccessible(page, 'statistics light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'statistics dark');
  expect(consoleErrors).toEqual([]);
});

test('with no brews the screen says how it starts', async ({ device }) => {
  const { page } = device;
  await page.goto('/#/stats');
  await expect(
    page.getByText('No brews yet: the statistics start with the first one.'),
  ).toBeVisible();
  await expectAccessible(page, 'statistics empty');
});
