import { uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { accountReader, expectServer } from './support/server-state.js';
import { expectAllSynced, goTo, logTimedBrew, pill, SYNCED } from './support/steps.js';

/**
 * Story 6 — log out with unsynced work: offline, a brew is logged and the person tries to log
 * out. The app says one change has not reached the server; "Stay" keeps it, and it syncs once
 * the network is back.
 */
test('story 6: logging out over one unsynced brew warns, Stay keeps it, and it syncs later', async ({
  device,
  server,
}) => {
  const { context, page } = device;
  const email = uniqueEmail('story6');
  await openControlledApp(page);
  await signUpThroughUi(page, email);
  const synced = await logBrewThroughUi(page, 'logged online', 'Unsynced Sidamo');
  await expectAllSynced(page);

  await context.setOffline(true);
  const offline = await logTimedBrew(page, 'logged with no signal');
  await expect(pill(page)).toHaveText('Offline · 1 pending');
  await expect(brewRow(page, offline.id).locator('[data-unsynced="true"]')).toBeVisible();

  await goTo(page, '#/account');
  await page.getByRole('button', { name: 'Log out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsynced changes' });
  await expect(dialog).toContainText("1 change hasn't reached the server.");
  await expect(dialog).toContainText('You are offline.');
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await goTo(page, '#/');
  await expect(brewRow(page, offline.id)).toContainText('Unsynced Sidamo');
  await expect(brewRow(page, offline.id).locator('[data-unsynced="true"]')).toBeVisible();

  const server0 = await accountReader(server.url, email);
  expect((await server0.rows()).brews.map((b) => b.id)).toEqual([synced]);
  await server0.dispose();

  // The signal returns: with nobody tapping anything, the brew reaches the server.
  await context.setOffline(false);
  await expectServer(server.url, email, (rows) =>
    expect(rows.brews.map((b) => b.id).sort()).toEqual([synced, offline.id].sort()),
  );
  await expect(pill(page)).toHaveText(SYNCED);
  await expect(brewRow(page, offline.id).locator('[data-unsynced="true"]')).toHaveCount(0);
  const { brews } = await expectServer(server.url, email, () => {});
  expect(brews.find((b) => b.id === offline.id)).toMatchObject({
    notes: 'logged with no signal',
    timeS: offline.timeS,
  });
});
