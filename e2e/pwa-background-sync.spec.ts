import { newApiClient, TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { dispatchSyncEvent } from './support/cdp.js';
import { expect, test } from './support/fixtures.js';
import {
  brewPush,
  drainedReport,
  eventually,
  openControlledApp,
  pushFromPage,
  readQueue,
  reportListener,
  SYNC_TAG,
  signInFromPage,
} from './support/pwa.js';

/**
 * The worker's Background Sync queue, driven at the wire: the page sends the push the sync
 * engine sends (`POST /api/sync/push`), the server is the real one, and the replay is the
 * worker's own `onSync` loop (docs/architecture.md, "The three paths").
 */
test.describe('service-worker background sync', () => {
  test('a push made offline is queued at once, and lands with no app page open', async ({
    device,
    server,
  }) => {
    const { context, page } = device;
    const email = uniqueEmail('closed');
    await openControlledApp(page);
    const account = await signInFromPage(page, 'signup', email, TEST_PASSWORD);

    await context.setOffline(true);
    const push = brewPush(account.id, 'closed-app brew');
    const answer = await pushFromPage(page, push.body);
    expect(answer).toEqual({ status: 202, body: { queued: true } });
    const queued = await readQueue(context);
    expect(queued.map((q) => q.metadata)).toEqual([
      { kind: 'push', accountId: account.id, mutationIds: push.mutationIds },
    ]);

    // Close the app: only the worker is left to deliver.
    await page.close();
    await context.setOffline(false);
    await dispatchSyncEvent(context, SYNC_TAG);

    const api = await newApiClient(server.url);
    await api.login(email);
    const brews = await eventually(async () => {
      const { brews } = await api.pullAll();
      return brews.some((b) => b.id === push.brewId) ? brews : undefined;
    }, 'the queued brew on the server');
    expect(brews.find((b) => b.id === push.brewId)).toMatchObject({
      bagId: push.bagId,
      notes: 'closed-app brew',
    });
    expect(await readQueue(context)).toEqual([]);
    await api.dispose();
  });

  test('a 500 keeps the request queued; the next replay delivers it exactly once', async ({
    device,
    server,
    api,
  }) => {
    const { context, page } = device;
    const email = uniqueEmail('retry');
    await openControlledApp(page);
    const account = await signInFromPage(page, 'signup', email, TEST_PASSWORD);

    await context.setOffline(true);
    const push = brewPush(account.id, 'survives a 500');
    expect((await pushFromPage(page, push.body)).status).toBe(202);
    await page.close();

    const before = (await api.stats()).pushRequests;
    await api.failNextPush(500, 1);
    // Back online, Chromium fires the sync event by itself (within ~100 ms here); the replay meets
    // the 500. Only if it has not, after a while, is the event dispatched by hand: two replays
    // at once would run back to back and hide the state between them.
    await context.setOffline(false);
    const firstReplay = async () => ((await api.stats()).pushRequests > before ? true : undefined);
    await eventually(firstReplay, 'Chromium to replay by itself', 10_000).catch(async () => {
      await dispatchSyncEvent(context, SYNC_TAG);
      await eventually(firstReplay, 'the first replay to reach the server');
    });
    // The 500 left the request where it was.
    const afterFailure = await readQueue(context);
    expect(afterFailure.map((q) => q.metadata?.mutationIds)).toEqual([push.mutationIds]);
    const owner = await newApiClient(server.url);
    await owner.login(email);
    expect((await owner.pullAll()).brews).toEqual([]);

    // A second replay (Chromium backs off for minutes after a failure, so trigger it).
    await dispatchSyncEvent(context, SYNC_TAG);
    await eventually(async () => {
      const { brews } = await owner.pullAll();
      return brews.some((b) => b.id === push.brewId) ? true : undefined;
    }, 'the brew after the retry');
    await eventually(
      async () => ((await readQueue(context)).length === 0 ? true : undefined),
      'the queue to empty',
    );
    // One refused attempt, one delivery: nothing was sent twice, and the row is there once.
    expect((await api.stats()).pushRequests - before).toBe(2);
    const { brews } = await owner.pullAll();
    expect(brews.filter((b) => b.id === push.brewId)).toHaveLength(1);
    await owner.dispose();
  });

  test('a 400 drops that request and reports it rejected; the ones behind it still land', async ({
    device,
    server,
    api,
  }) => {
    const { context, page } = device;
    const email = uniqueEmail('reject');
    await openControlledApp(page);
    const account = await signInFromPage(page, 'signup', email, TEST_PASSWORD);

    await context.setOffline(true);
    const refused = brewPush(account.id, 'refused');
    const behind = brewPush(account.id, 'behind the refused one');
    expect((await pushFromPage(page, refused.body)).status).toBe(202);
    expect((await pushFromPage(page, behind.body)).status).toBe(202);
    expect(await readQueue(context)).toHaveLength(2);
    await page.close();

    const listener = await reportListener(context);

    await api.failNextPush(400, 1);
    await context.setOffline(false);
    await dispatchSyncEvent(context, SYNC_TAG);

    const report = await drainedReport(listener);
    expect(report).toMatchObject({
      rejected: refused.mutationIds,
      acked: behind.mutationIds,
      stalled: false,
    });

    const owner = await newApiClient(server.url);
    await owner.login(email);
    const { brews } = await owner.pullAll();
    expect(brews.map((b) => b.id)).toEqual([behind.brewId]);
    expect(await readQueue(context)).toEqual([]);
    await owner.dispose();
  });
});
