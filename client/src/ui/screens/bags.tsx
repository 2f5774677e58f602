import type { JSX } from 'preact';
import type { BagItem } from '../../data/index.js';
import { bags, now } from '../app-state.js';
import { CoverThumb } from '../components/photo-thumb.js';
import {
  coffeeLeft,
  coffeeLeftWords,
  daysOffRoastAt,
  daysOffRoastWords,
} from '../logic/bag-freshness.js';
import { calendarDate } from '../logic/format.js';
import { syncView } from '../sync-state.js';

function BagRow({ bag, nowMs, signedIn }: { bag: BagItem; nowMs: number; signedIn: boolean }) {
  const days = daysOffRoastAt(bag.roastDate, nowMs);
  const left = coffeeLeft(bag);
  return (
    <li>
      <a class="bag-item" href={`#/bag/${bag.id}`} data-bag={bag.id}>
        <CoverThumb ownerId={bag.id} />
        <strong>{bag.name}</strong>
        <span class="muted">
          {[bag.roaster, bag.origin].filter(Boolean).join(' · ') || 'No roaster yet'}
        </span>
        <span class="brew-meta">
          <span>
            {bag.brewCount} {bag.brewCount === 1 ? 'brew' : 'brews'}
          </span>
          {bag.roastDate ? (
            <span>
              roasted {calendarDate(bag.roastDate)}
              {days === null ? '' : ` · ${daysOffRoastWords(days)}`}
            </span>
          ) : (
            <span>no roast date</span>
          )}
          {left === null ? null : <span>{coffeeLeftWords(left)}</span>}
          {/* Without an account nothing is sent: the brew list says so once. */}
          {signedIn && bag.unsynced ? <span class="chip chip-unsynced">↻ Unsynced</span> : null}
        </span>
      </a>
    </li>
  );
}

/** Bags: active first, archived below (folded). */
export function Bags(): JSX.Element {
  const all = bags.value;
  if (all === null) return <p class="muted">Loading…</p>;
  const active = all.filter((b) => !b.archived);
  const archived = all.filter((b) => b.archived);
  const { signedIn } = syncView.value;
  return (
    <div>
      <div class="screen-head">
        <h1>Bags</h1>
        <a class="btn btn-primary" href="#/bag-new">
          + Add a bag
        </a>
      </div>
      {active.length === 0 ? (
        <div class="empty card">
          <p>No open bags. Add the coffee you are brewing.</p>
        </div>
      ) : (
        <ul class="list">
          {active.map((b) => (
            <BagRow key={b.id} bag={b} nowMs={now.value} signedIn={signedIn} />
          ))}
        </ul>
      )}
      {archived.length > 0 ? (
        <details class="card" style={{ marginTop: '16px' }}>
          <summary class="label" style={{ minHeight: 'var(--tap)', alignContent: 'center' }}>
            Archived ({archived.length})
          </summary>
          <ul class="list" style={{ marginTop: '8px' }}>
            {archived.map((b) => (
              <BagRow key={b.id} bag={b} nowMs={now.value} signedIn={signedIn} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
