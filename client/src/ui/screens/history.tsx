import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  type HistoryFilter,
  type HistoryRow,
  historyRows,
  restoreBag,
  restoreBrew,
  restoreFromHistory,
} from '../../data/index.js';
import { bags, db, deleted, now } from '../app-state.js';
import { BrewSearchPanel } from '../components/brew-search-panel.js';
import { deviceSettings } from '../device-settings.js';
import { liveSignal } from '../live-signal.js';
import { FIELD_LABELS } from '../logic/brew-draft.js';
import { ago, bagLabel, dateTime, METHOD_LABELS } from '../logic/format.js';
import { formatTemperature } from '../logic/temperature.js';
import type { ScreenProps } from '../router.js';
import { showToast } from '../toast-state.js';

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '(empty)' : String(v));

/** A value as the brew screen shows it: a temperature in the device's unit. */
function shownValue(field: string, v: unknown): string {
  return field === 'tempC' && typeof v === 'number'
    ? formatTemperature(v, deviceSettings.value.temperatureUnit)
    : shown(v);
}

/** "Espresso of Guji, 3 Dec 08:14" or "Bag Guji": which row an entry is about, and when. */
function rowName({ entry, brew, bag }: HistoryRow, nowMs: number): string {
  const bagName = bag?.name ?? 'a bag no longer here';
  if (entry.entity === 'bag') return `Bag ${bagName}`;
  if (entry.entity === 'grinder') return 'A grinder';
  if (entry.entity === 'brewer') return 'A brewer';
  if (brew === null) return 'A brew no longer here';
  const what = `${METHOD_LABELS[brew.method ?? 'other']} of ${bagName}`;
  return brew.brewedAt ? `${what}, ${dateTime(Date.parse(brew.brewedAt), nowMs)}` : what;
}

/** "Grind 15 → 16": the field under its label, the value lost and the one that won. */
function change({ entry }: HistoryRow): JSX.Element {
  const label =
    entry.entity === 'bag' ? bagLabel(entry.field) : (FIELD_LABELS[entry.field] ?? 'A value');
  return (
    <>
      {label} <strong>{shownValue(entry.field, entry.value)}</strong> →{' '}
      {shownValue(entry.field, entry.byValue)}
    </>
  );
}

/** The filter a history link asks for: `?brew=<id>`, `?bag=<id>`, or none. */
function filterOf(params: URLSearchParams): HistoryFilter {
  const brew = params.get('brew');
  if (brew) return { brew };
  const bag = params.get('bag');
  return bag ? { bag } : null;
}

/** Deleted bags and brews, each with Restore. */
function DeletedSection(): JSX.Element {
  const { bags: gone, brews: goneBrews } = deleted.value;
  const names = new Map([...(bags.value ?? []), ...gone].map((b) => [b.id, b.name]));
  return (
    <section class="card" aria-labelledby="deleted-title">
      <h2 id="deleted-title">Deleted</h2>
      {gone.length + goneBrews.length === 0 ? (
        <p class="muted">Nothing deleted.</p>
      ) : (
        <ul class="list">
          {gone.map((b) => (
            <li key={b.id} class="screen-head" style={{ margin: 0 }}>
              <span>
                Bag <strong>{b.name}</strong>
              </span>
              <button
                type="button"
                class="btn"
                onClick={() =>
                  void restoreBag(db, b.id).then(() => showToast(`Restored “${b.name}”`))
                }
              >
                Restore
              </button>
            </li>
          ))}
          {goneBrews.map((b) => (
            <li key={b.id} class="screen-head" style={{ margin: 0 }}>
              <span>
                {METHOD_LABELS[b.method ?? 'other']} of{' '}
                <strong>{names.get(b.bagId) ?? 'a bag'}</strong>
                {b.grindSetting ? `, grind ${b.grindSetting}` : ''}
              </span>
              <button
                type="button"
                class="btn"
                aria-label={`Restore brew of ${names.get(b.bagId) ?? 'a bag'}`}
                onClick={() => void restoreBrew(db, b.id).then(() => showToast('Brew restored'))}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Values another device overwrote, each with Restore. */
function OverwrittenSection({ filter }: { filter: HistoryFilter }): JSX.Element {
  // The filter is a new object each render; its JSON is what says whether it changed.
  const key = filter === null ? '' : JSON.stringify(filter);
  const rows = useMemo(() => liveSignal(() => historyRows(db, filter), null), [key]);
  const entries = rows.value;
  return (
    <section class="card" aria-labelledby="over-title">
      <h2 id="over-title">Changed on another device</h2>
      {entries === null ? (
        <p class="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p class="muted">No values were overwritten by another device.</p>
      ) : (
        <ul class="list">
          {entries.map((row) => {
            const h = row.entry;
            return (
              <li key={h.id} class="stack" style={{ gap: '4px' }}>
                <span>
                  {rowName(row, now.value)} — {change(row)}{' '}
                  <span class="muted">(seen {ago(h.at, now.value)})</span>
                </span>
                <div>
                  <button
                    type="button"
                    class="btn"
                    onClick={() =>
                      h.id !== undefined &&
                      void restoreFromHistory(db, h.id).then(() => showToast('Value restored'))
                    }
                  >
                    Restore {shownValue(h.field, h.value)}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * Every brew, searched and filtered (the filter in the query: brew-filter-params.ts); deleted
 * bags and brews, and values another device overwrote — each with Restore. From a brew's or a
 * bag's screen (`?brew=` / `?bag=`), only that row's history.
 */
export function History({ params }: ScreenProps): JSX.Element {
  const filter = filterOf(params);
  if (filter === null) {
    return (
      <div class="stack">
        <h1>History</h1>
        <BrewSearchPanel params={params} />
        <DeletedSection />
        <OverwrittenSection filter={null} />
      </div>
    );
  }
  const name =
    'bag' in filter ? (bags.value?.find((b) => b.id === filter.bag)?.name ?? 'a bag') : null;
  return (
    <div class="stack">
      <h1>{name === null ? 'History of this brew' : `History of ${name}`}</h1>
      <OverwrittenSection filter={filter} />
      <a class="btn" href="#/history">
        All history
      </a>
    </div>
  );
}
