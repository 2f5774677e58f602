import type { JSX } from 'preact';
import { now } from '../app-state.js';
import { ago, count } from '../logic/format.js';
import { syncNow, syncStatus } from '../sync-state.js';
import { RejectedList } from './rejected-list.js';

/** Sync on the Account screen: state, last sync, what waits, and the changes refused. */
export function SyncDetails(): JSX.Element {
  const s = syncStatus.value;
  const state =
    s.state === 'offline'
      ? 'Offline'
      : s.state === 'syncing'
        ? 'Syncing…'
        : s.state === 'error'
          ? 'Error'
          : 'Up to date';
  return (
    <section class="card stack" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <dl class="kv">
        <dt>Status</dt>
        <dd data-testid="sync-state">{s.accountId ? state : 'This device only (no account)'}</dd>
        <dt>Last synced</dt>
        <dd>{s.lastSyncedAt ? ago(s.lastSyncedAt, now.value) : 'never'}</dd>
        <dt>Waiting to send</dt>
        <dd>{count(s.pending)}</dd>
        {s.lastError && s.state === 'error' ? (
          <>
            <dt>Last error</dt>
            <dd>{s.lastError.message}</dd>
          </>
        ) : null}
      </dl>
      {s.accountId ? (
        <div class="btn-row">
          <button type="button" class="btn" disabled={s.state === 'syncing'} onClick={syncNow}>
            Sync now
          </button>
        </div>
      ) : null}
      <RejectedList />
    </section>
  );
}
