import { newApiClient, TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { readLocalState } from './support/late-device-state.js';
import { eventually, openControlledApp, readQueue } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { pill, SYNCED } from './support/steps.js';

/**
 * Story 8 — Expired session. The server revokes the session while the phone holds unsynced
 * brews. The app asks to sign in again, keeps the brews, and after sign-in they reach the
 * server.
 */
test('a revoked session keeps the unsynced brews, asks to sign in, then sends them', async ({
  device,
  server,
  api,
}) => {
  const { context, page } = device;
  const email = uniqueEmail('revoked');
  await openControlledApp(page);
  await signUpThroughUi(page, email);

  // Two brews logged without signal: the phone holds them, the server does not.
  await context.setOffline(true);
  const first = await logBrewThroughUi(page, 'first, in the basement', 'Basement coffee');
  const second = await logBrewThroughUi(page, 'second, in the basement');
  await eventually(
    async () => ((await readQueue(context)).length > 0 ? true : undefined),
    'the pushes queued in the worker',
  );
  await expect(pill(page)).toContainText('Offline');

  // Meanwhile the server ends every session of the account (a password change elsewhere).
  await api.revokeSessions(email);

  // Signal returns: the app finds out, says so, and keeps the brews.
  await context.setOffline(false);
  const banner = page.getByRole('alert').filter({ hasText: 'Signed out on the server' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  for (const id of [first, second]) {
    await expect(brewRow(page, id).locator('[data-unsynced="true"]')).toBeVisible();
  }
  const reader = await newApiClient(server.url);
  await reader.login(email);
  expect((await reader.pullAll()).brews).toEqual([]);

  // Sign in again from the banner: the email is already there, only the password is asked.
  await banner.getByRole('link', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('You were signed out on the server');
  await expect(page.getByRole('alert')).toContainText('unsynced');
  await expect(page.locator('#a-email')).toHaveValue(email);
  await page.locator('#a-password').fill(TEST_PASSWORD);
  await page.locator('form').getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();

  // The two brews reach the server, once each, and the phone says everything is synced.
  await expect
    .poll(async () => (await reader.pullAll()).brews.map((b) => b.id).sort(), {
      timeout: 30_000,
    })
    .toEqual([first, second].sort());
  const { brews } = await reader.pullAll();
  expect(brews.map((b) => b.notes).sort()).toEqual([
    'first, in the basement',
    'second, in the basement',
  ]);
  await expect(pill(page)).toHaveText(SYNCED, { timeout: 30_000 });
  await page.goto('/');
  for (const id of [first, second]) {
    await expect(brewRow(page, id)).toBeVisible();
    await expect(brewRow(page, id).locator('[data-unsynced="true"]')).toHaveCount(0);
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Signed out' })).toHaveCount(0);
  const local = await readLocalState(context);
  expect(local.outbox).toEqual([]);
  await eventually(
    async () => ((await readQueue(context)).length === 0 ? true : undefined),
    'the worker queue emptied',
  );
  await reader.dispose();
});
