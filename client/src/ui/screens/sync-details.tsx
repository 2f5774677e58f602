import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { now } from '../app-state.js';
import { ago, plural } from '../logic/format.js';
import { syncProblem } from '../logic/sync-words.js';
import { syncNow, syncView } from '../sync-state.js';
import { RejectedList } from './rejected-list.js';

/** A clock ticking every second while a retry is counted down (the app's `now` ticks slower). */
function useSecondClock(on: boolean): number {
  const [ms, setMs] = useState(Date.now());
  useEffect(() => {
    if (!on) return;
    setMs(Date.now());
    const timer = setInterval(() => setMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return ms;
}

/** Sync on the Account screen: state, last sync, what waits, what went wrong in words. */
export function SyncDetails(): JSX.Element {
  const view = syncView.value;
  const problem = view.state === 'error' && view.lastError !== null ? view.lastError : null;
  const clock = useSecondClock(problem !== null && view.retryAt !== null);
  const state =
    view.state === 'offline'
      ? 'Offline'
      : view.state === 'syncing'
        ? 'Syncing…'
        : view.state === 'error'
          ? 'Not synced'
          : 'Up to date';
  return (
    <section class="card stack" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <dl class="kv">
        <dt>Status</dt>
        <dd data-testid="sync-state">{view.signedIn ? state : 'This device only (no account)'}</dd>
        <dt>Last synced</dt>
        <dd>{view.lastSyncedAt ? ago(view.lastSyncedAt, now.value) : 'never'}</dd>
        <dt>Waiting to send</dt>
        <dd data-testid="sync-pending">
          {view.pending === 0 ? 'Nothing' : plural(view.pending, 'change')}
        </dd>
      </dl>
      {problem && view.signedIn ? (
        <div class="banner banner-danger stack" role="status">
          <p data-testid="sync-problem">
            {syncProblem(
              problem,
              view.pending,
              view.retryAt === null ? null : Math.max(0, (view.retryAt - clock) / 1000),
            )}
          </p>
          <button type="button" class="btn" onClick={syncNow}>
            Retry now
          </button>
        </div>
      ) : null}
      {view.signedIn ? (
        <div class="btn-row">
          <button type="button" class="btn" disabled={view.state === 'syncing'} onClick={syncNow}>
            Sync now
          </button>
        </div>
      ) : null}
      <RejectedList />
    </section>
  );
}
