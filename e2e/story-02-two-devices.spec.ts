import { expect, test } from './support/fixtures.js';
import { brewRow } from './support/pwa-ui.js';
import { expectServer } from './support/server-state.js';
import {
  brewNotes,
  goTo,
  pill,
  rateBrew,
  SYNCED,
  syncNowUntil,
  writeBrewNotes,
} from './support/steps.js';
import { phoneAndLaptopOnOneAccount } from './support/two-devices.js';

/**
 * Story 2 — two devices, one account: phone A (offline for a while) and laptop B edit the same
 * brew. Different fields both survive; the same field resolves to the later write on both,
 * and the device that lost keeps its value in History, from where restoring it syncs back.
 */
test('story 2: phone and laptop on one account merge per field; the later write wins; History restores', async ({
  openDevice,
  server,
}) => {
  const {
    phone,
    a,
    b,
    email,
    brewId: id,
  } = await phoneAndLaptopOnOneAccount(openDevice, 'story2', {
    notes: 'first taste',
    bagName: 'Two-device Kenya',
  });
  await goTo(b, '#/');
  await expect(brewRow(b, id)).toBeVisible();

  // Different fields: A rates the brew with no signal; B, online, rewrites its notes.
  await phone.context.setOffline(true);
  await rateBrew(a, id, 4);
  await expect(pill(a)).toContainText('Offline · 1 pending');
  await writeBrewNotes(b, id, 'B: bright, stone fruit');
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews.find((x) => x.id === id)).toMatchObject({
      notes: 'B: bright, stone fruit',
      rating: null,
    }),
  );

  await phone.context.setOffline(false);
  await syncNowUntil(a, async () => {
    expect(await brewNotes(a, id)).toBe('B: bright, stone fruit');
    await goTo(a, '#/');
    await expect(brewRow(a, id)).toContainText('rated 4', { timeout: 1_000 });
  });
  await syncNowUntil(b, async () => {
    await goTo(b, '#/');
    await expect(brewRow(b, id)).toContainText('rated 4', { timeout: 1_000 });
    expect(await brewNotes(b, id)).toBe('B: bright, stone fruit');
  });
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews.find((x) => x.id === id)).toMatchObject({
      notes: 'B: bright, stone fruit',
      rating: 4,
    }),
  );
  // No rating was overwritten anywhere: B's notes edit did not touch the field A changed.
  for (const page of [a, b]) {
    await goTo(page, '#/history');
    const changed = page.getByRole('region', { name: 'Changed on another device' });
    await expect(changed).toBeVisible();
    await expect(changed).not.toContainText('Rating');
  }

  // The same field: A writes first (offline), B writes later — B's clock is the later one.
  await phone.context.setOffline(true);
  await writeBrewNotes(a, id, 'A: too sour');
  await writeBrewNotes(b, id, 'B: sweet, long finish');
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews.find((x) => x.id === id)?.notes).toBe('B: sweet, long finish'),
  );
  await phone.context.setOffline(false);
  await syncNowUntil(a, async () => {
    expect(await brewNotes(a, id)).toBe('B: sweet, long finish');
  });
  await syncNowUntil(b, async () => {
    expect(await brewNotes(b, id)).toBe('B: sweet, long finish');
  });
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews.find((x) => x.id === id)?.notes).toBe('B: sweet, long finish'),
  );

  // A lost: its value is in A's History, and restoring it is a new write that reaches B.
  await goTo(a, '#/history');
  const changed = a.getByRole('region', { name: 'Changed on another device' });
  await expect(changed).toContainText('Notes A: too sour → B: sweet, long finish');
  await changed.getByRole('button', { name: 'Restore A: too sour' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Value restored' })).toBeVisible();
  expect(await brewNotes(a, id)).toBe('A: too sour');
  await syncNowUntil(b, async () => {
    expect(await brewNotes(b, id)).toBe('A: too sour');
  });
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews.find((x) => x.id === id)).toMatchObject({ notes: 'A: too sour', rating: 4 }),
  );
  await expect(pill(a)).toHaveText(SYNCED);
});
