import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { fixtureFiles } from '../client/test-support/beanconqueror-fixture.js';
import { PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';

/**
 * Settings → Import with Beanconqueror's ZIP: chunked files (Beans_N, Brews_N) import
 * through the UI with a progress bar, the report shows and downloads, and the same file
 * again adds nothing.
 */

// 3 beans in files of 2; 3 special brews and 60 generated ones in files of 20: 3 brew chunks.
const FILES = fixtureFiles({ brews: 60, chunkSize: 20, beanChunkSize: 2 });
const BREWS = 63;
const zip = Buffer.from(
  zipSync(Object.fromEntries(Object.entries(FILES).map(([name, text]) => [name, strToU8(text)]))),
);

async function importZip(page: Page) {
  await page.goto('/#/settings');
  await page.locator('#import-file').setInputFiles({
    name: 'Beanconqueror.zip',
    mimeType: 'application/zip',
    buffer: zip,
  });
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a chunked Beanconqueror ZIP imports, reports, and imports again as nothing new (${colorScheme})`, async ({
    openDevice,
  }, testInfo) => {
    expect(Object.keys(FILES)).toContain('Beanconqueror_Brews_3.json');
    expect(Object.keys(FILES)).toContain('Beanconqueror_Beans_1.json');
    const { page } = await openDevice({ ...PHONE, colorScheme });

    await page.goto('/#/settings');
    // Records each value the progress bar shows: it must move, batch by batch, to the total.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { progressSeen: seen });
      new MutationObserver(() => {
        const bar = document.querySelector('#import-progress');
        const value = bar?.getAttribute('value');
        if (value && seen.at(-1) !== value) seen.push(`${value}/${bar?.getAttribute('max')}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.locator('#import-file').setInputFiles({
      name: 'Beanconqueror.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('Bags: 4 new, 0 updated, 0 already here');
    await expect(report).toContainText(`Brews: ${BREWS} new, 0 updated, 0 already here`);
    await expect(report).toContainText('Photos referenced but not in a Beanconqueror export: 3');
    await expect(report).toContainText('brew doseG must be at most 100: 1');
    await expect(report).toContainText('bean.buyDate: 1');
    const progress = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[0]).toBe(`25/${3 + BREWS}`);
    await expectAccessible(page);
    const download = page.getByRole('button', { name: 'Download the report' });
    const box = await download.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: testInfo.outputPath(`bc-report-${colorScheme}.png`),
      fullPage: true,
    });

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('beanconqueror-import-report.txt');
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain(`Brews: ${BREWS} new, 0 updated, 0 already here`);
    expect(text).toContain('Kept for later (not in Dial-in yet)');

    // The brews are on the device, on their bags, like brews logged here.
    await page.goto('/#/');
    await expect(page.locator('.brew-title', { hasText: 'Guji Hambela' }).first()).toBeVisible();
    await expect(
      page.locator('.brew-title', { hasText: 'Unknown coffee (from Beanconqueror)' }),
    ).toHaveCount(1);

    await importZip(page);
    await expect(report).toContainText('Bags: 0 new, 0 updated, 4 already here');
    await expect(report).toContainText(`Brews: 0 new, 0 updated, ${BREWS} already here`);
    const counts = await page.evaluate(async () => {
      const open = indexedDB.open('dial-in');
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const countOf = (store: string) =>
        new Promise<number>((resolve) => {
          const req = idb.transaction(store).objectStore(store).count();
          req.onsuccess = () => resolve(req.result);
        });
      const out = { bags: await countOf('bags'), brews: await countOf('brews') };
      idb.close();
      return out;
    });
    expect(counts).toEqual({ bags: 4, brews: BREWS });
  });
}
