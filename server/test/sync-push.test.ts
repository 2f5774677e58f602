import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import type { BagRow } from '../../shared/protocol/rows.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import {
  dumpSyncState,
  mutation,
  newBag,
  newBrew,
  pullAll,
  pushBody,
  pushOk,
  type Row,
} from './sync-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;

describe(`push and pull (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stores a bag and a brew and pulls them back exactly as sent', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const bagId = randomUUID();
    const brewId = randomUUID();
    // Values chosen to catch lossy column types: binary fractions, offsets, micro-seconds,
    // unicode, quotes and newlines. (Ids are lower-case only; other spellings are refused, see
    // sync-ids.test.ts.)
    const bag = {
      ...newBag('Café “Ñandú” 🌋'),
      weightG: 0.1 + 0.2,
      roastDate: '2026-11-01',
      notes: 'line 1\nline "2"\t\\ end',
      archived: false,
      deletedAt: null,
    };
    const brew = {
      ...newBrew(bagId),
      grindSetting: '2.4.1',
      tempC: 93.7,
      rating: 4.5,
      brewedAt: '2026-11-26T10:15:30.123456+05:30',
    };
    const otherBrewId = randomUUID();
    const result = await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, clock.now(), bag),
        mutation('brew', brewId, clock.now(), brew),
        mutation('brew', otherBrewId, clock.now(), newBrew(bagId)),
      ]),
    );
    expect(result).toMatchObject({ version: 1, applied: 3 });
    expect(Math.abs(result.serverTime - Date.now())).toBeLessThan(60_000);

    const { rows, pages } = await pullAll(t.app, cookie);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ hasMore: false, remaining: 0 });
    const pulledBag = rows.get(`bag:${bagId}`) as BagRow | undefined;
    expect(pulledBag).toMatchObject({ id: bagId, version: 1, ...bag });
    expect(pulledBag?.weightG).toBe(0.30000000000000004);
    expect(Object.keys(pulledBag?.clocks ?? {}).sort()).toEqual(Object.keys(bag).sort());
    expect(rows.get(`brew:${brewId}`)).toMatchObject({ id: brewId, version: 1, ...brew });
    expect(rows.get(`brew:${otherBrewId}`)?.id).toBe(otherBrewId);
    // Unwritten fields come back as null with no clock.
    expect(rows.get(`brew:${brewId}`)).toMatchObject({ waterG: null, taste: null });
  });

  it('gives each push that changes something the next version, and replays none', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const bagId = randomUUID();
    const brewId = randomUUID();
    const pushes = [
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, clock.now(), newBag()),
        mutation('brew', brewId, clock.now(), newBrew(bagId)),
      ]),
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, clock.now(), { name: 'Renamed', weightG: 200 }),
        mutation('brew', brewId, clock.now(), { rating: 3.5 }),
      ]),
      pushBody(accountId, 'phone', [
        mutation('brew', brewId, clock.now(), { deletedAt: '2026-11-26T09:00:00.000Z' }),
        mutation('bag', randomUUID(), clock.now(), newBag('Second')),
      ]),
    ];
    const versions: number[] = [];
    for (const body of pushes) versions.push((await pushOk(t.app, cookie, body)).version);
    expect(versions).toEqual([1, 2, 3]);
    const before = await dumpSyncState(t.db);

    // Three replays of everything, forwards and backwards, and one with mutations reversed.
    const replays = [...pushes, ...[...pushes].reverse(), ...pushes, ...[...pushes].reverse()];
    replays.push(pushBody(accountId, 'phone', pushes.flatMap((p) => p.mutations).reverse()));
    for (const body of replays) {
      expect(await pushOk(t.app, cookie, body)).toMatchObject({ version: 3, applied: 0 });
    }
    expect(await dumpSyncState(t.db)).toBe(before);
    const { rows } = await pullAll(t.app, cookie);
    expect(rows.get(`bag:${bagId}`)).toMatchObject({ name: 'Renamed', weightG: 200, version: 2 });
    expect(rows.get(`brew:${brewId}`)).toMatchObject({ rating: 3.5, version: 3 });
  });

  it('merges two devices field by field, last writer by HLC winning each field', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const phone = new Hlc('phone');
    const laptop = new Hlc('laptop');
    const bagId = randomUUID();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [mutation('bag', bagId, phone.now(), newBag())]),
    );

    // Both edit offline; the laptop's edit of `name` is later, the phone's of `roaster` too.
    const phoneName = mutation('bag', bagId, phone.now(), { name: 'Phone name' });
    const laptopName = mutation(
      'bag',
      bagId,
      `${String(Date.now() + 5).padStart(15, '0')}-00000-laptop`,
      {
        name: 'Laptop name',
        origin: 'Kenya',
      },
    );
    laptop.receive(laptopName.hlc);
    const phoneRoaster = mutation(
      'bag',
      bagId,
      `${String(Date.now() + 10).padStart(15, '0')}-00000-phone`,
      {
        roaster: 'Phone roaster',
      },
    );
    // The later name arrives first: the earlier one must not overwrite it.
    await pushOk(t.app, cookie, pushBody(accountId, 'laptop', [laptopName]));
    const late = await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [phoneName, phoneRoaster]),
    );
    expect(late.applied).toBe(1);
    const { rows } = await pullAll(t.app, cookie);
    expect(rows.get(`bag:${bagId}`)).toMatchObject({
      name: 'Laptop name',
      origin: 'Kenya',
      roaster: 'Phone roaster',
      weightG: 250,
      clocks: { name: laptopName.hlc, roaster: phoneRoaster.hlc },
    });
  });

  it('keeps a delete when an older edit arrives, and the edit made after the delete', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const phone = new Hlc('phone');
    const laptop = new Hlc('laptop');
    const bagId = randomUUID();
    const brewId = randomUUID();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, phone.now(), newBag()),
        mutation('brew', brewId, phone.now(), newBrew(bagId)),
      ]),
    );
    const olderEdit = mutation('brew', brewId, laptop.now(), { rating: 1 });
    const deletion = mutation('brew', brewId, phone.now(), { deletedAt: '2026-11-26T09:30:00Z' });
    await pushOk(t.app, cookie, pushBody(accountId, 'phone', [deletion]));
    await pushOk(t.app, cookie, pushBody(accountId, 'laptop', [olderEdit]));
    let brew = (await pullAll(t.app, cookie)).rows.get(`brew:${brewId}`);
    // Field-level: the edit lands, and the row stays deleted (a tombstone is still pulled).
    expect(brew).toMatchObject({ deletedAt: '2026-11-26T09:30:00Z', rating: 1 });

    // Restoring is an ordinary later write of deletedAt.
    laptop.receive(deletion.hlc);
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'laptop', [mutation('brew', brewId, laptop.now(), { deletedAt: null })]),
    );
    brew = (await pullAll(t.app, cookie)).rows.get(`brew:${brewId}`);
    expect(brew).toMatchObject({ deletedAt: null, rating: 1 });
  });

  it('lets a device whose clock runs a year behind win with edits made after a pull', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const phone = new Hlc('phone');
    const stale = new Hlc('stale', () => Date.now() - 365 * DAY);
    const bagId = randomUUID();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [mutation('bag', bagId, phone.now(), newBag('Phone'))]),
    );

    // Without having seen the phone's write, the stale device's edit loses: it is older.
    const blind = mutation('bag', bagId, stale.now(), { name: 'Blind edit' });
    await pushOk(t.app, cookie, pushBody(accountId, 'stale', [blind]));
    let bag = (await pullAll(t.app, cookie)).rows.get(`bag:${bagId}`) as Row;
    expect(bag).toMatchObject({ name: 'Phone' });

    // After pulling and receiving every clock, its next edit sorts after them and wins.
    for (const clock of Object.values(bag.clocks)) stale.receive(clock);
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'stale', [
        mutation('bag', bagId, stale.now(), { name: 'Seen, then edited' }),
      ]),
    );
    bag = (await pullAll(t.app, cookie)).rows.get(`bag:${bagId}`) as Row;
    expect(bag).toMatchObject({ name: 'Seen, then edited' });
  });

  it('validates a create against required fields, but not a later partial update', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const bagId = randomUUID();
    // Created and updated in the same push: the update is not a create.
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, clock.now(), { name: 'New' }),
        mutation('bag', bagId, clock.now(), { notes: 'later' }),
      ]),
    );
    const result = await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [mutation('bag', bagId, clock.now(), { weightG: 1 })]),
    );
    expect(result).toMatchObject({ version: 2, applied: 1 });
  });
});
