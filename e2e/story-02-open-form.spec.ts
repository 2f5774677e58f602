import { readIndexedDb } from './support/device-traces.js';
import { expect, test } from './support/fixtures.js';
import { brewRow } from './support/pwa-ui.js';
import { expectServer } from './support/server-state.js';
import { brewNotes, goTo, openBrew, syncNowUntil } from './support/steps.js';
import { phoneAndLaptopOnOneAccount } from './support/two-devices.js';

/**
 * Story 2, the laptop left open: B has a brew's edit screen open while A's change to another
 * field syncs in underneath. Saving B's notes must not send the stale value of A's field back
 * (it used to: the form re-sent every field, with a newer clock, and A's edit was lost).
 */
test('story 2b: an edit screen left open while another device’s change arrives saves only what was edited', async ({
  openDevice,
  server,
}) => {
  const {
    laptop,
    a,
    b,
    email,
    brewId: id,
  } = await phoneAndLaptopOnOneAccount(openDevice, 'story2b', {
    notes: 'left open',
    bagName: 'Open-form Kenya',
  });
  await openBrew(b, id);
  await expect(b.getByLabel('Grind', { exact: true })).toHaveValue('');

  // A sets the grind and syncs it.
  await openBrew(a, id);
  await a.getByLabel('Grind', { exact: true }).fill('2.8');
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(brewRow(a, id)).toContainText('grind 2.8');
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews.find((x) => x.id === id)?.grindSetting).toBe('2.8'),
  );

  // The laptop's Wi-Fi blips; coming back online it syncs, under the open form.
  await laptop.context.setOffline(true);
  await laptop.context.setOffline(false);
  await expect
    .poll(async () => {
      const app = (await readIndexedDb(laptop.context)).find((d) => d.name === 'dial-in');
      const row = app?.stores.brews?.find((r) => (r as { id: string }).id === id);
      return (row as { grindSetting?: string } | undefined)?.grindSetting;
    })
    .toBe('2.8');

  // B, on the screen opened before, writes notes and saves.
  await b.locator('details.card summary').click();
  await b.locator('#f-notes').fill('B: left the laptop open');
  await b.getByRole('button', { name: 'Save changes' }).click();
  await expect(brewRow(b, id)).toContainText('grind 2.8');
  await expectServer(server.url, email, ({ brews }) =>
    expect(brews.find((x) => x.id === id)).toMatchObject({
      notes: 'B: left the laptop open',
      grindSetting: '2.8',
    }),
  );
  await syncNowUntil(a, async () => {
    expect(await brewNotes(a, id)).toBe('B: left the laptop open');
    await goTo(a, '#/');
    await expect(brewRow(a, id)).toContainText('grind 2.8', { timeout: 1_000 });
  });
});
