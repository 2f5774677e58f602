import type { Overwritten } from '../../../shared/merge.js';
import type { Entity } from '../../../shared/model/entities.js';
import type { DialInDb } from './db.js';
import { MissingRowError } from './errors.js';
import type { HistoryEntry } from './schema.js';
import { writePatch } from './write.js';

/** History entries for values of one row that lost to another device's writes. */
export function historyFromOverwrites(
  entity: Entity,
  rowId: string,
  overwritten: readonly Overwritten[],
  at: number,
): HistoryEntry[] {
  return overwritten.map((lost) => ({
    entity,
    rowId,
    field: lost.field,
    value: lost.value,
    clock: lost.clock,
    byValue: lost.by.value,
    byClock: lost.by.clock,
    at,
  }));
}

/**
 * Writes an overwritten value back as a new local edit (so it wins now, and syncs). The
 * history entry stays, as a record of what happened.
 */
export async function restoreFromHistory(db: DialInDb, historyId: number): Promise<boolean> {
  const entry = await db.history.get(historyId);
  if (entry === undefined) throw new MissingRowError('history entry', String(historyId));
  return writePatch(db, entry.entity, entry.rowId, { [entry.field]: entry.value }, 'update');
}

export async function clearHistory(db: DialInDb): Promise<void> {
  await db.history.clear();
}
