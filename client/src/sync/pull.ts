import Dexie, { type Table } from 'dexie';
import { isHlc } from '../../../shared/hlc.js';
import { type MergeableRow, mergeRows } from '../../../shared/merge.js';
import type { Entity } from '../../../shared/model/entities.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import type { PullResponse } from '../../../shared/protocol/pull.js';
import { learnServerTime, receiveClocks } from '../data/clock.js';
import type { DialInDb } from '../data/db.js';
import { historyFromOverwrites } from '../data/history.js';
import { loadMeta, updateMeta } from '../data/meta.js';
import type { HistoryEntry, MetaRecord } from '../data/schema.js';
import { errorBodyOf, type HttpResult, networkError, requestJson, type Transport } from './http.js';
import { type SyncError, signedOut, toSyncError } from './push.js';

export const PULL_PATH = '/api/sync/pull';

export interface PullProgress {
  /** Rows stored so far in this pull. */
  done: number;
  /** done + what the server says remains. */
  total: number;
}

export type PullResult =
  | { ok: true; rows: number; pages: number }
  | { ok: false; error: SyncError; rows: number; pages: number };

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
  page: Pick<PullResponse, 'bags' | 'brews' | 'cursor'>,
  timing?: { serverTime: number; sentAt: number; receivedAt: number },
): Promise<boolean> {
  return (await storePageAfter(db, { accountId }, page, timing)) !== null;
}

/**
 * storePullPage, stored only if the meta still says what the page was asked under: the same
 * account and, when `cursor` is given, the same stored cursor and no 401 seen since (another
 * context may have logged out, reset the cursor or pulled meanwhile). Returns the meta as
 * committed with the page, so the next page needs no read of its own; null if not stored.
 */
async function storePageAfter(
  db: DialInDb,
  expected: { accountId: string; cursor?: string | null },
  page: Pick<PullResponse, 'bags' | 'brews' | 'cursor'>,
  timing?: { serverTime: number; sentAt: number; receivedAt: number },
): Promise<MetaRecord | null> {
  return db.transaction('rw', [db.bags, db.brews, db.meta, db.history], async () => {
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
      const table = (entity === 'bag' ? db.bags : db.brews) as unknown as Table<
        MergeableRow,
        string
      >;
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
    await merge('bag', page.bags as unknown as MergeableRow[]);
    await merge('brew', page.brews as unknown as MergeableRow[]);
    if (history.length > 0) await db.history.bulkAdd(history);
    const stored = { ...receiveClocks(meta, clocks), cursor: page.cursor };
    await db.meta.put(stored);
    // The reply's server time is learned in the same transaction: one commit per page, not two.
    if (timing) return learnServerTime(db, timing.serverTime, timing.sentAt, timing.receivedAt);
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

function isRow(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as { id?: unknown; clocks?: unknown };
  if (typeof row.id !== 'string' || typeof row.clocks !== 'object' || row.clocks === null) {
    return false;
  }
  return Object.values(row.clocks).every(isHlc);
}

/**
 * The reply is checked before anything is stored: a page that is not one (a captive portal's
 * HTML, a proxy's error, a bug) must not move the cursor or plant malformed clocks.
 */
export function isPullPage(value: unknown): value is PullResponse {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return (
    typeof page.serverTime === 'number' &&
    typeof page.cursor === 'string' &&
    typeof page.hasMore === 'boolean' &&
    typeof page.remaining === 'number' &&
    Array.isArray(page.bags) &&
    Array.isArray(page.brews) &&
    page.bags.every(isRow) &&
    page.brews.every(isRow)
  );
}

/**
 * Pulls pages from the stored cursor until the server has nothing more, reporting progress
 * when the first page arrives and after each stored page. A cursor the server does not
 * recognise is reset once (a full pull: merging is idempotent, so rows seen twice change
 * nothing).
 *
 * The next page is requested as soon as a page arrives, while that page is being stored: the
 * network and IndexedDB overlap instead of taking turns (an initial sync of 10,000 brews spent
 * about a third of its time waiting on requests). The early reply is used only if the stored
 * cursor is still the one it was asked for; otherwise (a reset, another context) it is dropped.
 */
export async function pullAll(
  db: DialInDb,
  transport: Transport,
  options: { pageSize?: number; onProgress?: (progress: PullProgress) => void } = {},
): Promise<PullResult> {
  const limit = Math.min(options.pageSize ?? LIMITS.pullPageDefault, LIMITS.pullPageMax);
  let rows = 0;
  let pages = 0;
  let cursorReset = false;
  const request = (cursor: string | null): Promise<HttpResult> => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return requestJson(transport, 'GET', `${PULL_PATH}?${query}`, undefined, db.now);
  };
  // requestJson never rejects, so an early request left behind by a return is harmless.
  let early: { accountId: string; cursor: string; reply: Promise<HttpResult> } | null = null;
  // The meta is read once here and then carried from page to page (each store returns it as
  // committed); storing a page checks it is still current, and re-reads it if not.
  let meta: MetaRecord = await loadMeta(db);
  for (;;) {
    const accountId = meta.accountId;
    if (accountId === null) return { ok: true, rows, pages };
    if (meta.signedOutOnServer) return { ok: false, error: signedOut(), rows, pages };
    const cursor = meta.cursor;
    const reuse: boolean = early?.accountId === accountId && early.cursor === cursor;
    const result: HttpResult = await (reuse && early ? early.reply : request(cursor));
    early = null;
    if (result.kind === 'network') {
      return { ok: false, error: networkError(result.error), rows, pages };
    }
    if (result.status !== 200) {
      const error = errorBodyOf(result.status, result.body);
      if (result.status === 401) {
        await updateMeta(db, { signedOutOnServer: true });
        return { ok: false, error: signedOut(), rows, pages };
      }
      if (error.code === 'invalid_cursor' && !cursorReset) {
        cursorReset = true;
        meta = await updateMeta(db, { cursor: null });
        continue;
      }
      return { ok: false, error: toSyncError(error), rows, pages };
    }
    if (!isPullPage(result.body)) {
      const message = 'the server sent a pull page this client cannot read';
      return { ok: false, error: { code: 'bad_response', message }, rows, pages };
    }
    const page: PullResponse = result.body;
    if (page.hasMore) early = { accountId, cursor: page.cursor, reply: request(page.cursor) };
    // The bar appears as soon as the download's size is known, while the first page is
    // stored: a catch-up that fits in one page would otherwise be reported only once done,
    // and cleared before the UI ever drew it.
    if (pages === 0) {
      const pageRows = page.bags.length + page.brews.length;
      options.onProgress?.({ done: 0, total: pageRows + page.remaining });
    }
    const { sentAt, receivedAt } = result;
    const timing = { serverTime: page.serverTime, sentAt, receivedAt };
    const stored = await storePageAfter(db, { accountId, cursor }, page, timing);
    if (stored === null) {
      // Not stored: the meta changed under this pull (log out, 401, cursor reset or another
      // context's pull). Read it again and go on from what it says now.
      early = null;
      meta = await loadMeta(db);
      if (meta.accountId !== accountId) {
        return {
          ok: false,
          error: { code: 'account_changed', message: 'signed out' },
          rows,
          pages,
        };
      }
      continue;
    }
    meta = stored;
    rows += page.bags.length + page.brews.length;
    pages += 1;
    options.onProgress?.({ done: rows, total: rows + page.remaining });
    if (!page.hasMore) {
      await updateMeta(db, { lastSyncedAt: db.now() });
      return { ok: true, rows, pages };
    }
  }
}
