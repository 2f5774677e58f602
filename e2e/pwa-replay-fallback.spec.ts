import type { Page } from '@playwright/test';
import { newApiClient, TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import {
  brewPush,
  canRegisterSync,
  denyBackgroundSync,
  eventually,
  openControlledApp,
  pushFromPage,
  readQueue,
  signInFromPage,
} from './support/pwa.js';

/**
 * Safari, Firefox and iOS home-screen apps have no Background Sync: the queue moves only when
 * the app asks the worker to replay — at start, on `online`, and on becoming visible
 * (client/src/pwa/worker-link.ts). Chromium is made to behave the same by denying the
 * permission.
 */
test.describe('replay asked for by the page, without Background Sync', () => {
  async function queuedBrewOffline(page: Page, email: string) {
    const account = await signInFromPage(page, 'signup', email, TEST_PASSWORD);
    await page.context().setOffline(true);
    const push = brewPush(account.id, 'no background sync');
    expect((await pushFromPage(page, push.body)).status).toBe(202);
    expect(await readQueue(page.context())).toHaveLength(1);
    return push;
  }

  async function expectOnServer(serverUrl: string, email: string, brewId: string) {
    const owner = await newApiClient(serverUrl);
    await owner.login(email);
    await eventually(
      async () => {
        const { brews } = await owner.pullAll();
        return brews.some((b) => b.id === brewId) ? true : undefined;
        // A replay caught in the network coming back can hang until its 15 s timeout; the page
        // then asks again.
      },
      'the brew on the server',
      60_000,
    );
    await owner.dispose();
  }

  test.beforeEach(async ({ device, server }) => {
    await denyBackgroundSync(device.context, server.url);
    await openControlledApp(device.page);
    expect(await canRegisterSync(device.page)).toBe(false);
  });

  test('coming online delivers the queue', async ({ device, server }) => {
    const email = uniqueEmail('online');
    const push = await queuedBrewOffline(device.page, email);
    await device.context.setOffline(false);
    // One `online`, no repeat: worker-link.ts once dropped an ask made within a second of the
    // start-up one, and this spec is quick enough to land in that second.
    await expectOnServer(server.url, email, push.brewId);
    await eventually(
      async () => ((await readQueue(device.context)).length === 0 ? true : undefined),
      'the queue to empty',
    );
  });

  test('becoming visible delivers the queue', async ({ device, server }) => {
    const { page, context } = device;
    // The device comes back online while the app is in the background and misses the
    // `online` event: a listener registered before the app's own swallows it. (Listeners at
    // the target run in registration order, so it must come first: an init script.)
    await page.addInitScript(() => {
      window.addEventListener('online', (event) => event.stopImmediatePropagation(), {
        capture: true,
      });
    });
    await page.reload();
    const email = uniqueEmail('visible');
    const push = await queuedBrewOffline(page, email);
    await context.setOffline(false);
    expect(await readQueue(context)).toHaveLength(1);

    // Headless pages are always visible; play the switch back to the app, once.
    await page.evaluate(() => {
      const set = (state: DocumentVisibilityState) => {
        Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      set('hidden');
      set('visible');
    });
    await expectOnServer(server.url, email, push.brewId);
  });

  test('starting the app delivers what an earlier session queued', async ({ device, server }) => {
    const { page, context } = device;
    const email = uniqueEmail('start');
    const push = await queuedBrewOffline(page, email);
    await page.close();
    await context.setOffline(false);
    expect(await readQueue(context)).toHaveLength(1);

    const next = await context.newPage();
    await next.goto('/');
    await expectOnServer(server.url, email, push.brewId);
  });
});
