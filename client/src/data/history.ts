import type { Overwritten } from '../../../shared/merge.js';
import type { Entity } from '../../../shared/model/entities.js';
import type { DialInDb } from './db.js';
import { MissingRowError } from './errors.js';
import type { BagRecord, BrewRecord, HistoryEntry } from './schema.js';
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

/** Which rows a history view shows: one brew's, one bag's (and its brews'), or everything. */
export type HistoryFilter = { brew: string } | { bag: string } | null;

/** A history entry with the rows it is about, so a screen can say which brew or bag it was. */
export interface HistoryRow {
  entry: HistoryEntry;
  /** The brew, for a brew's entry (deleted ones too); null for a bag's or a row not here. */
  brew: BrewRecord | null;
  /** The bag: the entry's own, or the brew's. */
  bag: BagRecord | null;
}

/** Values other devices overwrote, newest first, with their rows; optionally of one brew or bag. */
export async function historyRows(
  db: DialInDb,
  filter: HistoryFilter,
  limit = 200,
): Promise<HistoryRow[]> {
  let entries: HistoryEntry[];
  if (filter === null) {
    entries = await db.history.orderBy('at').reverse().limit(limit).toArray();
  } else {
    const ids =
      'brew' in filter
        ? [filter.brew]
        : [filter.bag, ...(await db.brews.where('bagId').equals(filter.bag).primaryKeys())];
    const found = await db.history.where('rowId').anyOf(ids).toArray();
    entries = found.sort((a, b) => b.at - a.at).slice(0, limit);
  }
  const brewIds = [...new Set(entries.filter((e) => e.entity === 'brew').map((e) => e.rowId))];
  const brews = new Map<string, BrewRecord>();
  for (const brew of await db.brews.bulkGet(brewIds)) if (brew) brews.set(brew.id, brew);
  const bagIds = [
    ...new Set(
      entries.map((e) => (e.entity === 'bag' ? e.rowId : (brews.get(e.rowId)?.bagId ?? ''))),
    ),
  ].filter((id) => id !== '');
  const bags = new Map<string, BagRecord>();
  for (const bag of await db.bags.bulkGet(bagIds)) if (bag) bags.set(bag.id, bag);
  return entries.map((entry) => {
    const brew = entry.entity === 'brew' ? (brews.get(entry.rowId) ?? null) : null;
    const bagId = entry.entity === 'bag' ? entry.rowId : brew?.bagId;
    return { entry, brew, bag: (bagId && bags.get(bagId)) || null };
  });
}
