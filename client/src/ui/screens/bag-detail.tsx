import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { brewsOfBag, deleteBag, restoreBag, updateBag } from '../../data/index.js';
import { bags, db, now } from '../app-state.js';
import { BrewList } from '../components/brew-list.js';
import { DialInChart } from '../components/dial-in-chart.js';
import { HintCard } from '../components/hint-card.js';
import { liveSignal } from '../live-signal.js';
import { daysSince } from '../logic/format.js';
import { navigate } from '../router.js';
import { showToast } from '../toast-state.js';

/** One bag: what it is, how it is dialling in (chart + hint), and its brews. */
export function BagDetail({ id }: { id: string }): JSX.Element {
  const bagBrews = useMemo(() => liveSignal(() => brewsOfBag(db, id), null), [id]);
  const [picked, setPicked] = useState<BrewMethod | null>(null);
  const all = bags.value;
  const list = bagBrews.value;
  if (all === null || list === null) return <p class="muted">Loading…</p>;
  const bag = all.find((b) => b.id === id);
  if (!bag) {
    return (
      <div class="empty card">
        <p>This bag is not here: it was deleted, or it belongs to another account.</p>
        <a class="btn" href="#/history">
          Deleted items
        </a>
      </div>
    );
  }
  const methods = [
    ...new Set(list.map((b) => b.method).filter((m): m is BrewMethod => m !== null)),
  ];
  const method = picked && methods.includes(picked) ? picked : (methods[0] ?? 'espresso');
  const days = daysSince(bag.roastDate, now.value);

  async function remove() {
    await deleteBag(db, id);
    navigate('#/bags');
    showToast(`Deleted “${bag?.name}”`, {
      label: 'Undo',
      run: () => {
        void restoreBag(db, id).then(() => navigate(`#/bag/${id}`));
      },
    });
  }

  return (
    <div class="stack">
      <div>
        <h1>{bag.name}</h1>
        <p class="muted">
          {[bag.roaster, bag.origin, bag.roastLevel].filter(Boolean).join(' · ')}
          {bag.roastDate ? ` · roasted ${bag.roastDate} (${days} days ago)` : ''}
          {bag.archived ? ' · archived' : ''}
        </p>
        <div class="btn-row">
          <a class="btn btn-primary" href={`#/log?bag=${id}&method=${method}`}>
            + Log a brew
          </a>
          <a class="btn" href={`#/bag-edit/${id}`}>
            Edit
          </a>
          <button
            type="button"
            class="btn"
            onClick={() => void updateBag(db, id, { archived: !bag.archived })}
          >
            {bag.archived ? 'Unarchive' : 'Archive'}
          </button>
          <button type="button" class="btn btn-danger" onClick={() => void remove()}>
            Delete
          </button>
        </div>
      </div>

      <DialInChart brews={list} method={method} onMethodChange={setPicked} />

      <HintCard method={method} brews={list} />

      <section aria-labelledby="bag-brews-title">
        <h2 id="bag-brews-title">
          {list.length} {list.length === 1 ? 'brew' : 'brews'}
        </h2>
        {list.length === 0 ? (
          <p class="muted">No brews of this bag yet.</p>
        ) : (
          <BrewList brews={list} now={now.value} showBag={false} />
        )}
      </section>
    </div>
  );
}
