import Dexie, { type Table } from 'dexie';
import { isHlc } from '../../../shared/hlc.js';
import { type MergeableRow, mergeRows } from '../../../shared/merge.js';
import type { Entity } from '../../../shared/model/entities.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import type { PullResponse } from '../../../shared/protocol/pull.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { learnServerTime, receiveClocks } from '../data/clock.js';
import type { DialInDb } from '../data/db.js';
import { historyFromOverwrites } from '../data/history.js';
import { loadMeta, updateMeta } from '../data/meta.js';
import type { HistoryEntry, MetaRecord } from '../data/schema.js';
import { asErrorBody, type HttpResult, requestJson, type Transport } from './http.js';
import { networkError, type SyncError, signedOut, toSyncError } from './sync-error.js';

export const PULL_PATH = ROUTES.sync.pull.path;

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
  return (await storePagesAfter(db, { accountId }, [{ page, timing }])) !== null;
}

type PageTiming = { serverTime: number; sentAt: number; receivedAt: number };

/**
 * Consecutive pages (each from the cursor the one before it ended at), stored as storePullPage
 * stores one, in ONE transaction, and only if the meta still says what they were asked under:
 * the same account and, when `cursor` is given, the first page's cursor still stored and no 401
 * seen since (another context may have logged out, reset the cursor or pulled meanwhile).
 * Returns the meta as committed, so the next pages need no read of their own; null if the
 * meta had changed and nothing was stored.
 */
