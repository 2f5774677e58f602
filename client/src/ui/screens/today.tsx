import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { listedBrews, now } from '../app-state.js';
import { BrewList } from '../components/brew-list.js';
import { deviceSettings } from '../device-settings.js';
import { InstallCard } from '../install/install-card.js';
import { syncView } from '../sync-state.js';

/** Rows drawn at first: a screenful and more, cheap enough to draw in the frame of a save. */
const PAGE = 40;

/** Today / brews: the newest brews, grouped by day. */
export function Today(): JSX.Element {
  const [shown, setShown] = useState(PAGE);
  const list = listedBrews.value;
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
        <>
          <InstallCard />
          <BrewList
            brews={list.slice(0, shown)}
            now={now.value}
            signedIn={syncView.value.signedIn}
            unit={deviceSettings.value.temperatureUnit}
            hourCycle={deviceSettings.value.hourCycle}
          />
          {list.length > shown ? (
            <button
              type="button"
              class="btn"
              style={{ width: '100%', marginTop: '12px' }}
              onClick={() => setShown(shown + PAGE)}
            >
              Show older brews
            </button>
          ) : null}
          {/* Below the list: six brews still fit a phone's first screen above them. */}
          <nav class="btn-row today-links" aria-label="Your brews">
            <a class="btn btn-ghost" href="#/history">
              Search brews
            </a>
            <a class="btn btn-ghost" href="#/stats">
              Statistics
            </a>
          </nav>
        </>
      )}
    </div>
  );
}
