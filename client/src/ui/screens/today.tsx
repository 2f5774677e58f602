import type { JSX } from 'preact';
import { brews, now } from '../app-state.js';
import { BrewList } from '../components/brew-list.js';

/** Today / brews: the newest brews, grouped by day. */
export function Today(): JSX.Element {
  const list = brews.value;
  return (
    <div>
      <div class="screen-head">
        <h1>Brews</h1>
        <a class="btn btn-primary" href="#/log">
          + Log a brew
        </a>
      </div>
      {list === null ? (
        <p class="muted">Loading…</p>
      ) : list.length === 0 ? (
        <div class="empty card">
          <p>No brews yet. Pull a shot, then log it here — it works offline.</p>
          <a class="btn btn-primary btn-big" href="#/log">
            Log your first brew
          </a>
        </div>
      ) : (
        <BrewList brews={list} now={now.value} />
      )}
    </div>
  );
}
