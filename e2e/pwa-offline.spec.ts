import { newApiClient, uniqueEmail } from './support/api.js';
import { dispatchSyncEvent } from './support/cdp.js';
import { expect, test } from './support/fixtures.js';
import { eventually, openControlledApp, readQueue, SYNC_TAG } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';

/** The app as a user meets it at the grinder: airplane mode, then the app closed. */
test.describe('offline', () => {
  test('a cold start in airplane mode opens the app, and a brew can be logged and is listed', async ({
    device,
  }) => {
    const { context, page } = device;
    await openControlledApp(page);
    await context.setOffline(true);

    await page.reload();
    await expect(page.getByRole('heading').first()).toBeVisible();
    const id = await logBrewThroughUi(page, 'logged in airplane mode', 'Offline Guji');
    await expect(brewRow(page, id)).toContainText('Offline Guji');

    // Closed and opened again, still offline: a true cold start from the precache.
    await page.close();
    const again = await context.newPage();
    await again.goto('/');
    await expect(brewRow(again, id)).toBeVisible();
  });

  test('signed in, a brew logged offline reaches the server after the app is closed', async ({
    device,
    server,
  }) => {
    const { context, page } = device;
    const email = uniqueEmail('grinder');
    await openControlledApp(page);
    await signUpThroughUi(page, email);

    await context.setOffline(true);
    const id = await logBrewThroughUi(page, 'at the grinder', 'Grinder Kenya');
    await expect(brewRow(page, id).locator('[data-unsynced="true"]')).toBeVisible();
    // The app's push met the worker, which queued it and answered 202.
    await eventually(
      async () => ((await readQueue(context)).length > 0 ? true : undefined),
      'the push to be queued',
    );
    await page.close();

    await context.setOffline(false);
    await dispatchSyncEvent(context, SYNC_TAG);
    const owner = await newApiClient(server.url);
    await owner.login(email);
    const brew = await eventually(async () => {
      const { brews } = await owner.pullAll();
      return brews.find((b) => b.id === id);
    }, 'the brew on the server');
    expect(brew.notes).toBe('at the grinder');
    await owner.dispose();

    // The worker also cleared the outbox entry: reopened, the brew shows as synced.
    const again = await context.newPage();
    await again.goto('/');
    await expect(brewRow(again, id)).toBeVisible();
    await expect(brewRow(again, id).locator('[data-unsynced="true"]')).toHaveCount(0);
  });
});
