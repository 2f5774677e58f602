import { ROUTES } from '../shared/protocol/routes.js';
import { newApiClient, TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { dispatchSyncEvent } from './support/cdp.js';
import { expect, test } from './support/fixtures.js';
import {
  brewPush,
  denyBackgroundSync,
  drainedReport,
  eventually,
  fetchFromPage,
  openControlledApp,
  pushFromPage,
  readQueue,
  reportListener,
  SYNC_TAG,
  signInFromPage,
} from './support/pwa.js';

/**
 * A queued write belongs to the account it was written under: it never
 * lands in another account, and log out empties the queue. Driven at the wire, as the sync
 * engine and the account lifecycle call these routes.
 */

test.describe('queued writes and accounts', () => {
  test('a push queued under A, replayed under B’s session, is refused and never lands', async ({
    device,
    server,
  }) => {
    const { context, page } = device;
    const emailA = uniqueEmail('a');
    await openControlledApp(page);
    const accountA = await signInFromPage(page, 'signup', emailA, TEST_PASSWORD);
    await context.setOffline(true);
    const push = brewPush(accountA.id, 'written by A');
    expect((await pushFromPage(page, push.body)).status).toBe(202);
    await page.close();

    // B's session replaces A's on this device without a log out (A's session expired, say):
    // cookies are attached at replay time, so the replay carries B's.
    const b = await newApiClient(server.url);
    await b.signup(uniqueEmail('b'));
    const { cookies } = await b.request.storageState();
    await context.addCookies(cookies);
    const listener = await reportListener(context);

    await context.setOffline(false);
    await dispatchSyncEvent(context, SYNC_TAG);
    const report = await drainedReport(listener);
    // 403 account_mismatch is a 4xx: dropped, and A's entries reported rejected.
    expect(report).toMatchObject({ acked: [], rejected: push.mutationIds });
    expect(await readQueue(context)).toEqual([]);

    expect((await b.pullAll()).brews).toEqual([]);
    const a = await newApiClient(server.url);
    await a.login(emailA);
    expect((await a.pullAll()).brews).toEqual([]);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  test('log out empties the queue; made offline, it waits and then ends that session', async ({
    device,
    server,
  }) => {
    const { context, page } = device;
    const email = uniqueEmail('leaving');
    await openControlledApp(page);
    const account = await signInFromPage(page, 'signup', email, TEST_PASSWORD);
    await context.setOffline(true);
    expect((await pushFromPage(page, brewPush(account.id, 'discarded').body)).status).toBe(202);
    expect(await readQueue(context)).toHaveLength(1);

    // The user chose to discard the unsynced brew and log out, offline.
    const logout = await fetchFromPage(page, ROUTES.auth.logout.path, 'POST');
    expect(logout).toEqual({ status: 202, body: { queued: true } });
    expect((await readQueue(context)).map((q) => q.metadata)).toEqual([{ kind: 'logout' }]);
    await page.close();

    await context.setOffline(false);
    await dispatchSyncEvent(context, SYNC_TAG);
    await eventually(
      async () => ((await readQueue(context)).length === 0 ? true : undefined),
      'the queued log out to be sent',
    );
    const probe = await context.newPage();
    await probe.goto('/favicon.svg');
    expect((await fetchFromPage(probe, ROUTES.auth.me.path)).status).toBe(401);

    const owner = await newApiClient(server.url);
    await owner.login(email);
    expect((await owner.pullAll()).brews).toEqual([]);
    await owner.dispose();
  });

  test('a queued log out is dropped when someone signs in first, so it never ends their session', async ({
    device,
    server,
  }) => {
    const { context, page } = device;
    // Nothing replays on its own here: the order of events is the test's.
    await denyBackgroundSync(context, server.url);
    await openControlledApp(page);
    await signInFromPage(page, 'signup', uniqueEmail('a'), TEST_PASSWORD);
    await context.setOffline(true);
    expect((await fetchFromPage(page, ROUTES.auth.logout.path, 'POST')).status).toBe(202);
    await page.close();

    // Back online, B signs in on this device (from a page that runs no app code, so no replay
    // is asked for in between).
    const probe = await context.newPage();
    await probe.goto('/favicon.svg');
    await context.setOffline(false);
    const emailB = uniqueEmail('b');
    const accountB = await signInFromPage(probe, 'signup', emailB, TEST_PASSWORD);
    expect(await readQueue(context)).toEqual([]);

    await probe.evaluate(async () => {
      (await navigator.serviceWorker.ready).active?.postMessage({ type: 'replay' });
    });
    const me = await eventually(async () => {
      const answer = await fetchFromPage(probe, ROUTES.auth.me.path);
      return answer.status === 200 ? answer.body : undefined;
    }, 'B signed in');
    expect(me).toMatchObject({ account: { id: accountB.id, email: emailB } });
  });
});
