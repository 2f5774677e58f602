import type { DialInDb } from './db.js';
import { readHistory } from './history.js';
import { peekMeta } from './meta.js';
import type { BagRecord, BrewRecord, HistoryEntry, MetaRecord, OutboxEntry } from './schema.js';

/**
 * Reads. Each is a plain async function of the database, so it runs anywhere; wrap it with
 * Dexie's `liveQuery` (or ui/live-signal.ts) to get updates whenever its tables change.
 */

export type BrewItem = BrewRecord & {
  /** The bag it belongs to (null if that bag is not on this device). */
  bag: BagRecord | null;
  /**
   * The grinder's name: its row's (archived or not) when the brew names one, else the free
   * text of a brew written before gear existed; null when neither.
   */
  grinderName: string | null;
  /** An outbox entry for this brew has not reached the server (pending, sent or queued). */
  unsynced: boolean;
  /** A write to this brew was rejected by the server. */
  rejected: boolean;
};

export type BagItem = BagRecord & {
  brewCount: number;
  lastBrewedAt: string | null;
  /** Grams dosed by its live brews (a brew without a dose counts none): coffee left's input. */
  usedG: number;
  unsynced: boolean;
};

const notDeleted = (row: { deletedAt: string | null }) => row.deletedAt === null;
const byBrewedAtDesc = (a: BrewRecord, b: BrewRecord) =>
  (b.brewedAt === null ? 0 : Date.parse(b.brewedAt)) -
  (a.brewedAt === null ? 0 : Date.parse(a.brewedAt));

async function outboxStates(
  db: DialInDb,
): Promise<{ unsynced: Set<string>; rejected: Set<string> }> {
  const unsynced = new Set<string>();
  const rejected = new Set<string>();
  await db.outbox.each((entry) => {
    (entry.state === 'rejected' ? rejected : unsynced).add(entry.rowId);
  });
  return { unsynced, rejected };
}

async function withBags(db: DialInDb, brews: BrewRecord[]): Promise<BrewItem[]> {
  const bagIds = [...new Set(brews.map((brew) => brew.bagId))];
  // A person has a handful of grinders: one getAll, not a lookup per brew.
  const [bags, grinders] = await Promise.all([db.bags.bulkGet(bagIds), db.grinders.toArray()]);
  const bagById = new Map(bags.flatMap((bag) => (bag === undefined ? [] : [[bag.id, bag]])));
  const grinderName = new Map(grinders.map((g) => [g.id, g.name]));
  const { unsynced, rejected } = await outboxStates(db);
  return brews.map((brew) => ({
    ...brew,
    bag: bagById.get(brew.bagId) ?? null,
    grinderName: (brew.grinderId && grinderName.get(brew.grinderId)) || brew.grinder || null,
    unsynced: unsynced.has(brew.id),
    rejected: rejected.has(brew.id),
  }));
}

/** The newest brews, newest first (not deleted). Uses the brewedAt index. */
export async function recentBrews(db: DialInDb, limit = 50): Promise<BrewItem[]> {
  const brews = await db.brews
    .orderBy('brewedAt')
    .reverse()
    .filter(notDeleted)
    .limit(limit)
    .toArray();
  return withBags(db, brews);
}

/**
 * Every live brew, newest first (undated last), for search and statistics. One getAll and a
 * sort here rather than the brewedAt index: the index leaves out brews without a time.
 */
export async function allBrews(db: DialInDb): Promise<BrewItem[]> {
  const rows = await db.brews.toArray();
  const dated = rows
    .filter(notDeleted)
    .map((brew) => ({
      brew,
      ms: brew.brewedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(brew.brewedAt),
    }))
    .sort((a, b) => b.ms - a.ms);
  return withBags(
    db,
    dated.map((d) => d.brew),
  );
}

/** A bag's brews, newest first (not deleted). */
export async function brewsOfBag(db: DialInDb, bagId: string): Promise<BrewItem[]> {
  const brews = await db.brews.where('bagId').equals(bagId).filter(notDeleted).toArray();
  return withBags(db, brews.sort(byBrewedAtDesc));
}

export function getBrew(db: DialInDb, id: string): Promise<BrewRecord | undefined> {
  return db.brews.get(id);
}

