import { describe, expect, it } from 'vitest';
import { Hlc } from '../hlc.js';
import { applyPatch, type MergeableRow, mergeRows } from '../merge.js';
import { validatePatch } from './validate.js';

const NOW = Date.UTC(2026, 11, 2, 6);
const BAG_ID = '7f2c1a8e-1c1d-4f5e-9a6b-2d3c4b5a6f70';
const HASH = 'a'.repeat(64);
const THUMB = 'b'.repeat(64);

/** The patch a device writes when it makes a photo of the bag. */
function newPhoto(position: number, hash = HASH): Record<string, unknown> {
  return {
    ownerKind: 'bag',
    ownerId: BAG_ID,
    position,
    hash,
    type: 'image/jpeg',
    thumbHash: THUMB,
    thumbType: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: 312_000,
  };
}

describe('the photo entity', () => {
  it('accepts a complete new photo', () => {
    expect(validatePatch('photo', newPhoto(0), NOW, { creating: true })).toEqual([]);
  });

  it('needs an owner and the image fields to be created', () => {
    const problems = validatePatch('photo', { caption: 'label' }, NOW, { creating: true });
    expect(problems.map((p) => p.field)).toEqual([
      'ownerKind',
      'ownerId',
      'position',
      'hash',
      'type',
      'thumbHash',
      'thumbType',
      'width',
      'height',
      'bytes',
    ]);
  });

  it.each([
    [{ ownerKind: 'grinder' }, 'ownerKind', 'must be one of bag, brew'],
    [{ ownerId: 'bag-1' }, 'ownerId', 'must be the id of the row ownerKind names'],
    [{ hash: 'A'.repeat(64) }, 'hash', 'must be a SHA-256 digest in lower-case hex'],
    [{ thumbHash: 'a'.repeat(63) }, 'thumbHash', 'must be a SHA-256 digest in lower-case hex'],
    [{ type: 'image/gif' }, 'type', 'must be one of image/jpeg, image/webp, image/png'],
    [{ width: 1600.5 }, 'width', 'must be a multiple of 1'],
    [{ bytes: 0 }, 'bytes', 'must be at least 1'],
    [{ hash: null }, 'hash', 'is required'],
  ])('refuses %j', (patch, field, message) => {
    expect(validatePatch('photo', patch, NOW)).toEqual([{ field, message }]);
  });

  it('keeps both photos two devices add to one bag at once, in either delivery order', () => {
    const phone = new Hlc('phone', () => NOW);
    const laptop = new Hlc('laptop', () => NOW);
    // Both devices put their photo first, at the same position, without seeing the other's.
    const writes = [
      { id: crypto.randomUUID(), hlc: phone.now(), patch: newPhoto(0, 'c'.repeat(64)) },
      { id: crypto.randomUUID(), hlc: laptop.now(), patch: newPhoto(0, 'd'.repeat(64)) },
    ];
    const deliver = (order: typeof writes) => {
      const table = new Map<string, MergeableRow>();
      for (const w of order) {
        table.set(w.id, applyPatch('photo', table.get(w.id), w.id, w.patch, w.hlc).row);
      }
      return table;
    };
    const one = deliver(writes);
    const other = deliver([...writes].reverse());
    const ofBag = (table: Map<string, MergeableRow>) =>
      [...table.values()]
        .filter((row) => row.ownerId === BAG_ID && row.deletedAt === null)
        .map((row) => row.hash)
        .sort();
    expect(ofBag(one)).toEqual(['c'.repeat(64), 'd'.repeat(64)]);
    expect(ofBag(other)).toEqual(ofBag(one));
  });

  it('merges a caption edit and a delete of one photo field by field', () => {
    const id = crypto.randomUUID();
    const phone = new Hlc('phone', () => NOW);
    const laptop = new Hlc('laptop', () => NOW);
    const created = applyPatch('photo', undefined, id, newPhoto(0), phone.now()).row;
    const captioned = applyPatch('photo', created, id, { caption: 'Label' }, phone.now()).row;
    const deleted = applyPatch(
      'photo',
      created,
      id,
      { deletedAt: '2026-12-02T06:00:00.000Z' },
      laptop.now(),
    ).row;
    for (const row of [
      mergeRows('photo', captioned, deleted).row,
      mergeRows('photo', deleted, captioned).row,
    ]) {
      expect(row).toMatchObject({ caption: 'Label', deletedAt: '2026-12-02T06:00:00.000Z' });
    }
  });
});
