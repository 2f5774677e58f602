import type { Table } from 'dexie';
import type { DialInDb } from '../data/db.js';

/** Minimal Web Locks surface (navigator.locks), present in pages and service workers. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

/**
 * The Web Lock one syncing context holds. Its value never changes between versions, so a tab
 * still on the previous version and a new one exclude each other during an app update.
 */
export const SYNC_LOCK = 'dial-in-sync';
/** How long a fallback lease is honoured if its holder dies without releasing it. */
export const LEASE_MS = 2 * 60 * 1000;
const LEASE_KEY = 'sync-lease';

interface Lease {
  key: typeof LEASE_KEY;
  owner: string;
  until: number;
}

/**
 * Runs `task` only if no other context (tab or service worker) is syncing; returns
 * `{skipped: true}` otherwise — the other context's changes reach this one through Dexie's
 * live queries, so waiting would only repeat its work.
 *
 * With Web Locks the browser releases the lock when a holder dies. Without them (older
 * Safari), a lease row in the `meta` table, taken in a transaction and renewed while the task
 * runs, does the same job; a crashed holder's lease expires after LEASE_MS.
 */
export async function withSyncLock<T>(
  db: DialInDb,
  locks: LockManagerLike | undefined,
  task: () => Promise<T>,
): Promise<{ skipped: true } | { skipped: false; value: T }> {
  if (locks !== undefined) {
    return locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) =>
      lock === null ? { skipped: true as const } : { skipped: false as const, value: await task() },
    );
  }
  const owner = crypto.randomUUID();
  const leases = db.meta as unknown as Table<Lease, string>;
  const taken = await db.transaction('rw', db.meta, async () => {
    const current = await leases.get(LEASE_KEY);
    if (current !== undefined && current.until > db.now()) return false;
    await leases.put({ key: LEASE_KEY, owner, until: db.now() + LEASE_MS });
    return true;
  });
  if (!taken) return { skipped: true };
  // A long pull (a first log-in on a slow phone) keeps its lease while it runs.
  const renew = setInterval(() => {
    void db
      .transaction('rw', db.meta, async () => {
        if ((await leases.get(LEASE_KEY))?.owner !== owner) return;
        await leases.put({ key: LEASE_KEY, owner, until: db.now() + LEASE_MS });
      })
      .catch(() => undefined);
  }, LEASE_MS / 3);
  try {
    return { skipped: false, value: await task() };
  } finally {
    clearInterval(renew);
    await db.transaction('rw', db.meta, async () => {
      if ((await leases.get(LEASE_KEY))?.owner === owner) await leases.delete(LEASE_KEY);
    });
  }
}
