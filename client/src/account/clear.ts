import { type DialInDb, syncedTables } from '../data/db.js';
import { newMeta } from '../data/meta.js';

/**
 * Empties every local table and starts a fresh anonymous identity with a NEW device id, in
 * one transaction (nothing of the previous account survives a crash half-way). Only the
 * measured offset to the server's clock is kept: it describes the device, not the account.
 */
export async function clearLocalData(db: DialInDb): Promise<void> {
  const tables = [...syncedTables(db), db.outbox, db.meta, db.history, db.drafts];
  await db.transaction('rw', tables, async () => {
    const old = await db.meta.get('device');
    await Promise.all([
      db.bags.clear(),
      db.brews.clear(),
      db.photos.clear(),
      db.outbox.clear(),
      db.meta.clear(),
      db.history.clear(),
      db.drafts.clear(),
    ]);
    await db.meta.put({
      ...newMeta(),
      clockOffsetMs: old?.clockOffsetMs ?? 0,
      clockOffsetRttMs: old?.clockOffsetRttMs ?? null,
    });
  });
}
