import { type DialInDb, syncedTables } from '../data/db.js';
import { newMeta } from '../data/meta.js';

/**
 * Empties every local table and starts a fresh anonymous identity with a NEW device id, in
 * one transaction (nothing of the previous account survives a crash half-way). Only the
 * measured offset to the server's clock and the photo budget are kept: they describe the device,
 * not the account. Photo bytes go with the rows (the shared-phone story finds none left).
 */
export async function clearLocalData(db: DialInDb): Promise<void> {
  const tables = [
    ...syncedTables(db),
    db.photoBytes,
    db.outbox,
    db.meta,
    db.historyPages,
    db.drafts,
  ];
  await db.transaction('rw', tables, async () => {
    const old = await db.meta.get('device');
    await Promise.all([
      ...syncedTables(db).map((table) => table.clear()),
      db.photoBytes.clear(),
      db.outbox.clear(),
      db.meta.clear(),
      db.historyPages.clear(),
      db.drafts.clear(),
    ]);
    await db.meta.put({
      ...newMeta(),
      clockOffsetMs: old?.clockOffsetMs ?? 0,
      clockOffsetRttMs: old?.clockOffsetRttMs ?? null,
      ...(old?.photoBudgetBytes === undefined ? {} : { photoBudgetBytes: old.photoBudgetBytes }),
    });
  });
}
