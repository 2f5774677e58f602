import type { Overwritten } from '../../../shared/merge.js';
import type { Entity } from '../../../shared/model/entities.js';
import type { DialInDb } from './db.js';
import { MissingRowError } from './errors.js';
import type { BagRecord, BrewRecord, HistoryEntry, HistoryPage, LostValue } from './schema.js';
import { writePatch } from './write.js';

/** The lost values of one row: its local values that lost to another device's writes. */
export function historyFromOverwrites(
  entity: Entity,
  rowId: string,
  overwritten: readonly Overwritten[],
): LostValue[] {
  return overwritten.map((lost) => ({
    entity,
    rowId,
    field: lost.field,
    value: lost.value,
    clock: lost.clock,
    byValue: lost.by.value,
    byClock: lost.by.clock,
  }));
}

/**
 * Stores the values one pull store overwrote as one record, inside the caller's transaction:
 * one write per store, whatever the number of values (one record per value cost a catch-up
 * of 500 changed rows as much as reading them).
 */
export async function addHistoryPage(
  db: DialInDb,
  entries: readonly LostValue[],
  at: number,
): Promise<void> {
  if (entries.length === 0) return;
  const rowIds = [...new Set(entries.map((entry) => entry.rowId))];
  await db.historyPages.add({ at, rowIds, entries: [...entries] });
}

/** A page's values as screens read them, each with its id (`<page>.<index>`) and time. */
function entriesOf(page: HistoryPage, rowIds?: ReadonlySet<string>): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  page.entries.forEach((lost, index) => {
    if (rowIds === undefined || rowIds.has(lost.rowId)) {
      entries.push({ ...lost, id: `${page.id}.${index}`, at: page.at });
    }
  });
  return entries;
}

/**
 * Lost values, newest first, at most `limit`: of the rows in `rowIds`, or of every row. Pages
 * are read newest first until `limit` values are found; within a page, values keep the order
 * the pull merged them in.
 */
export async function readHistory(
  db: DialInDb,
  rowIds: readonly string[] | null,
  limit: number,
): Promise<HistoryEntry[]> {
  if (rowIds === null) {
    const entries: HistoryEntry[] = [];
    await db.historyPages
      .orderBy('at')
      .reverse()
      .until(() => entries.length >= limit)
      .each((page) => {
        entries.push(...entriesOf(page));
      });
    return entries.slice(0, limit);
  }
  const pages = await db.historyPages.where('rowIds').anyOf(rowIds).distinct().toArray();
  const wanted = new Set(rowIds);
  return pages
    .sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0))
    .flatMap((page) => entriesOf(page, wanted))
    .slice(0, limit);
}

/** Forgets every lost value of one row (a row merged away), inside the caller's transaction. */
export async function dropHistoryOf(db: DialInDb, rowId: string): Promise<void> {
  await db.historyPages
    .where('rowIds')
    .equals(rowId)
    .modify((page, ctx: { value?: HistoryPage }) => {
      page.entries = page.entries.filter((entry) => entry.rowId !== rowId);
      page.rowIds = page.rowIds.filter((id) => id !== rowId);
      // Dexie deletes the record whose `value` the callback deletes.
      if (page.entries.length === 0) delete ctx.value;
    });
}

/**
 * Writes an overwritten value back as a new local edit (so it wins now, and syncs). The
 * history entry stays, as a record of what happened.
 */
export async function restoreFromHistory(db: DialInDb, historyId: string): Promise<boolean> {
  const [pageId, index] = historyId.split('.').map(Number);
  const page = pageId === undefined ? undefined : await db.historyPages.get(pageId);
  const entry = index === undefined ? undefined : page?.entries[index];
  if (entry === undefined) throw new MissingRowError('history entry', historyId);
  return writePatch(db, entry.entity, entry.rowId, { [entry.field]: entry.value }, 'update');
}

export async function clearHistory(db: DialInDb): Promise<void> {
  await db.historyPages.clear();
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
  const ids =
    filter === null
      ? null
      : 'brew' in filter
        ? [filter.brew]
        : [filter.bag, ...(await db.brews.where('bagId').equals(filter.bag).primaryKeys())];
  const entries = await readHistory(db, ids, limit);
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
