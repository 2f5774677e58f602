import Dexie, { type Table } from 'dexie';
import { type MergeableRow, mergeRows } from '../../../shared/merge.js';
import type { Entity } from '../../../shared/model/entities.js';
import type { PullResponse } from '../../../shared/protocol/pull.js';
import { learnServerTime, receiveClocks } from '../data/clock.js';
import { type DialInDb, entityTable, syncedTables } from '../data/db.js';
import { historyFromOverwrites } from '../data/history.js';
import { loadMeta } from '../data/meta.js';
import type { HistoryEntry, MetaRecord } from '../data/schema.js';

/**
 * Stores one page: every row merged field by field into the local copy (shared mergeRows),
 * the clock moved past every clock received, local values that lost kept in `history`,
 * the server clock offset learned from the reply's `timing` (when given), and the cursor
 * after the page — in ONE transaction, so an interrupted pull resumes from the last stored
 * page and never skips or half-applies one. A page for another account than the one signed
 * in now (a log out raced the request) is dropped.
 */
export async function storePullPage(
  db: DialInDb,
  accountId: string,
  page: StorablePage,
  timing?: { serverTime: number; sentAt: number; receivedAt: number },
): Promise<boolean> {
  return (await storePagesAfter(db, { accountId }, [{ page, timing }])) !== null;
}

export type PageTiming = { serverTime: number; sentAt: number; receivedAt: number };

/** What a page must carry to be stored: its rows of each entity and the cursor after them. */
export type StorablePage = Pick<PullResponse, 'bags' | 'brews' | 'photos' | 'cursor'>;

/**
 * Consecutive pages (each from the cursor the one before it ended at), stored as storePullPage
 * stores one, in ONE transaction, and only if the meta still says what they were asked under:
 * the same account and, when `cursor` is given, the first page's cursor still stored and no 401
 * seen since (another context may have logged out, reset the cursor or pulled meanwhile).
 * Returns the meta as committed, so the next pages need no read of their own; null if the
 * meta had changed and nothing was stored.
 */
export async function storePagesAfter(
  db: DialInDb,
  expected: { accountId: string; cursor?: string | null },
  pages: readonly {
    page: StorablePage;
    timing?: PageTiming | undefined;
  }[],
): Promise<MetaRecord | null> {
  return db.transaction('rw', [...syncedTables(db), db.meta, db.history], async () => {
    const meta = await loadMeta(db);
    if (meta.accountId !== expected.accountId) return null;
    if (expected.cursor !== undefined) {
      if (meta.cursor !== expected.cursor || meta.signedOutOnServer) return null;
    }
    const at = db.now();
    const history: HistoryEntry[] = [];
    const clocks: string[] = [];
    const merge = async (entity: Entity, remotes: readonly MergeableRow[]) => {
      if (remotes.length === 0) return;
      const table = entityTable(db, entity) as unknown as Table<MergeableRow, string>;
      for (const remote of remotes) {
        for (const clock of Object.values(remote.clocks)) clocks.push(clock);
      }
      // Insert first: a row this device does not hold (every row of an initial sync) is its
      // merge with nothing, stored without reading. Only the rows the add refused because
      // they exist (edited here, or pulled before) are read and merged, in this transaction.
      const existing = await addMissing(
        table,
        remotes.map((remote) => mergeRows(entity, undefined, remote).row),
      );
      if (existing.length === 0) return;
      const present = existing.map((index) => remotes[index] as MergeableRow);
      const locals = await table.bulkGet(present.map((row) => row.id));
      const changedRows: MergeableRow[] = [];
      present.forEach((remote, index) => {
        const local = locals[index] as MergeableRow | undefined;
        const { row, changed, overwritten } = mergeRows(entity, local, remote);
        if (changed.length > 0 || local === undefined) changedRows.push(row);
        history.push(...historyFromOverwrites(entity, remote.id, overwritten, at));
      });
      await table.bulkPut(changedRows);
    };
    for (const { page } of pages) {
      await merge('bag', page.bags as unknown as MergeableRow[]);
      await merge('brew', page.brews as unknown as MergeableRow[]);
      await merge('photo', page.photos as unknown as MergeableRow[]);
    }
    if (history.length > 0) await db.history.bulkAdd(history);
    let stored: MetaRecord = { ...receiveClocks(meta, clocks), cursor: meta.cursor };
    for (const { page } of pages) stored = { ...stored, cursor: page.cursor };
    await db.meta.put(stored);
    // The replies' server times are learned in the same transaction: one commit, not two.
    for (const { timing } of pages) {
      if (timing)
        stored = await learnServerTime(db, timing.serverTime, timing.sentAt, timing.receivedAt);
    }
    return stored;
  });
}

/**
 * Adds the rows whose ids the table does not hold; returns the positions of those it refused
 * because the id exists (a ConstraintError, which Dexie keeps from aborting the transaction).
 * Any other failure is thrown, and aborts the page.
 */
async function addMissing(
  table: Table<MergeableRow, string>,
  rows: readonly MergeableRow[],
): Promise<number[]> {
  try {
    await table.bulkAdd(rows as MergeableRow[]);
    return [];
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const refused = Object.entries(error.failuresByPos);
    if (refused.some(([, failure]) => failure.name !== 'ConstraintError')) throw error;
    return refused.map(([position]) => Number(position));
  }
}

/** A reply's server time and when it was sent and received, to learn the clock offset. */
export function timingOf(
  page: PullResponse,
  result: { sentAt: number; receivedAt: number },
): PageTiming {
  return { serverTime: page.serverTime, sentAt: result.sentAt, receivedAt: result.receivedAt };
}
