import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, press } from './support/ui.js';

/**
 * The bag screen's dial-in chart and next-shot hint, as a barista sees them: a grind axis
 * with the setting numbers, the newest shot marked, dots of repeated shots apart, the target
 * band named, a method filter that changes the dots (and the hint with them), the numbers as
 * a table, and no serious axe findings, in light and dark at 390×844.
 */

const CLOCK = '000001764148200000-00000-sample';
const SHOTS_DIR = process.env.ADVICE_SHOTS_DIR;

function dialInExport() {
  const bagId = randomUUID();
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const brew = (
    minutesAgo: number,
    method: 'espresso' | 'pour_over',
    grindSetting: string,
    timeS: number,
    taste: 'sour' | 'balanced' | 'bitter' | null,
  ) => ({
    id: randomUUID(),
    clocks: { bagId: CLOCK },
    bagId,
    method,
    grinder: 'Niche Zero',
    grindSetting,
    doseG: method === 'espresso' ? 18 : 15,
    yieldG: method === 'espresso' ? 36 : null,
    waterG: method === 'espresso' ? null : 250,
    timeS,
    tempC: 93,
    taste,
    rating: 3,
    notes: null,
    brewedAt: at(minutesAgo),
    deletedAt: null,
  });
  const brews = [
    brew(10, 'espresso', '15', 28, 'sour'),
    brew(20, 'espresso', '15', 28, 'sour'),
    brew(30, 'espresso', '15', 28, 'sour'),
    brew(40, 'espresso', '16', 35, 'bitter'),
    brew(50, 'espresso', '14', 20, 'sour'),
    brew(60, 'pour_over', '22', 170, 'balanced'),
    brew(70, 'pour_over', '24', 150, 'sour'),
  ];
  const bag = {
    id: bagId,
    clocks: { name: CLOCK },
    name: 'Guji Hambela',
    roaster: 'April',
    origin: 'Ethiopia',
    process: null,
    variety: null,
    roastLevel: 'light',
    roastDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
    weightG: 250,
    notes: null,
    archived: false,
    deletedAt: null,
  };
  const doc = {
    format: 'dial-in-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    bags: [bag],
    brews,
  };
  return { doc, bagId, newestId: brews[0]?.id ?? '' };
}

async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the dial-in chart and hint read right (${colorScheme})`, async ({ openDevice }) => {
    const { page, consoleErrors } = await openDevice({ ...PHONE, colorScheme });
    const { doc, bagId, newestId } = dialInExport();
    await importThroughUi(page, doc);
    await page.goto(`/#/bag/${bagId}`);

    const card = page.locator('section.dial-in');
    const chart = card.locator('svg.chart');
    await expect(chart).toBeVisible();
    // A number line: the setting numbers, not one column per shot.
    await expect(chart).toHaveAttribute('data-axis', 'numeric');
    await expect(chart.locator('.x-ticks text')).toHaveText(['14', '15', '16']);
    await expect(chart.locator('circle.dot')).toHaveCount(5);
    await expect(chart.locator('.band-label')).toHaveText('target 25–30 s');

    // The newest shot is ringed and labelled, and is the one logged last.
    const newest = chart.locator('circle.dot-newest');
    await expect(newest).toHaveCount(1);
    await expect(newest).toHaveAttribute('data-brew', newestId);
    await expect(chart.locator('.newest-mark text')).toHaveText('newest');
    await expect(newest.locator('title')).toHaveText('Newest: grind 15, 28 s, sour, rated 3');

    // Three identical shots at 15 / 28 s: three dots, none on top of another.
    const same = chart
      .locator('circle.dot')
      .filter({ has: page.locator('title', { hasText: 'grind 15, 28 s' }) });
    const xs = await same.evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
    expect(xs).toHaveLength(3);
    expect(new Set(xs).size).toBe(3);

    // The description says what the chart shows, for those who cannot see it.
    const description = page.locator('#dial-desc');
    await expect(description).toContainText(
      '5 brews, grind setting (a number scale) against shot time (s).',
    );
    await expect(description).toContainText('Newest: grind 15, 28 s');
    await expect(chart).toHaveAttribute('aria-describedby', 'dial-desc');

    // The hint weighs the three sour shots at 15 and says how far, citing its rule.
    const hint = page.locator('section.hint');
    await expect(hint.locator('.hint-move')).toHaveText('Grind one step finer: 15 → 14.');
    await expect(hint).toContainText('over your last 3 at this grind');
    await expect(hint.locator('.hint-rule')).toHaveText(
      'Espresso rule: 1:2 (1:1.5–1:2.5), shot 25–30 s.',
    );
    await expect(hint.getByRole('link', { name: /Espresso Compass/ })).toBeVisible();
    await expectAccessible(page, 'espresso chart');
    if (SHOTS_DIR) {
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS_DIR}/advice-chart-${colorScheme}.png` });
      // Centred, so neither the sticky header nor the tab bar covers the card.
      await hint.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${SHOTS_DIR}/advice-hint-${colorScheme}.png` });
    }

    // The numbers as a table, newest first.
    const toggle = card.getByRole('button', { name: 'Show as a table' });
    const box = await toggle.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await press(page, toggle);
    const table = card.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr')).toHaveCount(5);
    await expect(table.locator('tbody tr').first()).toContainText('15 (newest)');
    await expect(card.getByRole('button', { name: 'Hide the numbers' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expectAccessible(page, 'chart table');
    if (SHOTS_DIR) {
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS_DIR}/advice-table-${colorScheme}.png` });
    }

    // The method filter changes the dots, the axis, the band and the hint.
    await card.getByLabel('Method for the chart').selectOption('pour_over');
    await expect(chart.locator('circle.dot')).toHaveCount(2);
    await expect(chart.locator('.x-ticks text')).toHaveText(['22', '23', '24']);
    await expect(chart.locator('.band-label')).toHaveText('target 2:30–4:00 min');
    await expect(hint.locator('.hint-rule')).toContainText('Pour-over rule: 55–65 g/L');
    await expect(hint.getByRole('link', { name: /Golden Cup/ })).toBeVisible();
    await expectAccessible(page, 'pour-over chart');
    if (SHOTS_DIR) {
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS_DIR}/advice-pour-over-${colorScheme}.png` });
    }
    expect(consoleErrors).toEqual([]);
  });
}
