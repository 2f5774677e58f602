import { ROUTES } from '../shared/protocol/routes.js';
import { newApiClient, uniqueEmail } from './support/api.js';
import { dispatchSyncEvent } from './support/cdp.js';
import { expect, test } from './support/fixtures.js';
import {
  eventually,
  fetchFromPage,
  openControlledApp,
  readQueue,
  SYNC_TAG,
} from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';

/** What the user sees of the worker's replays, driven through the app's own screens. */
test.describe('queued writes, as the user sees them', () => {
  test('a change refused during replay shows as rejected, and the one behind it lands', async ({
    device,
    server,
    api,
  }) => {
    const { context, page } = device;
    const email = uniqueEmail('refused');
    await openControlledApp(page);
    await signUpThroughUi(page, email);

    await context.setOffline(true);
    const refused = await logBrewThroughUi(page, 'refused on replay', 'Refused Kenya');
    await eventually(
      async () => ((await readQueue(context)).length === 1 ? true : undefined),
      'the first push queued',
    );
    const behind = await logBrewThroughUi(page, 'behind the refused one');
    await eventually(
      async () => ((await readQueue(context)).length === 2 ? true : undefined),
      'the second push queued behind it',
    );

    // The first request to reach the server is the queue's front: it gets a 400.
    await api.failNextPush(400, 1);
    await context.setOffline(false);
    await dispatchSyncEvent(context, SYNC_TAG);
    await eventually(
      async () => ((await readQueue(context)).length === 0 ? true : undefined),
      'the queue to empty',
    );

    await page.goto('/');
    await expect(brewRow(page, refused)).toContainText('Rejected by server');
    await expect(brewRow(page, behind)).not.toContainText('Rejected by server');
    await expect(brewRow(page, behind).locator('[data-unsynced="true"]')).toHaveCount(0);
    await page.goto('/#/account');
    // The bag and the brew of the refused push, each with the server's reason.
    await expect(page.getByTestId('rejected')).toContainText('Refused by the server (2)');

    const owner = await newApiClient(server.url);
    await owner.login(email);
    const { brews } = await owner.pullAll();
    expect(brews.map((b) => b.id)).toEqual([behind]);
    await owner.dispose();
  });

  test('A cannot log out over a queued brew until discarding it; B never gets it', async ({
    device,
    server,
  }) => {
    const { context, page } = device;
    const emailA = uniqueEmail('a');
    await openControlledApp(page);
    await signUpThroughUi(page, emailA);

    await context.setOffline(true);
    const brew = await logBrewThroughUi(page, 'A’s offline brew', 'A’s coffee');
    await eventually(
      async () => ((await readQueue(context)).length === 1 ? true : undefined),
      'A’s push queued',
    );

    await page.goto('/#/account');
    await page.getByRole('button', { name: 'Log out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unsynced changes' });
    await expect(dialog).toContainText("haven't reached the server");
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    expect(await readQueue(context)).toHaveLength(1);

    await page.getByRole('button', { name: 'Log out' }).click();
    await dialog.getByRole('button', { name: 'Discard and sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    // Nothing of A's is left to send; only the log out waits for the network.
    await eventually(async () => {
      const queued = await readQueue(context);
      return queued.every((q) => q.metadata?.kind === 'logout') ? queued : undefined;
    }, 'A’s pushes gone from the queue');
    await page.goto('/');
    await expect(brewRow(page, brew)).toHaveCount(0);

    await context.setOffline(false);
    const emailB = uniqueEmail('b');
    await signUpThroughUi(page, emailB);
    await dispatchSyncEvent(context, SYNC_TAG);
    await eventually(
      async () => ((await readQueue(context)).length === 0 ? true : undefined),
      'the queue to empty',
    );

    for (const email of [emailB, emailA]) {
      const client = await newApiClient(server.url);
      await client.login(email);
      expect((await client.pullAll()).brews, email).toEqual([]);
      await client.dispose();
    }
    // B is still signed in: A's queued log out did not end B's session.
    const me = await fetchFromPage(page, ROUTES.auth.me.path);
    expect(me).toMatchObject({ status: 200, body: { account: { email: emailB } } });
    await page.goto('/#/account');
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await expect(page.getByText(emailB)).toBeVisible();
  });
});
