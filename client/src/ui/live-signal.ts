import { type ReadonlySignal, signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { noteContentShown } from './first-content.js';

/**
 * A Dexie live query as a signal. The query runs (and re-runs whenever the tables it read
 * change, in this tab or another) only while something watches the signal: a component
 * rendering `.value`, or an effect. Until the first result arrives the value is `initial`.
 * A failing query keeps the last value and logs the error.
 *
 *   const brews = liveSignal(() => recentBrews(db), []);
 *   …in a component: brews.value.map(…)
 */
export function liveSignal<T>(query: () => T | Promise<T>, initial: T): ReadonlySignal<T> {
  let subscription: { unsubscribe(): void } | null = null;
  const result = signal<T>(initial, {
    watched() {
      subscription = liveQuery(query).subscribe({
        next: (value) => {
          result.value = value;
          noteContentShown();
        },
        error: (error: unknown) => console.error('live query failed', error),
      });
    },
    unwatched() {
      subscription?.unsubscribe();
      subscription = null;
    },
  });
  return result;
}
