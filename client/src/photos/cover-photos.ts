import type { DialInDb } from '../data/db.js';

/**
 * The thumbnail hash of each owner's first photo (the lowest position, then the lowest id:
 * photosOf's order), by owner id, for the small thumbnails of the bag and brew lists. One read
 * of the photo rows for a whole list, rather than one query per row.
 */
export async function coverThumbs(db: DialInDb): Promise<Map<string, string>> {
  const first = new Map<string, { position: number; id: string; thumbHash: string }>();
  await db.photos.each((photo) => {
    if (photo.deletedAt !== null && photo.deletedAt !== undefined) return;
    const held = first.get(photo.ownerId);
    const earlier =
      held === undefined ||
      photo.position < held.position ||
      (photo.position === held.position && photo.id < held.id);
    if (earlier) first.set(photo.ownerId, photo);
  });
  return new Map([...first].map(([owner, photo]) => [owner, photo.thumbHash]));
}
