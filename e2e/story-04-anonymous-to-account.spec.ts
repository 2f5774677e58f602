import { uniqueEmail } from './support/api.js';
import { LAPTOP } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, signUpThroughUi } from './support/pwa-ui.js';
import { expectServer } from './support/server-state.js';
import { goTo, logInThroughUi, logTimedBrew, pill, SYNCED } from './support/steps.js';

/**
 * Story 4 — anonymous to account: brews logged with no account stay on the device; signing up
 * sends them all; a second device that logs in sees every one.
 */
test('story 4: brews logged without an account reach the server at sign-up, and a second device sees them all', async ({
  device,
  openDevice,
  server,
}) => {
  const { page } = device;
  await openControlledApp(page);
  await expect(pill(page)).toHaveText('Local only');

  const notes = ['no account yet', 'still anonymous'];
  const first = await logTimedBrew(page, notes[0] ?? '', 'Anonymous Huila');
  const second = await logTimedBrew(page, notes[1] ?? '');
  await goTo(page, '#/account');
  await expect(page.getByTestId('sync-state')).toHaveText('This device only (no account)');
  await expect(pill(page)).toHaveText('Local only');

  const email = uniqueEmail('story4');
  await signUpThroughUi(page, email);
  await expect(pill(page)).toHaveText(SYNCED);
  await goTo(page, '#/');
  for (const { id } of [first, second]) {
    await expect(brewRow(page, id)).toBeVisible();
    await expect(brewRow(page, id).locator('[data-unsynced="true"]')).toHaveCount(0);
  }

  const { bags, brews } = await expectServer(server.url, email, (rows) =>
    expect(rows.brews).toHaveLength(2),
  );
  expect(bags.map((b) => b.name)).toEqual(['Anonymous Huila']);
  expect(
    brews
      .map((b) => ({ id: b.id, notes: b.notes, timeS: b.timeS, bagId: b.bagId }))
      .sort((x, y) => x.id.localeCompare(y.id)),
  ).toEqual(
    [first, second]
      .map(({ id, timeS }, i) => ({ id, notes: notes[i], timeS, bagId: bags[0]?.id }))
      .sort((x, y) => x.id.localeCompare(y.id)),
  );

  // The laptop logs in and gets everything: both brews and their bag.
  const laptop = await openDevice(LAPTOP);
  await openControlledApp(laptop.page);
  await logInThroughUi(laptop.page, email);
  await expect(pill(laptop.page)).toHaveText(SYNCED);
  await goTo(laptop.page, '#/');
  for (const { id, timeS } of [first, second]) {
    await expect(brewRow(laptop.page, id)).toContainText('Anonymous Huila');
    await expect(brewRow(laptop.page, id)).toContainText(`${timeS} s`);
  }
  await expect(laptop.page.locator('.brew-item')).toHaveCount(2);
  await goTo(laptop.page, '#/bags');
  await expect(laptop.page.locator('.bag-item')).toHaveText([/Anonymous Huila.*2 brews/]);
});
