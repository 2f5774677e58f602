import type { DialInDb } from '../data/db.js';
import { dropHistoryOf } from '../data/history.js';
import type { BagRecord } from '../data/schema.js';

/** Two bags are the same coffee when roaster, name and roast date match (case-insensitive). */
export function bagKey(bag: Pick<BagRecord, 'roaster' | 'name' | 'roastDate'>): string {
  const norm = (text: string | null) => (text ?? '').trim().toLowerCase();
  return `${norm(bag.roaster)}\u0000${norm(bag.name)}\u0000${bag.roastDate ?? ''}`;
}

/**
 * After a log-in merge: each anonymous bag that matches a bag already in the account is
 * dropped, and its brews point to the account's bag instead. The anonymous rows never
 * reached the server, so their unsent outbox entries are rewritten (the bag's entries
 * removed, the brews' `bagId` re-pointed) rather than followed by corrective writes.
 * Returns how many bags were merged away.
 */
export async function dedupeAnonymousBags(
  db: DialInDb,
  anonymousBagIds: ReadonlySet<string>,
): Promise<number> {
  return db.transaction('rw', [db.bags, db.brews, db.outbox, db.historyPages], async () => {
    const bags = await db.bags.toArray();
    const accountBags = new Map<string, string>();
    for (const bag of bags) {
      if (!anonymousBagIds.has(bag.id) && bag.deletedAt === null) {
        accountBags.set(bagKey(bag), bag.id);
      }
    }
    let merged = 0;
    for (const bag of bags) {
      if (!anonymousBagIds.has(bag.id)) continue;
      const target = accountBags.get(bagKey(bag));
      if (target === undefined) continue;
      merged += 1;
      const brews = await db.brews.where('bagId').equals(bag.id).toArray();
      await db.brews.bulkPut(brews.map((brew) => ({ ...brew, bagId: target })));
      await db.outbox
        .filter((entry) => entry.entity === 'brew' && entry.patch.bagId === bag.id)
        .modify((entry) => {
          entry.patch = { ...entry.patch, bagId: target };
        });
      await db.outbox
        .where('rowId')
        .equals(bag.id)
        .filter((entry) => entry.entity === 'bag')
        .delete();
      await dropHistoryOf(db, bag.id);
      await db.bags.delete(bag.id);
    }
    return merged;
  });
}