async function storePagesAfter(
  db: DialInDb,
  expected: { accountId: string; cursor?: string | null },
  pages: readonly {
    page: Pick<PullResponse, 'bags' | 'brews' | 'cursor'>;
    timing?: PageTiming | undefined;
  }[],
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
    for (const { page } of pages) {
      await merge('bag', page.bags as unknown as MergeableRow[]);
      await merge('brew', page.brews as unknown as MergeableRow[]);
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
 * HTML, a proxy's error, a bug) must not move the cursor or plant malformed clocks. By hand, so
 * that TypeBox stays out of the bundles; wire-checkers.test.ts holds it to PullResponse. It is
 * stricter than the schema on one point: every clock must be an HLC.
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

/** Pages fetched ahead of the one being stored, at most (memory: a page is up to ~1 MB). */
const PAGES_AHEAD = 4;

/**
 * Pulls pages from the stored cursor until the server has nothing more, reporting progress
 * when the first page arrives and after each store. A cursor the server does not recognise is
 * reset once (a full pull: merging is idempotent, so rows seen twice change nothing).
 *
 * The network runs ahead of IndexedDB: each request needs only the cursor of the reply before
 * it, so pages are fetched (up to PAGES_AHEAD) while earlier ones are stored, and each store
 * takes every page that has arrived, in one transaction. Fewer commits matter beyond their
 * own cost: the live queries the screens watch re-run after each commit to their tables, and
 * their reads hold up the next write. Replies fetched ahead are stored only if the stored
 * cursor is still the one the first of them was asked for; otherwise (a reset, a log out,
 * another context) they are dropped and the pull goes on from what the meta says now.
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
    return requestJson(
      transport,
      ROUTES.sync.pull.method,
      `${PULL_PATH}?${query}`,
      undefined,
      db.now,
    );
  };
  // The meta is read once here and then carried from store to store (each returns it as
  // committed); a store checks it is still current, and it is read again when it was not.
  let meta: MetaRecord = await loadMeta(db);
  for (;;) {
    const accountId = meta.accountId;
    if (accountId === null) return { ok: true, rows, pages };
    if (meta.signedOutOnServer) return { ok: false, error: signedOut(), rows, pages };
    // requestJson never rejects, so requests left behind by a return are harmless.
    const chain = new PageChain(request, meta.cursor);
    let cursor = meta.cursor;
    let restart = false;
    try {
      while (!restart) {
        const result = await chain.next();
        if (result.kind === 'network') {
          return { ok: false, error: networkError(result.error), rows, pages };
        }
        if (result.status !== 200) {
          const error = asErrorBody(result.status, result.body);
          if (result.status === 401) {
            await updateMeta(db, { signedOutOnServer: true });
            return { ok: false, error: signedOut(), rows, pages };
          }
          if (error.code === 'invalid_cursor' && !cursorReset) {
            cursorReset = true;
            meta = await updateMeta(db, { cursor: null });
            restart = true;
            continue;
          }
          return { ok: false, error: toSyncError(error), rows, pages };
        }
        if (!isPullPage(result.body)) {
          const message = 'the server sent a pull page this client cannot read';
          return { ok: false, error: { code: 'bad_response', message }, rows, pages };
        }
        const batch = [{ page: result.body, timing: timingOf(result.body, result) }];
        // The bar appears as soon as the download's size is known, while the first page is
        // stored: a catch-up that fits in one page would otherwise be reported only once done,
        // and cleared before the UI ever drew it.
        if (pages === 0) {
          const pageRows = result.body.bags.length + result.body.brews.length;
          options.onProgress?.({ done: 0, total: pageRows + result.body.remaining });
        }
        for (let more = chain.ready(); more !== null; more = chain.ready()) {
          if (more.kind !== 'response' || more.status !== 200 || !isPullPage(more.body)) {
            chain.putBack(more);
            break;
          }
          batch.push({ page: more.body, timing: timingOf(more.body, more) });
        }
        const stored = await storePagesAfter(db, { accountId, cursor }, batch);
        if (stored === null) {
          // Not stored: the meta changed under this pull (log out, 401, cursor reset or another
          // context's pull). Read it again and go on from what it says now.
          meta = await loadMeta(db);
          if (meta.accountId !== accountId) {
            const error = { code: 'account_changed', message: 'signed out' } as const;
            return { ok: false, error, rows, pages };
          }
          restart = true;
          continue;
        }
        meta = stored;
        cursor = stored.cursor;
        const last = batch[batch.length - 1]?.page ?? result.body;
        for (const { page } of batch) rows += page.bags.length + page.brews.length;
        pages += batch.length;
        options.onProgress?.({ done: rows, total: rows + last.remaining });
        if (!last.hasMore) {
          await updateMeta(db, { lastSyncedAt: db.now() });
          return { ok: true, rows, pages };
        }
      }
    } finally {
      chain.stop();
    }
  }
}

function timingOf(page: PullResponse, result: { sentAt: number; receivedAt: number }): PageTiming {
  return { serverTime: page.serverTime, sentAt: result.sentAt, receivedAt: result.receivedAt };
}

/**
 * The pull's requests, each sent as soon as the reply before it gives its cursor, up to
 * PAGES_AHEAD replies not yet taken. `next()` waits for the next reply in order; `ready()`
 * returns it only if it has already arrived.
 */
class PageChain {
  private readonly replies: { settled: HttpResult | null; reply: Promise<HttpResult> }[] = [];
  private pendingCursor: string | null = null;
  private stopped = false;

  constructor(
    private readonly request: (cursor: string | null) => Promise<HttpResult>,
    cursor: string | null,
  ) {
    this.send(cursor);
  }

  private send(cursor: string | null): void {
    const entry: { settled: HttpResult | null; reply: Promise<HttpResult> } = {
      settled: null,
      reply: this.request(cursor),
    };
    this.replies.push(entry);
    void entry.reply.then((result) => {
      entry.settled = result;
      const body = result.kind === 'response' && result.status === 200 ? result.body : null;
      if (this.stopped || !isPullPage(body) || !body.hasMore) {
        // An error or the last page ends the chain: nothing after it is asked for.
        this.stopped = true;
        return;
      }
      if (this.replies.length >= PAGES_AHEAD) this.pendingCursor = body.cursor;
      else this.send(body.cursor);
    });
  }

  private taken(): void {
    if (!this.stopped && this.pendingCursor !== null && this.replies.length < PAGES_AHEAD) {
      const cursor = this.pendingCursor;
      this.pendingCursor = null;
      this.send(cursor);
    }
  }

  async next(): Promise<HttpResult> {
    const entry = this.replies[0];
    if (entry === undefined) throw new Error('the pull asked for a page after the last one');
    const result = await entry.reply;
    this.replies.shift();
    this.taken();
    return result;
  }

  ready(): HttpResult | null {
    const entry = this.replies[0];
    if (entry?.settled == null) return null;
    this.replies.shift();
    this.taken();
    return entry.settled;
  }

  /** No more requests: the pull is over, or goes on from another cursor. */
  stop(): void {
    this.stopped = true;
    this.pendingCursor = null;
  }

  /** Gives back a reply ready() returned, to be taken by next() instead. */
  putBack(result: HttpResult): void {
    this.replies.unshift({ settled: result, reply: Promise.resolve(result) });
  }
}
