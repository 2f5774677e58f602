import { signal } from '@preact/signals';
import type { DialInDb } from '../data/db.js';

/** How long opening IndexedDB may take before the app says so (it is ~20 ms normally). */
const SLOW_OPEN_MS = 4_000;

/**
 * Whether the page's database opened. An `indexedDB.open` can hang (WebKit after its storage
 * process was lost; another tab blocking an upgrade) or fail (storage disabled, a broken
 * profile); then every screen would sit empty with no word of why. 'slow' and 'failed' put a
 * banner up; it goes away by itself once the database opens.
 */
export const storageProblem = signal<{ kind: 'slow' | 'failed'; detail: string } | null>(null);

export function watchStorageOpen(db: DialInDb, slowMs = SLOW_OPEN_MS): void {
  let settled = false;
  const slow = setTimeout(() => {
    if (!settled) storageProblem.value = { kind: 'slow', detail: '' };
  }, slowMs);
  db.open().then(
    () => {
      settled = true;
      clearTimeout(slow);
      storageProblem.value = null;
    },
    (error: unknown) => {
      settled = true;
      clearTimeout(slow);
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      storageProblem.value = { kind: 'failed', detail };
    },
  );
}