export function getBag(db: DialInDb, id: string): Promise<BagRecord | undefined> {
  return db.bags.get(id);
}

/**
 * Bags with their number of (non-deleted) brews and last brew time, sorted by name.
 * Archived bags are included (`archived` tells them apart); deleted ones are not.
 *
 * Whole tables are read with one getAll each and filtered here: a Dexie `.filter()` walks a
 * cursor, one IndexedDB event per row, and the bag list stays watched, so this re-runs after
 * every commit to brews (each page of an initial sync). (Counting from indexes instead, two
 * requests per bag, measured slower still: 300 bags made 600 small requests per run.)
 */
export async function bagsWithCounts(db: DialInDb): Promise<BagItem[]> {
  const [allBags, allBrews, { unsynced }] = await Promise.all([
    db.bags.toArray(),
    db.brews.toArray(),
    outboxStates(db),
  ]);
  const counts = new Map<
    string,
    { count: number; usedG: number; last: string | null; lastMs: number }
  >();
  for (const brew of allBrews) {
    if (brew.deletedAt !== null) continue;
    let entry = counts.get(brew.bagId);
    if (entry === undefined) {
      entry = { count: 0, usedG: 0, last: null, lastMs: Number.NEGATIVE_INFINITY };
      counts.set(brew.bagId, entry);
    }
    entry.count += 1;
    entry.usedG += brew.doseG ?? 0;
    if (brew.brewedAt !== null) {
      const brewedMs = Date.parse(brew.brewedAt);
      if (entry.last === null || brewedMs > entry.lastMs) {
        entry.last = brew.brewedAt;
        entry.lastMs = brewedMs;
      }
    }
  }
  return allBags
    .filter(notDeleted)
    .map((bag) => ({
      ...bag,
      brewCount: counts.get(bag.id)?.count ?? 0,
      lastBrewedAt: counts.get(bag.id)?.last ?? null,
      usedG: counts.get(bag.id)?.usedG ?? 0,
      unsynced: unsynced.has(bag.id),
    }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

/** Deleted bags and brews, newest deletion first, for "restore". */
export async function deletedItems(
  db: DialInDb,
): Promise<{ bags: BagRecord[]; brews: BrewRecord[] }> {
  const byDeletedDesc = (a: { deletedAt: string | null }, b: { deletedAt: string | null }) =>
    (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '');
  const isDeleted = (row: { deletedAt: string | null }) => row.deletedAt !== null;
  // getAll + filter here, not a cursor: see bagsWithCounts.
  const [bags, brews] = await Promise.all([db.bags.toArray(), db.brews.toArray()]);
  return {
    bags: bags.filter(isDeleted).sort(byDeletedDesc),
    brews: brews.filter(isDeleted).sort(byDeletedDesc),
  };
}

/** Counts for the sync badge: unsynced (pending, sent or queued) and rejected entries. */
export async function outboxCounts(db: DialInDb): Promise<{ pending: number; rejected: number }> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('state').anyOf('pending', 'sent', 'queued').count(),
    db.outbox.where('state').equals('rejected').count(),
  ]);
  return { pending, rejected };
}

/** Rejected entries with the server's error, oldest first, for "edit and retry or discard". */
export function rejectedEntries(db: DialInDb): Promise<OutboxEntry[]> {
  return db.outbox.where('state').equals('rejected').sortBy('seq');
}

/** Values other devices overwrote, newest first; optionally for one row. */
export async function historyEntries(
  db: DialInDb,
  options: { rowId?: string; limit?: number } = {},
): Promise<HistoryEntry[]> {
  const rowIds = options.rowId === undefined ? null : [options.rowId];
  return readHistory(db, rowIds, options.limit ?? 100);
}

/** Who is signed in on this device, the last sync time, etc. (undefined before first use). */
export function deviceMeta(db: DialInDb): Promise<MetaRecord | undefined> {
  return peekMeta(db);
}

/** How many live (non-deleted) bags and brews this device holds. */
export async function localDataCounts(db: DialInDb): Promise<{ bags: number; brews: number }> {
  // getAll + filter here, not a cursor: see bagsWithCounts.
  const [bags, brews] = await Promise.all([db.bags.toArray(), db.brews.toArray()]);
  return { bags: bags.filter(notDeleted).length, brews: brews.filter(notDeleted).length };
}
