import { uniqueEmail } from './support/api.js';
import { dispatchSyncEvent, installabilityErrors } from './support/cdp.js';
import { expect, test } from './support/fixtures.js';
import { eventually, openControlledApp, readQueue, SYNC_TAG } from './support/pwa.js';
import { brewRow, signUpThroughUi } from './support/pwa-ui.js';
import { expectServer } from './support/server-state.js';
import { type LoggedBrew, logTimedBrew, pill } from './support/steps.js';

/**
 * Story 1 — install and use offline: the app installs, opens cold in airplane mode, logs three
 * timed shots, and after the app is closed the service worker alone delivers them.
 */
test('story 1: install, airplane-mode cold start, three timed brews, synced with the app closed', async ({
  device,
  server,
}) => {
  const { context, page } = device;
  const email = uniqueEmail('story1');

  // One online visit: the worker installs, and the person makes an account.
  await openControlledApp(page);
  await expect.poll(() => installabilityErrors(page), { timeout: 20_000 }).toEqual([]);
  await signUpThroughUi(page, email);
  await page.close();

  // Airplane mode, then a cold start: a new page with no network at all.
  await context.setOffline(true);
  const app = await context.newPage();
  await app.goto('/');
  await expect(app.getByRole('heading', { name: 'Brews' })).toBeVisible();
  await expect(pill(app)).toContainText('Offline');

  const logged: LoggedBrew[] = [];
  for (const notes of ['first shot', 'second shot', 'third shot']) {
    logged.push(await logTimedBrew(app, notes, 'Airplane Guji'));
  }
  for (const { id } of logged) {
    await expect(brewRow(app, id).locator('[data-unsynced="true"]')).toBeVisible();
  }
  // The app handed its pushes to the worker, which holds them for when the network returns.
  await eventually(async () => {
    const queued = await readQueue(context);
    const ids = new Set(queued.flatMap((q) => q.metadata?.mutationIds ?? []));
    return ids.size >= 4 ? queued : undefined;
  }, 'the bag and three brews queued in the worker');

  // The app is closed; then the network returns and only the worker is left to sync.
  await app.close();
  expect(context.pages()).toHaveLength(0);
  await context.setOffline(false);
  await dispatchSyncEvent(context, SYNC_TAG);

  const { bags, brews } = await expectServer(server.url, email, (rows) => {
    expect(rows.brews).toHaveLength(3);
  });
  expect(bags.map((b) => b.name)).toEqual(['Airplane Guji']);
  expect(
    brews
      .map((b) => ({ id: b.id, notes: b.notes, timeS: b.timeS }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  ).toEqual(
    logged
      .map(({ id, timeS }, i) => ({
        id,
        notes: ['first shot', 'second shot', 'third shot'][i],
        timeS,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
  await eventually(
    async () => ((await readQueue(context)).length === 0 ? true : undefined),
    'the worker queue to empty',
  );

  // Opened again: nothing waits to be sent, and the server still holds exactly three brews.
  const reopened = await context.newPage();
  await reopened.goto('/');
  for (const { id } of logged) {
    await expect(brewRow(reopened, id)).toBeVisible();
    await expect(brewRow(reopened, id).locator('[data-unsynced="true"]')).toHaveCount(0);
  }
  await expect(pill(reopened)).not.toContainText('pending');
  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(3));
});
