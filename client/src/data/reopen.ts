import Dexie from 'dexie';

/**
 * WebKit drops IndexedDB connections when an app has been in the background (its storage
 * process restarts): the next transaction fails with "Connection to Indexed Database server
 * lost", an UnknownError, or "Cannot inject key into script value" (Dexie issues #1139,
 * #2008, #2296), and every later one with DatabaseClosedError, until the page reloads.
 * Dexie reopens by itself only when creating a transaction throws InvalidStateError; a
 * transaction that fails mid-way is the caller's problem. So every top-level transaction of
 * ours that fails that way is run once more on a freshly opened connection. That is safe:
 * the failed transaction was aborted (nothing of it was written), and our transaction
 * callbacks do IndexedDB work only, so running one again does the write exactly once.
 */
const LOST_MESSAGE =
  /connection to indexed database server lost|cannot inject key|database connection is closing|database has been closed/i;

/** Whether an error means the connection died under us (not that our request was bad). */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error as { name?: unknown; message?: unknown; inner?: unknown } | null; e; ) {
    if (e.name === 'DatabaseClosedError' || e.name === 'UnknownError') return true;
    if (typeof e.message === 'string' && LOST_MESSAGE.test(e.message)) return true;
    e = (e.inner ?? null) as typeof e;
  }
  return false;
}

/** Closes and reopens `db` (a no-op wait when another caller is already reopening it). */
async function reopen(db: Dexie): Promise<void> {
  if (db.isOpen()) db.close({ disableAutoOpen: false });
  await db.open();
}

/** Makes `db.transaction(…)` retry once on a new connection when the old one was lost. */
export function retryTransactionsOnConnectionLoss(db: Dexie): void {
  const run = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  const retrying = (...args: unknown[]): Promise<unknown> => {
    // A nested transaction is part of its parent: the parent's retry covers it.
    if (Dexie.currentTransaction) return run(...args);
    return run(...args).catch(async (error: unknown) => {
      if (!isConnectionLost(error)) throw error;
      console.warn('IndexedDB connection lost; reopening and retrying once', error);
      await reopen(db);
      return run(...args);
    });
  };
  db.transaction = retrying as Dexie['transaction'];
}
