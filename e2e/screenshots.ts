/**
 * `npm run screenshots` — the main screens at 390×844 in light and dark, as a person sees them,
 * for looking at before UI work is called done (the built app, `npm run build` first, served
 * by the real server on an in-memory database, with a sample history imported). Writes
 * test-results/screenshots/<screen>-<theme>.png and prints the paths. Asserts nothing.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.js';
import { PHONE } from './support/device.js';
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
  await importThroughUi(page, doc);
  const bagId = doc.bags[0]?.id ?? '';
  const brewId = doc.brews[0]?.id ?? '';
  const screens: [string, string][] = [
    ['brews', '#/'],
    ['log', '#/log'],
    ['brew', `#/brew/${brewId}`],
    ['bags', '#/bags'],
    ['bag', `#/bag/${bagId}`],
    ['history', '#/history'],
    ['settings', '#/settings'],
    ['account', '#/account'],
  ];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [name, hash] of screens) {
      await page.goto(`/${hash}`);
      await page.locator('main h1:visible').first().waitFor();
      await page.waitForTimeout(300); // Live queries settle; fonts and layout are done.
      const file = path.join(out, `${name}-${theme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
