import { uniqueEmail } from '../support/api.js';
import { expectServer } from '../support/server-state.js';
import type { EngineDevice } from './device.js';
import { expect, test } from './fixtures.js';
import { localRows } from './local-rows.js';
import {
  expectPill,
  expectText,
  goTo,
  logBrew,
  logIn,
  openControlledApp,
  SYNCED,
  signUp,
} from './steps.js';

/** Opens a brew's screen and its "More" fold, as a person does to reach Notes. */
async function openBrew(device: EngineDevice, id: string) {
  await goTo(device, `#/brew/${id}`);
  await device.see('button', 'Save changes');
  await device.evaluate(() => {
    for (const fold of Array.from(document.querySelectorAll('details'))) fold.open = true;
  }, null);
}

async function saveChanges(device: EngineDevice) {
  await device.tap('button', 'Save changes');
  await device.see('heading', 'Brews');
}

/** Taps Sync now until the device has pulled what `settled` waits for. */
async function syncUntil(device: EngineDevice, settled: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 10; attempt++) {
    await goTo(device, '#/account');
    await device.tap('button', 'Sync now');
    await expectPill(device, SYNCED, 30_000);
    if (await settled()) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error('the device never pulled the other one’s change');
}

const brewOf = async (device: EngineDevice, id: string) =>
  (await localRows(device)).brews.find((brew) => brew.id === id);

/**
 * Story 2 in every engine: a phone (cut off for a while) and a laptop on one account edit the
 * same brew. Different fields both survive on both devices and the server; the same field
 * resolves to the later write everywhere, and the phone's History keeps the value it lost.
 */
test('story 2: two devices on one account merge per field, and the later write wins', async ({
  openDevice,
  server,
}) => {
  const email = uniqueEmail('two-devices');
  const phone = await openDevice();
  const laptop = await openDevice();
  await openControlledApp(phone);
  await signUp(phone, email);
  const id = await logBrew(phone, 'Two-device Kenya');
  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(1));
  await openControlledApp(laptop);
  await logIn(laptop, email);
  await syncUntil(laptop, async () => (await brewOf(laptop, id)) !== undefined);

  // Different fields: the phone rates the brew with no signal; the laptop rewrites its notes.
  phone.network.cut();
  await openBrew(phone, id);
  await phone.tap('button', '4 stars');
  await saveChanges(phone);
  await openBrew(laptop, id);
  await laptop.fill('Notes', 'laptop: bright, stone fruit');
  await saveChanges(laptop);
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews[0]).toMatchObject({ notes: 'laptop: bright, stone fruit', rating: null }),
  );

  phone.network.restore();
  await syncUntil(
    phone,
    async () => (await brewOf(phone, id))?.notes === 'laptop: bright, stone fruit',
  );
  await syncUntil(laptop, async () => (await brewOf(laptop, id))?.rating === 4);
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews[0]).toMatchObject({ notes: 'laptop: bright, stone fruit', rating: 4 }),
  );

  // The same field: the phone writes first (cut off), the laptop later — the later one wins.
  phone.network.cut();
  await openBrew(phone, id);
  await phone.fill('Notes', 'phone: too sour');
  await saveChanges(phone);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the laptop's write is later
  await openBrew(laptop, id);
  await laptop.fill('Notes', 'laptop: sweet, long finish');
  await saveChanges(laptop);
  phone.network.restore();
  await syncUntil(
    phone,
    async () => (await brewOf(phone, id))?.notes === 'laptop: sweet, long finish',
  );
  await syncUntil(
    laptop,
    async () => (await brewOf(laptop, id))?.notes === 'laptop: sweet, long finish',
  );
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews[0]).toMatchObject({ notes: 'laptop: sweet, long finish', rating: 4 }),
  );
  await goTo(phone, '#/history');
  await expectText(phone, 'phone: too sour');
});
