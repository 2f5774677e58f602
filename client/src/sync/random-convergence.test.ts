import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { goOffline, goOnline, localRows, serverRows, syncAll } from '../../test-support/rows.js';
import { startServer, type TestServer } from '../../test-support/server-process.js';
import { login, signup } from '../account/account.js';
import {
  createBag,
  createBrew,
  deleteBrew,
  restoreBrew,
  updateBag,
  updateBrew,
} from '../data/actions.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** One step on one device; rows are picked among those the device holds at that moment. */
type Op =
  | { kind: 'bag'; device: number; name: string }
  | { kind: 'brew'; device: number; pick: number; doseG: number }
  | { kind: 'editBrew'; device: number; pick: number; grind: string; rating: number }
  | { kind: 'editBag'; device: number; pick: number; notes: string }
  | { kind: 'delete' | 'restore'; device: number; pick: number }
  | { kind: 'offline' | 'online' | 'sync'; device: number };

const device = fc.integer({ min: 0, max: 2 });
const pick = fc.nat(1000);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('bag' as const), device, name: fc.constantFrom('A', 'B', 'C') }),
  fc.record({
    kind: fc.constant('brew' as const),
    device,
    pick,
    doseG: fc.integer({ min: 14, max: 22 }),
  }),
  fc.record({
    kind: fc.constant('editBrew' as const),
    device,
    pick,
    grind: fc.constantFrom('2.1', '2.2', '2.3'),
    rating: fc.integer({ min: 0, max: 10 }).map((n) => n / 2),
  }),
  fc.record({
    kind: fc.constant('editBag' as const),
    device,
    pick,
    notes: fc.constantFrom('x', 'y', 'z'),
  }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), device, pick }),
  fc.record({
    kind: fc.constantFrom('offline' as const, 'online' as const, 'sync' as const),
    device,
  }),
);

async function run(devices: Device[], step: Op): Promise<void> {
  const target = devices[step.device];
  if (target === undefined) return;
  const { db } = target;
  const bags = await db.bags.orderBy('id').toArray();
  const brews = await db.brews.orderBy('id').toArray();
  const bag = 'pick' in step ? bags[step.pick % Math.max(1, bags.length)] : undefined;
  const brew = 'pick' in step ? brews[step.pick % Math.max(1, brews.length)] : undefined;
  switch (step.kind) {
    case 'bag':
      await createBag(db, { name: step.name });
      return;
    case 'brew':
      if (bag) await createBrew(db, { bagId: bag.id, method: 'espresso', doseG: step.doseG });
      return;
    case 'editBrew':
      if (brew) await updateBrew(db, brew.id, { grindSetting: step.grind, rating: step.rating });
      return;
    case 'editBag':
      if (bag) await updateBag(db, bag.id, { notes: step.notes });
      return;
    case 'delete':
      if (brew) await deleteBrew(db, brew.id);
      return;
    case 'restore':
      if (brew) await restoreBrew(db, brew.id);
      return;
    case 'offline':
      goOffline(target);
      return;
    case 'online':
      goOnline(target);
      return;
    case 'sync':
      await target.engine.syncNow();
      return;
  }
}

describe('random operations on three devices', () => {
  it('always converge to the server’s rows once everyone syncs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 40 }), async (ops) => {
        const email = uniqueEmail('random');
        const devices = [0, 1, 2].map((n) => createDevice(server, `r${n}`));
        try {
          const [first, ...others] = devices;
          if (!first) throw new Error('devices');
          await signup(first.engine, { email, password: PASSWORD });
          for (const other of others) await login(other.engine, { email, password: PASSWORD });
          for (const step of ops) await run(devices, step);
          for (const each of devices) goOnline(each);
          await syncAll(devices);
          const expected = await serverRows(first);
          for (const each of devices) {
            expect(await localRows(each.db)).toEqual(expected);
            expect(await each.db.outbox.count()).toBe(0);
          }
        } finally {
          for (const each of devices) await each.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});
