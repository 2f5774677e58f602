import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, press, sampleExport } from './support/ui.js';

/** The loop's promise: repeat the shot tapped, one step finer, in three taps or fewer. */

interface StoredBrew {
  id: string;
  brewedAt: string;
  grindSetting: string | null;
  doseG: number | null;
  yieldG: number | null;
}

/** The brews in the device's database, newest first. */
function storedBrews(page: Page): Promise<StoredBrew[]> {
  return page.evaluate(
    () =>
      new Promise<StoredBrew[]>((resolve, reject) => {
        const open = indexedDB.open('dial-in');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('brews').objectStore('brews').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as StoredBrew[]).sort((a, b) => b.brewedAt.localeCompare(a.brewedAt)),
            );
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('Repeat → Finer → Save from the brew list: at most 3 taps, the tapped brew one step finer', async ({
  device,
}) => {
  const { page } = device;
  const doc = sampleExport({ brews: 3, oneBagEspresso: true });
  await importThroughUi(page, doc);
  const tapped = doc.brews[1];
  if (!tapped) throw new Error('the sample has three brews');
  // Not the newest: Repeat must copy the brew tapped.
  expect(tapped.grindSetting).toBe('2.5.1');
  expect(doc.brews[0]?.grindSetting).not.toBe(tapped.grindSetting);

  await page.goto('/#/');
  const rows = page.locator('.brew-item');
  await expect(rows).toHaveCount(3);
  let taps = 0;
  const tap = async (target: Locator) => {
    taps += 1;
    await press(page, target);
  };

  await tap(rows.nth(1).getByRole('link', { name: /^Repeat/ }));
  await tap(page.getByRole('button', { name: 'Grind finer' }));
  await tap(page.getByTestId('save-brew'));
  await expect(rows).toHaveCount(4);
  expect(taps).toBeLessThanOrEqual(3);

  await expect.poll(async () => (await storedBrews(page)).length).toBe(4);
  const [saved] = await storedBrews(page);
  expect(saved).toMatchObject({
    grindSetting: '2.5.0',
    doseG: tapped.doseG,
    yieldG: tapped.yieldG,
  });
  await expect(rows.first()).toContainText('grind 2.5.0');
});
