import { uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { goTo, pill, SYNCED } from './support/steps.js';

/** A failed save is told in words, with the real count and when it goes again; Retry now works. */

test('a server failure says what happened, how many changes wait, and when they go again', async ({
  device,
  api,
}) => {
  const { page } = device;
  await signUpThroughUi(page, uniqueEmail('words'));
  await expect(pill(page)).toHaveText(SYNCED);

  // Every push fails until the server is told otherwise.
  await api.failNextPush(500, 1000);
  await logBrewThroughUi(page, 'first', 'Guji');
  await logBrewThroughUi(page, 'second');
  await expect(pill(page)).toContainText('3 pending');

  await goTo(page, '#/account');
  const sync = page.getByRole('region', { name: 'Sync' });
  await expect(sync.getByTestId('sync-problem')).toHaveText(
    /^The server had a problem; your 3 changes will be sent again in \d+ s\.$/,
  );
  await expect(sync).not.toContainText('HTTP 500');
  await expect(sync.getByTestId('sync-pending')).toHaveText('3 changes');

  // The server is well again: one tap sends both, and the words go away.
  await api.failNextPush(500, 0);
  await sync.getByRole('button', { name: 'Retry now' }).click();
  await expect(pill(page)).toHaveText(SYNCED);
  await expect(sync.getByTestId('sync-problem')).toHaveCount(0);
  await expect(sync.getByTestId('sync-pending')).toHaveText('Nothing');
});
