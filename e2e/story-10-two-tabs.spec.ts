import type { Request } from '@playwright/test';
import { ROUTES } from '../shared/protocol/routes.js';
import { uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { readLocalState } from './support/late-device-state.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { pill, SYNCED } from './support/steps.js';

/**
 * Story 10 — Two tabs. Two tabs of one device sync without duplicate pushes (counted at the
 * server), and each shows the other's writes live, without a reload.
 */
test('two tabs of one phone push each change once and show each other’s writes live', async ({
  device,
  api,
}) => {
  const { context, page: first } = device;
  const email = uniqueEmail('two-tabs');
  await openControlledApp(first);
  await signUpThroughUi(first, email);
  await expect(pill(first)).toHaveText(SYNCED);
  const second = await context.newPage();
  await openControlledApp(second);
  await expect(pill(second)).toHaveText(SYNCED);

  // Every push either tab sends (the worker forwards each one to the server).
  const pushes: { tab: 'first' | 'second'; mutationIds: string[] }[] = [];
  const record = (tab: 'first' | 'second') => (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith(ROUTES.sync.push.path)) return;
    const body = request.postDataJSON() as { mutations: { id: string }[] };
    pushes.push({ tab, mutationIds: body.mutations.map((m) => m.id) });
  };
  first.on('request', record('first'));
  second.on('request', record('second'));
  await second.evaluate(() => {
    (window as unknown as { mark: boolean }).mark = true;
  });
  const before = (await api.stats()).pushRequests;
  await api.login(email);

  // A brew in the first tab appears in the second as it is saved.
  const fromFirst = await logBrewThroughUi(first, 'from the first tab', 'Two-tab coffee');
  await expect(brewRow(second, fromFirst)).toBeVisible();
  // Live: the second tab was not reloaded to see it.
  expect(await second.evaluate(() => (window as unknown as { mark?: boolean }).mark)).toBe(true);

  // And one from the second tab appears in the first.
  const fromSecond = await logBrewThroughUi(second, 'from the second tab');
  await first.evaluate(() => {
    (window as unknown as { mark: boolean }).mark = true;
    location.hash = '#/';
  });
  await expect(brewRow(first, fromSecond)).toBeVisible();
  // An edit too: the second tab rates the first tab's brew; the first sees the stars live.
  await second.goto(`/#/brew/${fromFirst}`);
  await second.getByRole('button', { name: '4 stars' }).click();
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(brewRow(first, fromFirst)).toContainText('rated 4');
  expect(await first.evaluate(() => (window as unknown as { mark?: boolean }).mark)).toBe(true);

  // Everything reaches the server, and both tabs say so.
  await expect
    .poll(async () => (await api.pullAll()).brews.map((b) => [b.id, b.rating]).sort(), {
      timeout: 30_000,
    })
    .toEqual(
      [
        [fromFirst, 4],
        [fromSecond, null],
      ].sort(),
    );
  for (const tab of [first, second]) await expect(pill(tab)).toHaveText(SYNCED);
  expect((await readLocalState(context)).outbox).toEqual([]);

  // Each change went out in exactly one push, and the server received exactly those pushes:
  // bag + brew, brew, rating = 4 mutations.
  const sent = pushes.flatMap((p) => p.mutationIds);
  expect(sent).toHaveLength(4);
  expect(new Set(sent).size).toBe(sent.length);
  const after = (await api.stats()).pushRequests;
  expect(after - before, JSON.stringify(pushes)).toBe(pushes.length);
});
