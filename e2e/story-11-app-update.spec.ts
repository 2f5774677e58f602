import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../client/src/data/schema.js';
import { newApiClient, uniqueEmail } from './support/api.js';
import { launchDevice } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import {
  addSchemaVersion,
  buildTwoVersions,
  type ClientBuilds,
  entryScript,
} from './support/late-build-variant.js';
import { readLocalState } from './support/late-device-state.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { startServer } from './support/server.js';
import { pill, SYNCED } from './support/steps.js';

/** The next version's schema: one more version, adding an index on brews (Dexie syntax). */
const NEXT_SCHEMA = SCHEMA_VERSION + 1;
const NEXT_BREWS = 'id, bagId, brewedAt, [bagId+method], rating';

let builds: ClientBuilds;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  builds = await buildTwoVersions((root) =>
    addSchemaVersion(root, NEXT_SCHEMA, { brews: NEXT_BREWS }),
  );
});

test.afterAll(async () => {
  await builds?.dispose();
});

/**
 * Story 11 — App update. A new build is deployed while a brew form is half filled. The update
 * prompt appears, the form is not lost, and after reload the new version runs against the
 * existing local data, its IndexedDB schema upgraded from the version that wrote it.
 */
test('an update deployed under a half-filled form waits, then runs on the upgraded local data', async ({
  requireChromium,
}) => {
  void requireChromium;
  const staticDir = await mkdtemp(path.join(os.tmpdir(), 'dialin-deployed-'));
  await cp(builds.current, staticDir, { recursive: true });
  const server = await startServer({ env: { STATIC_DIR: staticDir } });
  const device = await launchDevice(server.url);
  const api = await newApiClient(server.url);
  try {
    const { context, page } = device;
    const email = uniqueEmail('update');
    const currentScript = await entryScript(builds.current);
    const nextScript = await entryScript(builds.next);
    expect(nextScript).not.toBe(currentScript);

    // The version the user has: signed in, two brews on the phone and the server.
    await openControlledApp(page);
    await signUpThroughUi(page, email);
    const older = [
      await logBrewThroughUi(page, 'before the update, 1', 'Update coffee'),
      await logBrewThroughUi(page, 'before the update, 2'),
    ];
    await api.login(email);
    await expect.poll(async () => (await api.pullAll()).brews.length, { timeout: 30_000 }).toBe(2);
    const written = await readLocalState(context);
    expect(written.idbVersion).toBe(SCHEMA_VERSION * 10);
    expect(written.indexes.brews).not.toContain('rating');

    // Half-way through the next brew.
    await page.evaluate(() => {
      location.hash = '#/log';
    });
    await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();
    await page.locator('#f-doseG').fill('18.5');
    await page.locator('details.card summary').click();
    await page.locator('#f-notes').fill('half-typed when the update came');
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    // Deploy the next version over the running one, and let the app look for it (as it does
    // on becoming visible and every hour).
    await cp(builds.next, staticDir, { recursive: true, force: true });
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const banner = page
      .getByRole('status')
      .filter({ hasText: 'A new version of Dial-in is ready' });
    await expect(banner).toBeVisible();

    // Nothing was swapped in under the form: same page, same typing; the user finishes it.
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    await expect(page.locator('#f-doseG')).toHaveValue('18.5');
    await expect(page.locator('#f-notes')).toHaveValue('half-typed when the update came');
    await page.locator('#f-yieldG').fill('37');
    await page.getByTestId('save-brew').click();
    await expect(page).toHaveURL(/#\/\?saved=/);
    const finished = new URL(page.url()).hash.split('saved=')[1] ?? '';
    await expect(brewRow(page, finished)).toBeVisible();

    // Reload: the next version takes over.
    await banner.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(
      () => !(window as unknown as { sameDocument?: boolean }).sameDocument,
    );
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const running = await page.evaluate(() =>
      Array.from(document.scripts, (s) => new URL(s.src || location.href).pathname.slice(1)),
    );
    expect(running).toContain(nextScript);
    await expect(banner).toHaveCount(0);

    // It runs on the data the previous version wrote: every brew there, still signed in,
    // the database upgraded in place.
    for (const id of [...older, finished]) await expect(brewRow(page, id)).toBeVisible();
    await expect(brewRow(page, finished)).toContainText('18.5 g → 37 g');
    await expect(pill(page)).toHaveText(SYNCED, { timeout: 30_000 });
    const upgraded = await readLocalState(context);
    expect(upgraded.idbVersion).toBe(NEXT_SCHEMA * 10);
    expect(upgraded.indexes.brews).toContain('rating');
    expect(upgraded.brews.map((b) => b.id).sort()).toEqual([...older, finished].sort());
    expect(upgraded.meta?.accountId).toBe(written.meta?.accountId);
    expect(upgraded.meta?.deviceId).toBe(written.meta?.deviceId);

    // And keeps working: a brew logged on the new version reaches the server with the rest.
    const after = await logBrewThroughUi(page, 'after the update');
    await expect
      .poll(async () => (await api.pullAll()).brews.map((b) => b.id).sort(), { timeout: 30_000 })
      .toEqual([...older, finished, after].sort());
  } finally {
    await api.dispose();
    await device.close();
    await server.stop();
    await rm(staticDir, { recursive: true, force: true });
  }
});
