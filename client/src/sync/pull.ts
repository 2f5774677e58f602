import { LIMITS } from '../../../shared/protocol/limits.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import type { DialInDb } from '../data/db.js';
import { loadMeta, updateMeta } from '../data/meta.js';
import type { MetaRecord } from '../data/schema.js';
import { asErrorBody, type HttpResult, requestJson, type Transport } from './http.js';
import { isPullPage, PageChain, pageRowCount } from './pull-pages.js';
import { storePagesAfter, timingOf } from './pull-store.js';
import { networkError, type SyncError, signedOut, toSyncError } from './sync-error.js';

export interface PullProgress {
  /** Rows stored so far in this pull (and, once the rows are in, thumbnails downloaded). */
  done: number;
  /** done + what the server says remains (and the thumbnails to download, once known). */
  total: number;
  /**
   * Set while the photos' thumbnails download after the rows (photos/thumbnail-download.ts);
   * done and total above include them.
   */
  thumbnails?: { done: number; total: number };
}

export type PullResult =
  | { ok: true; rows: number; pages: number }
  | { ok: false; error: SyncError; rows: number; pages: number };

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
      `${ROUTES.sync.pull.path}?${query}`,
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
          const pageRows = pageRowCount(result.body);
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
        for (const { page } of batch) rows += pageRowCount(page);
        pages += batch.length;
        options.onProgress?.({ done: rows, total: rows + last.remaining });
        // The last page's store recorded the sync's time (lastSyncedAt) in its own commit.
        if (!last.hasMore) return { ok: true, rows, pages };
      }
    } finally {
      chain.stop();
    }
  }
}
