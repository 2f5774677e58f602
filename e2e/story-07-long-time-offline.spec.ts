import { uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import {
  ApiDevice,
  comparable,
  fiveHundredChanges,
  readLocalState,
} from './support/late-device-state.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { pill, SYNCED } from './support/steps.js';

/**
 * Story 7 — Long time offline. The phone is offline while the other device makes 500 changes
 * (through the API: 500 taps would take minutes). When the phone reconnects it pulls them with
 * a visible progress bar and ends holding exactly what the server holds.
 */
test('a phone back after 500 changes elsewhere pulls them with a progress bar and matches', async ({
  device,
  api,
}) => {
  const { context, page } = device;
  const email = uniqueEmail('long-offline');
  await openControlledApp(page);
  await signUpThroughUi(page, email);
  const own = await logBrewThroughUi(page, 'before the trip', 'Phone coffee');
  // The brew shows the instant it is saved; it is on the server a moment later.
  const session = await api.login(email);
  await expect
    .poll(async () => (await api.pullAll()).brews.map((b) => b.id), { timeout: 30_000 })
    .toEqual([own]);
  await expect(brewRow(page, own).locator('[data-unsynced="true"]')).toHaveCount(0);
  await expect(pill(page)).toHaveText(SYNCED);

  // Every state of the download bar the page drew, as (value, max), read from the DOM
  // mutation records themselves: a bar added and removed between two callbacks still counts.
  await page.evaluate(() => {
    const seen: { value: number; max: number; text: string }[] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    const note = (bar: HTMLProgressElement) => {
      const text = bar.closest('[role="status"]')?.textContent ?? '';
      const last = seen[seen.length - 1];
      if (!last || last.value !== bar.value || last.max !== bar.max || last.text !== text) {
        seen.push({ value: bar.value, max: bar.max, text });
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const nodes = [record.target, ...Array.from(record.addedNodes)];
        for (const node of nodes) {
          if (!(node instanceof Element)) continue;
          const bar =
            node.closest('.progress')?.querySelector('progress') ??
            node.querySelector('#download-progress');
          if (bar instanceof HTMLProgressElement) note(bar);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  await context.setOffline(true);
  await expect(pill(page)).toContainText('Offline');

  // The other device, meanwhile: a new bag, 300 brews of it, 197 ratings of those, a delete,
  // and an edit of the phone's own brew — 500 changes in pushes of 100.
  const other = new ApiDevice(api, session.account.id);
  const { changes, bagId, brewIds } = fiveHundredChanges(other, own);
  expect(changes).toHaveLength(500);
  await other.push(changes);
  const server = await api.pullAll();
  expect(server.brews).toHaveLength(301);

  // Back online: the phone catches up by itself (the `online` trigger), showing progress.
  // For a moment the pill still says "Synced" from before the trip (the phone cannot know
  // what changed until it asks), so wait for the download to start before waiting for it to
  // end: waiting for "Synced" alone sometimes matched that moment (5 of 12 runs).
  await context.setOffline(false);
  const bar = page.getByRole('status').filter({ hasText: /Downloading .* brews and bags/ });
  await expect
    .poll(
      () =>
        page.evaluate(() => (window as unknown as { progressSeen: unknown[] }).progressSeen.length),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await expect(pill(page)).toHaveText(SYNCED, { timeout: 30_000 });
  await expect(bar).toHaveCount(0);
  const seen = await page.evaluate(
    () =>
      (window as unknown as { progressSeen: { value: number; max: number; text: string }[] })
        .progressSeen,
  );
  // 302 rows changed since the phone's cursor: the bag, 300 brews and the phone's own brew.
  // The bar was drawn while they were still coming in, and only ever moved forward.
  expect(seen.length, 'the download bar was shown').toBeGreaterThan(0);
  expect(seen[0]).toMatchObject({ value: 0, max: 302 });
  expect(seen[0]?.text).toContain('Downloading 0 of 302 brews and bags');
  for (const [i, frame] of seen.entries()) {
    expect(frame.max).toBe(302);
    expect(frame.value).toBeGreaterThanOrEqual(seen[i - 1]?.value ?? 0);
  }

  // Identical to the other device: every row and every field clock.
  const local = await readLocalState(context);
  expect(comparable(local.bags)).toEqual(comparable(server.bags));
  expect(comparable(local.brews)).toEqual(comparable(server.brews));
  expect(local.outbox).toEqual([]);

  // And the user sees it: their brew, the newest trip brews with their ratings, not the
  // deleted one (the first screenful: 40 brews), and the laptop's bag with its 299 live brews.
  await expect(brewRow(page, own)).toBeVisible();
  await expect(brewRow(page, brewIds[296] ?? '')).toContainText('rated 3');
  await expect(brewRow(page, brewIds[299] ?? '')).toHaveCount(0);
  await page.goto('/#/bags');
  await expect(page.locator(`[data-bag="${bagId}"]`)).toContainText('299 brews');
});
