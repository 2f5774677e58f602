import type { DialInDb } from '../data/db.js';
import { unuploadedImageCount } from '../photos/photo-status.js';

/**
 * What a log-out (or a switch to another account) would throw away: outbox entries the server
 * has not acknowledged, and images taken here that it does not have (pending or refused). A
 * photo whose row was pushed but whose bytes were not would otherwise be lost without a word.
 */
export async function unsyncedCounts(
  db: DialInDb,
): Promise<{ changes: number; photos: number; total: number }> {
  const [changes, photos] = await Promise.all([db.outbox.count(), unuploadedImageCount(db)]);
  return { changes, photos, total: changes + photos };
}

/** The words for it: "3 changes and 2 photos", "1 photo". */
export function describeUnsynced({ changes, photos }: { changes: number; photos: number }): string {
  const parts = [
    changes > 0 ? `${changes} ${changes === 1 ? 'change' : 'changes'}` : null,
    photos > 0 ? `${photos} ${photos === 1 ? 'photo' : 'photos'}` : null,
  ].filter((part) => part !== null);
  return parts.join(' and ');
}
