import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { signUpThroughUi } from './support/pwa-ui.js';
import { logOutThroughUi } from './support/steps.js';
import { press } from './support/ui.js';

/** Bug 3: the Log a brew draft survives tab switches, reloads and a killed app. */

const timerSeconds = async (page: Page) =>
  Number.parseFloat((await page.getByTestId('timer-value').textContent()) ?? 'NaN');

/** Leaves Log a brew by the tab bar and comes back to it, as a person glancing at a brew. */
async function switchTabAndBack(page: Page) {
  const tabs = page.locator('.tabbar');
  await press(page, tabs.getByRole('link', { name: 'Brews', exact: true }));
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toHaveCount(0);
  await press(page, tabs.getByRole('link', { name: 'Log', exact: true }));
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();
}

async function expectTheDraft(page: Page) {
  await expect(page.getByLabel('Coffee (a new bag)')).toHaveValue('Guji Hambela');
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('2.4.1');
  await expect(page.getByLabel('Dose (g)')).toHaveValue('18.5');
  await expect(page.getByLabel('Yield (g)')).toHaveValue('40');
  await expect(page.getByRole('button', { name: 'Sour' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '4 stars' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByLabel('Notes')).toHaveValue('fruity, a bit thin');
}

/**
 * The fields the stored draft of Log a brew holds, read from IndexedDB. The form writes its
 * draft on each change without waiting, so a reload the same instant can come before the
 * write commits: a spec that reloads right after a change waits for the write first.
 */
function storedDraftEdits(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('dial-in');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            const draft = all.result.find((d: { form: string }) => d.form === 'log');
            resolve(draft?.values?.edits ?? {});
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function openMore(page: Page) {
  const more = page.locator('details.card');
  if ((await more.getAttribute('open')) === null) await press(page, more.locator('summary'));
}

test('the draft and a running shot timer survive a tab switch and a reload, until discarded', async ({
  device,
}) => {
  const { page, consoleErrors } = device;
  await signUpThroughUi(page, uniqueEmail('draft'));
  await page.goto('/#/log');
  await page.getByLabel('Coffee (a new bag)').fill('Guji Hambela');
  await page.getByLabel('Grind', { exact: true }).fill('2.4.1');
  await page.getByLabel('Dose (g)').fill('18.5');
  await page.getByLabel('Yield (g)').fill('40');
  await press(page, page.getByRole('button', { name: 'Sour' }));
  await press(page, page.getByRole('button', { name: '4 stars' }));
  await openMore(page);
  await page.getByLabel('Notes').fill('fruity, a bit thin');
  await press(page, page.getByRole('button', { name: 'Start the shot timer' }));
  await expect.poll(() => timerSeconds(page)).toBeGreaterThan(0.5);

  await switchTabAndBack(page);
  await openMore(page);
  await expectTheDraft(page);
  await expect(page.getByRole('button', { name: 'Stop the shot timer' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();
  await openMore(page);
  await expectTheDraft(page);
  // Still counting from the tap before the reload, not restarted at zero.
  const afterReload = await timerSeconds(page);
  expect(afterReload).toBeGreaterThan(0.5);
  await expect.poll(() => timerSeconds(page)).toBeGreaterThan(afterReload + 0.5);
  await press(page, page.getByRole('button', { name: 'Stop the shot timer' }));
  const time = Number(await page.getByLabel('Time (s)').inputValue());
  expect(time).toBeGreaterThanOrEqual(1);

  // The stopped time is part of the draft too.
  await expect.poll(async () => (await storedDraftEdits(page)).timeS).toBe(String(time));
  await page.reload();
  await expect(page.getByLabel('Time (s)')).toHaveValue(String(time));

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // Discard is undoable (a toast), then it is gone for good, reload included.
  await press(page, page.getByRole('button', { name: 'Discard draft' }));
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Coffee (a new bag)')).toHaveValue('');
  await press(page, page.getByRole('button', { name: 'Undo' }));
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('2.4.1');
  await press(page, page.getByRole('button', { name: 'Discard draft' }));
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Discard draft' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Coffee (a new bag)')).toHaveValue('');
  await expect(page.getByText('0.0 s')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('logging out empties the draft with everything else', async ({ device }) => {
  const { page } = device;
  await signUpThroughUi(page, uniqueEmail('draft-out'));
  await page.goto('/#/log');
  await page.getByLabel('Grind', { exact: true }).fill('7');
  await expect(page.getByRole('button', { name: 'Discard draft' })).toBeVisible();
  await expect.poll(async () => (await storedDraftEdits(page)).grindSetting).toBe('7');
  await page.reload();
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('7');

  await logOutThroughUi(page);
  const kept = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('dial-in');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('drafts').objectStore('drafts').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  expect(kept).toBe(0);
  await page.goto('/#/log');
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('');
});
