import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { localRows } from '../../test-support/rows.js';
import { useTestServer } from '../../test-support/test-server.js';
import { login, signup } from '../account/account.js';
import { createBag, updateBag } from '../data/actions.js';
import { updateMeta } from '../data/meta.js';
import { historyEntries } from '../data/queries.js';
import { pullAll } from './pull.js';

/**
 * The pull's fast paths (a page's ids read in one pipelined bulkGet, pages fetched ahead and
 * stored together, the meta carried between stores) against what may change under them.
 */
const setup = useTestServer();

/** A phone holding `bags` bags on the server, and a second device logged in to the account. */
async function accountWithBags(bags: number): Promise<{ phone: Device; tablet: Device }> {
  const email = uniqueEmail();
  const phone = setup.device('phone');
  expect((await signup(phone.engine, { email, password: PASSWORD })).ok).toBe(true);
  for (let i = 0; i < bags; i++) await createBag(phone.db, { name: `Bag ${i}` });
  expect((await phone.engine.syncNow()).ok).toBe(true);
  const tablet = setup.device('tablet');
  // Logging in syncs at once; the tests then pull again from the start, page by page.
  expect((await login(tablet.engine, { email, password: PASSWORD })).ok).toBe(true);
  return { phone, tablet };
}

const isPull = (url: string) => new URL(url).pathname === ROUTES.sync.pull.path;

describe('pull', () => {
  it('merges a page into rows this device already holds, keeping local edits', async () => {
    const { phone, tablet } = await accountWithBags(3);
    const [bag] = await tablet.db.bags.toArray();
    if (bag === undefined) throw new Error('the tablet holds no bag');
    // The tablet edits one field and keeps it unsent; the phone renames the bag meanwhile.
    await updateBag(tablet.db, bag.id, { roaster: 'Tablet roaster' });
    await updateBag(phone.db, bag.id, { name: 'Renamed on phone' });
    expect((await phone.engine.syncNow()).ok).toBe(true);
    // A full pull from the start: every row of every page already exists on the tablet.
    await updateMeta(tablet.db, { cursor: null });
    const pulled = await pullAll(tablet.db, tablet.transport, { pageSize: 2 });
    expect(pulled).toMatchObject({ ok: true, rows: 3 });
    expect(await tablet.db.bags.get(bag.id)).toMatchObject({
      name: 'Renamed on phone',
      roaster: 'Tablet roaster',
    });
    expect((await localRows(tablet.db)).bags).toHaveLength(3);
  });

  it('stops storing pages fetched ahead once another context sees a 401 (signedOutOnServer)', async () => {
    const { tablet } = await accountWithBags(6);
    await updateMeta(tablet.db, { cursor: null });
    const cursorBefore = (await tablet.db.meta.get('device'))?.cursor;
    let pulls = 0;
    tablet.intercept = async (url, init, next) => {
      if (isPull(url)) {
        pulls += 1;
        // Another tab's request was answered 401 while this pull was under way.
        if (pulls === 1) await updateMeta(tablet.db, { signedOutOnServer: true });
      }
      return next(url, init);
    };
    const pulled = await pullAll(tablet.db, tablet.transport, { pageSize: 2 });
    expect(pulled).toMatchObject({ ok: false, error: { code: 'unauthorized' }, rows: 0 });
    expect((await tablet.db.meta.get('device'))?.cursor).toBe(cursorBefore);
  });

  it('drops pages fetched ahead when another context moves the cursor, and goes on from it', async () => {
    const { tablet } = await accountWithBags(7);
    await updateMeta(tablet.db, { cursor: null });
    await tablet.db.bags.clear();
    let pulls = 0;
    tablet.intercept = async (url, init, next) => {
      if (isPull(url)) {
        pulls += 1;
        // A cursor reset elsewhere (e.g. invalid_cursor in another tab) after the first page.
        if (pulls === 3) await updateMeta(tablet.db, { cursor: null });
      }
      return next(url, init);
    };
    const pulled = await pullAll(tablet.db, tablet.transport, { pageSize: 2 });
    expect(pulled.ok).toBe(true);
    expect((await localRows(tablet.db)).bags).toHaveLength(7);
    // The stored cursor is the end of the account's rows: a further pull brings nothing.
    tablet.intercept = null;
    expect(await pullAll(tablet.db, tablet.transport, { pageSize: 2 })).toMatchObject({
      ok: true,
      rows: 0,
    });
  });

  it('stores the values one pull overwrote as one history record, and its time in the same commit', async () => {
    const { phone, tablet } = await accountWithBags(5);
    for (const bag of await phone.db.bags.toArray()) {
      await updateBag(phone.db, bag.id, { name: `${bag.name} renamed`, notes: 'from the phone' });
    }
    expect((await phone.engine.syncNow()).ok).toBe(true);
    await updateMeta(tablet.db, { lastSyncedAt: null });
    // One commit: the rows, the history and lastSyncedAt (no second write of the meta).
    // Dexie announces every committed transaction's changed tables (storagemutated).
    let metaCommits = 0;
    const onCommit = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((part) => part.startsWith(`idb://${tablet.db.name}/meta/`))) {
        metaCommits += 1;
      }
    };
    Dexie.on('storagemutated', onCommit);
    const pulled = await pullAll(tablet.db, tablet.transport, { pageSize: 10 });
    Dexie.on('storagemutated').unsubscribe(onCommit);
    expect(pulled).toMatchObject({ ok: true, rows: 5, pages: 1 });
    expect(metaCommits).toBe(1);
    expect((await tablet.db.meta.get('device'))?.lastSyncedAt).toEqual(expect.any(Number));
    // Five names lost (notes were empty: nothing of the tablet's lost there): one record.
    expect(await tablet.db.historyPages.count()).toBe(1);
    const entries = await historyEntries(tablet.db);
    expect(entries.map((e) => e.field)).toEqual(Array(5).fill('name'));
    expect(entries.every((e) => String(e.byValue).endsWith(' renamed'))).toBe(true);
  });
});
