import type { Patch, PhotoOwner, PhotoValues } from '../../../shared/model/entities.js';
import { correctedNow } from '../data/clock.js';
import { type DialInDb, entityTable } from '../data/db.js';
import { MissingRowError } from '../data/errors.js';
import { loadMeta } from '../data/meta.js';
import type { PhotoRecord } from '../data/schema.js';
import { writePatch } from '../data/write.js';

/**
 * The writes of photo rows, through the one write path (data/write.ts): each validates with
 * the shared field table and writes the row, its clocks and its outbox entry in one
 * transaction. The bytes are stored apart, by hash; these rows only name them.
 */

/** What the image pipeline made: the fields of a photo that describe its bytes. */
export type PhotoImage = Pick<
  PhotoValues,
  'hash' | 'type' | 'thumbHash' | 'thumbType' | 'width' | 'height' | 'bytes'
>;

/** The owner's photos that are not deleted, in display order (position, then id). */
export async function photosOf(
  db: DialInDb,
  ownerKind: PhotoOwner,
  ownerId: string,
): Promise<PhotoRecord[]> {
  const rows = await db.photos.where('[ownerKind+ownerId]').equals([ownerKind, ownerId]).toArray();
  return rows
    .filter((row) => row.deletedAt === null || row.deletedAt === undefined)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

/**
 * Adds a photo after the owner's last one; the owner must be a row on this device. Two
 * devices adding at once may pick the same position: both photos stay (two rows), ordered by
 * id between themselves. Returns the new id.
 */
export async function addPhoto(
  db: DialInDb,
  ownerKind: PhotoOwner,
  ownerId: string,
  image: PhotoImage,
  id: string = crypto.randomUUID(),
): Promise<string> {
  if ((await entityTable(db, ownerKind).get(ownerId)) === undefined) {
    throw new MissingRowError(ownerKind, ownerId);
  }
  const last = (await photosOf(db, ownerKind, ownerId)).at(-1);
  const position = last === undefined ? 0 : Math.floor(last.position) + 1;
  await writePatch(db, 'photo', id, { ownerKind, ownerId, position, ...image }, 'create');
  return id;
}

/** Soft delete, like a brew: the row stays as a tombstone, so an undo restores it. */
export async function removePhoto(db: DialInDb, id: string): Promise<boolean> {
  const deletedAt = new Date(correctedNow(db, await loadMeta(db))).toISOString();
  return writePatch(db, 'photo', id, { deletedAt }, 'update');
}

export function restorePhoto(db: DialInDb, id: string): Promise<boolean> {
  return writePatch(db, 'photo', id, { deletedAt: null }, 'update');
}

/** Sets or clears the caption. */
export function captionPhoto(db: DialInDb, id: string, caption: string | null): Promise<boolean> {
  return writePatch(db, 'photo', id, { caption }, 'update');
}

/**
 * Moves a photo between two neighbours (null = an end): it takes the midpoint of their
 * positions, so a move rewrites this one row and merges with moves of other photos.
 */
export function movePhoto(
  db: DialInDb,
  id: string,
  between: { before: number | null; after: number | null },
): Promise<boolean> {
  const { before, after } = between;
  const position =
    before === null && after === null
      ? 0
      : before === null
        ? (after as number) / 2
        : after === null
          ? before + 1
          : (before + after) / 2;
  return writePatch(db, 'photo', id, { position }, 'update');
}

/**
 * A photo row with the values another copy of it has (an import of our export): created as
 * given, its position included, so the owner's photos keep their order.
 */
export function createPhotoAsGiven(db: DialInDb, id: string, values: Patch<'photo'>) {
  return writePatch(db, 'photo', id, values, 'create');
}

/** Fields of a photo row as another copy of it has them (an import of our export). */
export function updatePhoto(db: DialInDb, id: string, patch: Patch<'photo'>): Promise<boolean> {
  return writePatch(db, 'photo', id, patch, 'update');
}
