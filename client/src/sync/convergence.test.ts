import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { goOffline, goOnline, localRows, serverRows, syncAll } from '../../test-support/rows.js';
import { useTestServer } from '../../test-support/test-server.js';
import { login, signup } from '../account/account.js';
import { createBag, createBrew, deleteBrew, updateBag, updateBrew } from '../data/actions.js';
import { historyEntries, outboxCounts } from '../data/queries.js';

const setup = useTestServer();

/** One account on `count` devices (the first signs up, the others log in), skews in ms. */
async function account(skews: number[]): Promise<Device[]> {
  const email = uniqueEmail();
  const made = skews.map((skew, index) => setup.device(`d${index}`, skew));
  const [first, ...others] = made;
  if (first === undefined) throw new Error('no device');
  expect((await signup(first.engine, { email, password: PASSWORD })).ok).toBe(true);
  for (const device of others) {
    expect((await login(device.engine, { email, password: PASSWORD })).ok).toBe(true);
  }
  return made;
}

/** After a full sync every device and the server hold identical rows; returns them. */
async function expectConverged(all: Device[]) {
  await syncAll(all);
  const [first] = all;
  if (first === undefined) throw new Error('no device');
  const server = await serverRows(first);
  for (const device of all) {
    expect(await localRows(device.db), device.name).toEqual(server);
    expect(await outboxCounts(device.db)).toEqual({ pending: 0, rejected: 0 });
  }
  return server;
}

describe('devices of one account converge', () => {
  it('after offline edits on both devices', async () => {
    const [a, b] = await account([0, 0]);
    if (!a || !b) throw new Error('devices');
    const bagId = await createBag(a.db, { name: 'Kenya Kiambu', roaster: 'Square Mile' });
    await expectConverged([a, b]);

    goOffline(a);
    goOffline(b);
    const brewA = await createBrew(a.db, { bagId, method: 'espresso', doseG: 18, yieldG: 36 });
    const brewB = await createBrew(b.db, { bagId, method: 'pour_over', doseG: 15, waterG: 250 });
    await updateBag(b.db, bagId, { notes: 'blackcurrant' });
    expect((await a.engine.syncNow()).ok).toBe(false);
    expect(await outboxCounts(a.db)).toEqual({ pending: 1, rejected: 0 });
    goOnline(a);
    goOnline(b);

    const rows = await expectConverged([a, b]);
    expect(rows.brews.map((brew) => brew.id).sort()).toEqual([brewA, brewB].sort());
    expect(rows.bags[0]?.notes).toBe('blackcurrant');
  });

  it('with concurrent edits of different fields of one brew: both survive', async () => {
    const [a, b] = await account([0, 0]);
    if (!a || !b) throw new Error('devices');
    const bagId = await createBag(a.db, { name: 'Colombia' });
    const brewId = await createBrew(a.db, { bagId, method: 'espresso', doseG: 18 });
    await expectConverged([a, b]);

    await updateBrew(a.db, brewId, { grindSetting: '2.4' });
    await updateBrew(b.db, brewId, { taste: 'sour', rating: 3 });
    const rows = await expectConverged([a, b]);
    expect(rows.brews[0]).toMatchObject({ grindSetting: '2.4', taste: 'sour', rating: 3 });
    expect(await historyEntries(a.db)).toEqual([]);
  });

  it('with concurrent edits of the same field: the later write wins, the loser goes to history', async () => {
    const [a, b] = await account([0, 0]);
    if (!a || !b) throw new Error('devices');
    const bagId = await createBag(a.db, { name: 'Rwanda' });
    const brewId = await createBrew(a.db, { bagId, method: 'espresso', doseG: 18 });
    await expectConverged([a, b]);

    await updateBrew(a.db, brewId, { doseG: 18.5 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateBrew(b.db, brewId, { doseG: 19 });
    // A pushes first, B second; B's later clock wins on every device, whatever the order.
    const rows = await expectConverged([a, b]);
    expect(rows.brews[0]?.doseG).toBe(19);
    const [lost] = await historyEntries(a.db, { rowId: brewId });
    expect(lost).toMatchObject({ field: 'doseG', value: 18.5, byValue: 19, entity: 'brew' });
    expect(lost && lost.byClock > lost.clock).toBe(true);
  });

  it('with a delete on one device against an edit on another', async () => {
    const [a, b] = await account([0, 0]);
    if (!a || !b) throw new Error('devices');
    const bagId = await createBag(a.db, { name: 'Peru' });
    const brewId = await createBrew(a.db, { bagId, method: 'espresso', doseG: 18 });
    await expectConverged([a, b]);

    await deleteBrew(a.db, brewId);
    await updateBrew(b.db, brewId, { notes: 'great shot' });
    const rows = await expectConverged([a, b]);
    // Field-level merge: the tombstone and the edit both land; the brew stays deleted.
    expect(rows.brews[0]?.deletedAt).not.toBeNull();
    expect(rows.brews[0]?.notes).toBe('great shot');
  });

  it('across three devices with clocks skewed by +24 h and -24 h', async () => {
    const day = 24 * 3_600_000;
    const [a, b, c] = await account([0, day, -day]);
    if (!a || !b || !c) throw new Error('devices');
    goOffline(b);
    goOffline(c);
    const bagA = await createBag(a.db, { name: 'From A', roaster: 'R' });
    const bagB = await createBag(b.db, { name: 'From B', roaster: 'R' });
    const bagC = await createBag(c.db, { name: 'From C', roaster: 'R' });
    await createBrew(b.db, { bagId: bagB, method: 'espresso', doseG: 18 });
    await createBrew(c.db, { bagId: bagC, method: 'espresso', doseG: 17 });
    goOnline(b);
    goOnline(c);

    const rows = await expectConverged([a, b, c]);
    expect(rows.bags.map((bag) => bag.id).sort()).toEqual([bagA, bagB, bagC].sort());
    expect(rows.brews).toHaveLength(2);
    // B's stamps 24 h ahead were refused (clock_ahead) and re-stamped from the corrected
    // clock; no clock on the server is far ahead of real time.
    for (const row of [...rows.bags, ...rows.brews]) {
      for (const clock of Object.values(row.clocks as Record<string, string>)) {
        expect(Number(clock.slice(0, 15))).toBeLessThan(Date.now() + 3_600_000);
      }
    }

    // Concurrent edits of one field after the clocks are corrected: the last edit wins.
    // Edits 300 ms apart: more than the offset's uncertainty (half a local round trip).
    await updateBag(c.db, bagA, { notes: 'from C (clock -24 h)' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await updateBag(b.db, bagA, { notes: 'from B (clock +24 h)' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await updateBag(a.db, bagA, { notes: 'from A' });
    const after = await expectConverged([c, b, a]);
    expect(after.bags.find((bag) => bag.id === bagA)?.notes).toBe('from A');
  });
});
