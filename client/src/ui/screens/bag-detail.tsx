import { Fragment, type JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { splitTags } from '../../../../shared/model/tags.js';
import {
  type BagItem,
  brewsOfBag,
  deleteBag,
  recipesOfBag,
  restoreBag,
  updateBag,
} from '../../data/index.js';
import { bags, db, now } from '../app-state.js';
import { BrewList } from '../components/brew-list.js';
import { DialInChart } from '../components/dial-in-chart.js';
import { HintCard } from '../components/hint-card.js';
import { PhotoStrip } from '../components/photo-strip.js';
import { TargetCard } from '../components/target-card.js';
import { deviceSettings } from '../device-settings.js';
import { liveSignal } from '../live-signal.js';
import {
  coffeeLeft,
  coffeeLeftWords,
  daysOffRoastAt,
  daysOffRoastWords,
} from '../logic/bag-freshness.js';
import { bestRecentBrew } from '../logic/best-brew.js';
import { formatPrice, localeCurrency } from '../logic/currency.js';
import { calendarDate, grams, METHOD_LABELS, ROAST_LABELS } from '../logic/format.js';
import { navigate } from '../router.js';
import { syncView } from '../sync-state.js';
import { showToast } from '../toast-state.js';

/** Everything entered about a bag, each under its label; nothing left out. */
function BagFacts({ bag, nowMs }: { bag: BagItem; nowMs: number }): JSX.Element {
  const days = daysOffRoastAt(bag.roastDate, nowMs);
  const left = coffeeLeft(bag);
  const facts: [string, string][] = [];
  if (bag.roaster) facts.push(['Roaster', bag.roaster]);
  const place = [bag.origin, bag.region, bag.farm].filter(Boolean).join(' · ');
  if (place) facts.push(['Origin', place]);
  if (bag.process) facts.push(['Process', bag.process]);
  if (bag.variety) facts.push(['Variety', bag.variety]);
  facts.push(['Roast level', bag.roastLevel ? ROAST_LABELS[bag.roastLevel] : 'Not set']);
  facts.push([
    'Roasted',
    bag.roastDate
      ? `${calendarDate(bag.roastDate)}${days === null ? '' : ` · ${daysOffRoastWords(days)}`}`
      : 'Not set',
  ]);
  if (bag.openedDate) facts.push(['Opened', calendarDate(bag.openedDate)]);
  if (bag.weightG !== null) facts.push(['Weight', grams(bag.weightG)]);
  if (left !== null) facts.push(['Coffee left', coffeeLeftWords(left)]);
  if (bag.price != null) {
    const currency = deviceSettings.value.currency ?? localeCurrency(navigator.language);
    facts.push(['Price', formatPrice(bag.price, currency)]);
  }
  const flavours = splitTags(bag.flavourNotes);
  if (flavours.length > 0) facts.push(['Flavours', flavours.join(', ')]);
  if (bag.decaf) facts.push(['Decaf', 'Yes']);
  if (bag.rating != null) facts.push(['Rating', `★ ${bag.rating} of 5`]);
  if (bag.notes) facts.push(['Notes', bag.notes]);
  if (bag.archived) facts.push(['Status', 'Archived']);
  return (
    <dl class="kv bag-facts" data-testid="bag-facts">
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** One bag: what it is, how it is dialling in (chart + hint), and its brews. */
export function BagDetail({ id }: { id: string }): JSX.Element {
  const bagBrews = useMemo(() => liveSignal(() => brewsOfBag(db, id), null), [id]);
  const targets = useMemo(() => liveSignal(() => recipesOfBag(db, id), []), [id]);
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
  const best = bestRecentBrew(list);

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
      <div class="stack">
        <h1>{bag.name}</h1>
        <BagFacts bag={bag} nowMs={now.value} />
        <div class="btn-row">
          <a class="btn btn-primary" href={`#/log?bag=${id}&method=${method}`}>
            + Log a brew
          </a>
          {best ? (
            <a
              class="btn"
              href={`#/log?repeat=${best.id}`}
              aria-label={`Repeat best: ${METHOD_LABELS[best.method ?? 'other']}, rated ${best.rating}`}
            >
              Repeat best ★ {best.rating}
            </a>
          ) : null}
        </div>
        <div class="btn-row">
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
          <a class="btn" href={`#/history?bag=${id}`}>
            History of this bag
          </a>
        </div>
      </div>

      <PhotoStrip kind="bag" ownerId={id} label={bag.name} />

      <DialInChart brews={list} method={method} onMethodChange={setPicked} />

      <TargetCard bagId={id} targets={targets.value} method={method} />

      <HintCard
        method={method}
        brews={list}
        target={targets.value.find((t) => t.method === method)}
      />

      <section aria-labelledby="bag-brews-title">
        <h2 id="bag-brews-title">
          {list.length} {list.length === 1 ? 'brew' : 'brews'}
        </h2>
        {list.length === 0 ? (
          <p class="muted">No brews of this bag yet.</p>
        ) : (
          <BrewList
            brews={list}
            now={now.value}
            showBag={false}
            signedIn={syncView.value.signedIn}
            unit={deviceSettings.value.temperatureUnit}
            hourCycle={deviceSettings.value.hourCycle}
          />
        )}
      </section>

      {/* Delete is far from Archive, at the end, where no tap meant for Archive lands. */}
      <section class="card danger-zone" aria-labelledby="bag-delete-title">
        <h2 id="bag-delete-title">Delete this bag</h2>
        <p class="muted">It goes to History, where it can be restored; its brews stay.</p>
        <button type="button" class="btn btn-danger" onClick={() => void remove()}>
          Delete bag
        </button>
      </section>
    </div>
  );
}
