import type { Table } from 'dexie';
import { type MergeableRow, mergeRows } from '../../../shared/merge.js';
import {
  ENTITIES,
  ENTITY_PLURALS,
  type Entity,
  type EntityPlural,
} from '../../../shared/model/entities.js';
import type { PullResponse } from '../../../shared/protocol/pull.js';
import { learnServerTime, receiveClocks } from '../data/clock.js';
import { type DialInDb, entityTable, syncedTables } from '../data/db.js';
import { addHistoryPage, historyFromOverwrites } from '../data/history.js';
import { loadMeta } from '../data/meta.js';
import type { LostValue, MetaRecord } from '../data/schema.js';

/**
 * Stores one page: every row merged field by field into the local copy (shared mergeRows),
 * the clock moved past every clock received, local values that lost kept in the history (one
 * record), the server clock offset learned from the reply's `timing` (when given), the cursor
 * after the page and, when it is the last page, the time of this successful sync — in ONE
 * transaction, so an interrupted pull resumes from the last stored
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

/**
 * What a page must carry to be stored: its rows of each entity, the cursor after them, and
 * whether more follow (the last page also records the sync's time, in the same commit).
 */
export type StorablePage = Pick<PullResponse, EntityPlural | 'cursor' | 'hasMore'>;

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
  return db.transaction('rw', [...syncedTables(db), db.meta, db.historyPages], async () => {
    const meta = await loadMeta(db);
    if (meta.accountId !== expected.accountId) return null;
    if (expected.cursor !== undefined) {
      if (meta.cursor !== expected.cursor || meta.signedOutOnServer) return null;
    }
    const at = db.now();
    const history: LostValue[] = [];
    const clocks: string[] = [];
    const merge = async (entity: Entity, remotes: readonly MergeableRow[]) => {
      if (remotes.length === 0) return;
      const table = entityTable(db, entity) as unknown as Table<MergeableRow, string>;
      for (const remote of remotes) {
        for (const clock of Object.values(remote.clocks)) clocks.push(clock);
      }
      history.push(...(await mergeIntoTable(entity, table, remotes)));
    };
    for (const { page } of pages) {
      for (const entity of ENTITIES) {
        await merge(entity, page[ENTITY_PLURALS[entity]] as unknown as MergeableRow[]);
      }
    }
    await addHistoryPage(db, history, at);
    let stored: MetaRecord = { ...receiveClocks(meta, clocks), cursor: meta.cursor };
    for (const { page } of pages) stored = { ...stored, cursor: page.cursor };
    if (pages[pages.length - 1]?.page.hasMore === false) stored = { ...stored, lastSyncedAt: at };
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
 * Merges remote rows into a table, inside the caller's transaction: one read of every id
 * (bulkGet, requests pipelined), then one bulkPut of the rows that are new or changed. A row
 * this device does not hold is its merge with nothing. Returns the history of local values
 * that lost. Reading first replaced adding first and merging the refused ids: every changed
 * row of a catch-up then paid for a failed insert (a ConstraintError event) before its read.
 */
async function mergeIntoTable(
  entity: Entity,
  table: Table<MergeableRow, string>,
  remotes: readonly MergeableRow[],
): Promise<LostValue[]> {
  const locals = await table.bulkGet(remotes.map((remote) => remote.id));
  const history: LostValue[] = [];
  const writes: MergeableRow[] = [];
  remotes.forEach((remote, index) => {
    const local = locals[index];
    const { row, changed, overwritten } = mergeRows(entity, local, remote);
    if (local === undefined || changed.length > 0) writes.push(row);
    if (overwritten.length > 0)
      history.push(...historyFromOverwrites(entity, remote.id, overwritten));
  });
  if (writes.length > 0) await table.bulkPut(writes);
  return history;
}

/** A reply's server time and when it was sent and received, to learn the clock offset. */
export function timingOf(
  page: PullResponse,
  result: { sentAt: number; receivedAt: number },
): PageTiming {
  return { serverTime: page.serverTime, sentAt: result.sentAt, receivedAt: result.receivedAt };
}
