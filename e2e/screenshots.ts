/**
 * `npm run screenshots` — the main screens at 390×844 in light and dark, as a person sees them,
 * for looking at before UI work is called done (the built app, `npm run build` first, served
 * by the real server on an in-memory database, with a sample history imported). Writes
 * test-results/screenshots/<screen>-<theme>.png and prints the paths. Asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.js';
import { PHONE } from './support/device.js';
import { cameraInput, drawnJpegs, libraryInput, photoTiles } from './support/photos.js';
import { startServer } from './support/server.js';
import { importThroughUi, sampleExport } from './support/ui.js';

const out = path.resolve(import.meta.dirname, '../test-results/screenshots');

const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  mkdirSync(out, { recursive: true });
  const context = await browser.newContext({ ...PHONE, baseURL: server.url });
  const page = await context.newPage();
  const doc = sampleExport({ brews: 24 });
  // Gear: the newest brew names a grinder and a brewer, so Log a brew starts with them.
  const gearClock = '000001764148200000-00000-sample';
  const gear = (fields: Record<string, unknown>) => ({
    id: randomUUID(),
    clocks: { name: gearClock },
    notes: null,
    archived: null,
    deletedAt: null,
    ...fields,
  });
  const grinders = [
    gear({ name: 'Niche Zero', scaleKind: 'numeric', scaleStep: 0.5 }),
    gear({ name: 'Comandante C40', scaleKind: 'numeric', scaleStep: 1 }),
    gear({ name: 'Hario Skerton', scaleKind: 'stepless', scaleStep: null, archived: true }),
  ];
  const brewers = [
    gear({ name: 'Lelit Bianca', method: 'espresso', defaultDoseG: 18, defaultRatio: 2 }),
    gear({ name: 'V60 02', method: 'pour_over', defaultDoseG: 15, defaultRatio: 16.5 }),
  ];
  Object.assign(doc.brews[0] ?? {}, { grinderId: grinders[0]?.id, brewerId: brewers[0]?.id });
  await importThroughUi(page, { ...doc, grinders, brewers });
  const bagId = doc.bags[0]?.id ?? '';
  const brewId = doc.brews[0]?.id ?? '';
  // Photos on the first bag (three) and the first brew (one): the strips, the lists'
  // thumbnails and the viewer have something to show.
  await page.goto(`/#/bag/${bagId}`);
  await libraryInput(page).setInputFiles(await drawnJpegs(page, 3));
  await photoTiles(page).nth(2).locator('img').waitFor();
  await page.goto(`/#/brew/${brewId}`);
  await cameraInput(page).setInputFiles(await drawnJpegs(page, 1, 3));
  await photoTiles(page).first().locator('img').waitFor();
  const screens: [string, string][] = [
    ['brews', '#/'],
    ['log', '#/log'],
    ['brew', `#/brew/${brewId}`],
    ['bags', '#/bags'],
    ['bag', `#/bag/${bagId}`],
    ['bag-photos', `#/bag/${bagId}`],
    ['photo-viewer', `#/photo/${bagId}?kind=bag&i=1`],
    ['history', '#/history'],
    ['search', '#/history?q=guji&rating=2'],
    ['stats', '#/stats'],
    ['settings', '#/settings'],
    ['account', '#/account'],
    ['gear', '#/gear'],
    ['gear-add', '#/gear?add=grinder'],
  ];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [name, hash] of screens) {
      await page.goto(`/${hash}`);
      await page.locator('main h1:visible, dialog.photo-viewer img.photo-full').first().waitFor();
      await page.waitForTimeout(300); // Live queries settle; fonts and layout are done.
      if (name === 'bag-photos') await page.locator('.photo-strip').scrollIntoViewIfNeeded();
      const file = path.join(out, `${name}-${theme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
