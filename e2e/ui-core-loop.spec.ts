import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, press, sampleExport } from './support/ui.js';

/** The barista's loop at the grinder: log, repeat the shot tapped, never an empty brew. */

interface Shot {
  grinder: string;
  grind: string;
  dose: string;
  yield: string;
  water: string;
  temp: string;
  time: string;
  notes: string;
}

/** Fills every field of the open form with a shot's values (the form may be prefilled). */
async function fillShot(page: Page, shot: Shot) {
  await page.getByLabel('Grind', { exact: true }).fill(shot.grind);
  await page.getByLabel('Dose (g)').fill(shot.dose);
  await page.getByLabel('Yield (g)').fill(shot.yield);
  await page.getByLabel('Time (s)').fill(shot.time);
  const more = page.locator('details.card');
  if ((await more.getAttribute('open')) === null) await press(page, more.locator('summary'));
  await page.getByLabel('Grinder (typed)').fill(shot.grinder);
  await page.getByLabel('Water (g)').fill(shot.water);
  await page.getByLabel('Temperature (°C)').fill(shot.temp);
  await page.getByLabel('Notes').fill(shot.notes);
}

async function logShot(page: Page, shot: Shot, firstBag?: string) {
  await page.goto('/#/log');
  if (firstBag) await page.getByLabel('Coffee (a new bag)').fill(firstBag);
  else await expect(page.getByLabel('Coffee', { exact: true })).toBeVisible();
  await fillShot(page, shot);
  await press(page, page.getByTestId('save-brew'));
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toHaveCount(0);
}

const SHOTS: Shot[] = [
  {
    grinder: 'Niche',
    grind: '14',
    dose: '18',
    yield: '38',
    water: '5',
    temp: '92',
    time: '31',
    notes: 'first',
  },
  {
    grinder: 'Comandante',
    grind: '15',
    dose: '18.5',
    yield: '36',
    water: '10',
    temp: '94',
    time: '27',
    notes: 'middle',
  },
  {
    grinder: 'EK43',
    grind: '17',
    dose: '19',
    yield: '42',
    water: '15',
    temp: '90',
    time: '24',
    notes: 'newest',
  },
];

test('Repeat copies the recipe of the brew tapped, not the newest of its bag', async ({
  device,
}) => {
  const { page } = device;
  await logShot(page, SHOTS[0] as Shot, 'Guji Hambela');
  await logShot(page, SHOTS[1] as Shot);
  await logShot(page, SHOTS[2] as Shot);
  await page.goto('/#/');
  const rows = page.locator('.brew-item');
  await expect(rows).toHaveCount(3);
  const middle = rows.nth(1);
  await expect(middle).toContainText('grind 15');

  await press(page, middle.getByRole('link', { name: /^Repeat/ }));
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();
  await expect(page.getByLabel('Coffee', { exact: true }).locator('option:checked')).toHaveText(
    'Guji Hambela',
  );
  await expect(page.getByLabel('Method')).toHaveValue('espresso');
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('15');
  await expect(page.getByLabel('Dose (g)')).toHaveValue('18.5');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('36');
  await press(page, page.locator('details.card summary'));
  await expect(page.getByLabel('Grinder (typed)')).toHaveValue('Comandante');
  await expect(page.getByLabel('Water (g)')).toHaveValue('10');
  await expect(page.getByLabel('Temperature (°C)')).toHaveValue('94');
  // Time, taste, rating and notes belong to the new shot.
  await expect(page.getByLabel('Time (s)')).toHaveValue('');
  await expect(page.getByLabel('Notes')).toHaveValue('');
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(0);

  // The brew's own screen repeats that brew too.
  await page.goto('/#/');
  await press(page, rows.nth(2).locator('.brew-link'));
  await press(page, page.getByRole('link', { name: 'Repeat' }));
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('14');
  await expect(page.getByLabel('Dose (g)')).toHaveValue('18');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('38');
});

test('an empty brew is refused in words, and an old empty brew is no prefill source', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/#/log');
  await page.getByLabel('Coffee (a new bag)').fill('Guji Hambela');
  // A first brew starts at the method's recipe (18 g → 36 g): the person empties it.
  await page.getByLabel('Dose (g)').fill('');
  await page.getByLabel('Yield (g)').fill('');
  await press(page, page.getByTestId('save-brew'));
  const grind = page.getByLabel('Grind', { exact: true });
  await expect(grind).toBeFocused();
  await expect(grind).toHaveAccessibleDescription(
    'Nothing measured yet: add a grind, dose, yield or time, a taste, a rating or notes.',
  );
  // The refused form is kept as a draft until discarded.
  await press(page, page.getByRole('button', { name: 'Discard draft' }));
  await page.goto('/#/');
  await expect(page.getByText('No brews yet')).toBeVisible();

  // An empty brew from before this rule (here imported) is skipped by the next Log's prefill.
  const doc = sampleExport({ brews: 2, oneBagEspresso: true });
  const [newest, older] = doc.brews;
  if (!newest || !older) throw new Error('the sample has two brews');
  for (const field of ['grinder', 'grindSetting', 'doseG', 'yieldG', 'timeS', 'tempC'] as const)
    Object.assign(newest, { [field]: null });
  Object.assign(newest, { taste: null, rating: null, notes: null });
  await importThroughUi(page, doc);
  await page.goto('/#/');
  await expect(page.locator('.brew-item')).toHaveCount(2);
  await page.goto('/#/log');
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue(older.grindSetting);
  await expect(page.getByLabel('Dose (g)')).toHaveValue(String(older.doseG));
  await expect(page.getByLabel('Yield (g)')).toHaveValue(String(older.yieldG));
});
