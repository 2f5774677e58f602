import type { JSX } from 'preact';
import { restoreBag, restoreBrew, restoreFromHistory } from '../../data/index.js';
import { bags, db, deleted, history, now } from '../app-state.js';
import { FIELD_LABELS } from '../logic/brew-draft.js';
import { ago, METHOD_LABELS } from '../logic/format.js';
import { showToast } from '../toast-state.js';

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '(empty)' : String(v));

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
function OverwrittenSection(): JSX.Element {
  const entries = history.value;
  return (
    <section class="card" aria-labelledby="over-title">
      <h2 id="over-title">Changed on another device</h2>
      {entries.length === 0 ? (
        <p class="muted">No values were overwritten by another device.</p>
      ) : (
        <ul class="list">
          {entries.map((h) => (
            <li key={h.id} class="stack" style={{ gap: '4px' }}>
              <span>
                {h.entity === 'bag' ? 'Bag' : 'Brew'} {FIELD_LABELS[h.field] ?? h.field}:{' '}
                <strong>{shown(h.value)}</strong> → {shown(h.byValue)}{' '}
                <span class="muted">({ago(h.at, now.value)})</span>
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
                  Restore {shown(h.value)}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Deleted bags and brews, and values another device overwrote — each with Restore. */
export function History(): JSX.Element {
  return (
    <div class="stack">
      <h1>History</h1>
      <DeletedSection />
      <OverwrittenSection />
    </div>
  );
}
