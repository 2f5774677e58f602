import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { ROUTES } from '../shared/protocol/routes.js';
import { seedAccount } from './bench/browser-seed.js';
import { TEST_PASSWORD } from './support/api.js';
import { chromiumLaunchOptions } from './support/chromium.js';
import { PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { comparable, readLocalState } from './support/late-device-state.js';
import { openControlledApp } from './support/pwa.js';
import { pill, SYNCED } from './support/steps.js';

/**
 * Fault: the browser is closed in the middle of a long initial pull (a person logs in on a new
 * phone, and the phone dies). The next start resumes from the last stored page — its first
 * request carries the cursor the interrupted pull stored — and ends identical to the server:
 * every row and every field clock, nothing missing, nothing twice.
 */
const BREWS = 3_000;
const BAGS = 20;

test('a browser closed mid-pull resumes from the stored cursor and ends identical to the server', async ({
  requireChromium,
  server,
  api,
}) => {
  void requireChromium;
  test.setTimeout(120_000);
  const seeded = await seedAccount(api, { bags: BAGS, brews: BREWS });
  const serverRows = await api.pullAll();
  expect(serverRows.brews).toHaveLength(BREWS);

  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'dialin-mid-pull-'));
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      ...chromiumLaunchOptions,
      ...PHONE,
      baseURL: server.url,
    });
  let context: BrowserContext | null = null;
  try {
    context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    await openControlledApp(page);
    // A slow network (each pull page held back 300 ms), so the pull is long enough to be cut.
    await context.route(`**${ROUTES.sync.pull.path}**`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    let pulled = 0;
    const twoPagesIn = new Promise<void>((resolve) => {
      page.on('response', (response) => {
        if (!response.url().includes(ROUTES.sync.pull.path)) return;
        pulled += 1;
        if (pulled === 2) resolve();
      });
    });
    await page.goto('/#/account');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.locator('#a-email').fill(seeded.email);
    await page.locator('#a-password').fill(TEST_PASSWORD);
    await page.locator('form').getByRole('button', { name: 'Log in' }).click();
    await twoPagesIn;
    // At least one page stored (the count is of stored rows): pages are fetched ahead of the
    // stores, so two replies in does not mean one page is in the database yet.
    await expect(page.getByText(/Downloading [1-9][\d,]* of [\d,]+ brews and bags/)).toBeVisible();
    // The phone dies: the whole browser goes, whatever transaction or request is in flight.
    await context.close();
    context = null;

    context = await launch();
    const partial = await readLocalState(context);
    const stored = partial.bags.length + partial.brews.length;
    expect(stored, 'some pages were stored before the close').toBeGreaterThan(0);
    expect(stored, 'the pull was cut before its end').toBeLessThan(BAGS + BREWS);
    const storedCursor = partial.meta?.cursor;
    expect(typeof storedCursor).toBe('string');
    // What was stored is a prefix of pages, each applied whole: every local row is the server's.
    const byId = new Map(comparable(serverRows.brews).map((row) => [row.id, row]));
    for (const row of comparable(partial.brews)) expect(row).toEqual(byId.get(row.id));

    const cursors: (string | null)[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === ROUTES.sync.pull.path) cursors.push(url.searchParams.get('cursor'));
    });
    const app = context.pages()[0] ?? (await context.newPage());
    await app.goto('/');
    // The app starts signed in and syncs by itself (the start trigger): no tap needed.
    await expect(pill(app)).toHaveText(SYNCED, { timeout: 60_000 });
    expect(cursors[0], 'the next pull starts from the stored cursor').toBe(storedCursor);

    const local = await readLocalState(context);
    expect(comparable(local.bags)).toEqual(comparable(serverRows.bags));
    expect(comparable(local.brews)).toEqual(comparable(serverRows.brews));
    expect(local.outbox).toEqual([]);
  } finally {
    await context?.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
});
