import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { BrewItem } from '../../data/index.js';
import { everyBrew, now } from '../app-state.js';
import { BarChart } from '../components/bar-chart.js';
import { DriftChart } from '../components/drift-chart.js';
import { RankChart } from '../components/rank-chart.js';
import { StatCard } from '../components/stat-card.js';
import { dateTime, grams, METHOD_LABELS, plural } from '../logic/format.js';
import {
  averageRatingBy,
  bestBrews,
  type GroupAverage,
  type Grouping,
  grindDrift,
  ratingByRoastAge,
  weeklyTotals,
  weekOf,
} from '../logic/stats.js';
import '../../styles/stats.css';

const WEEKS = 12;
const RANKED = 6;
const WEEK_LABEL = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** A week's Monday (YYYY-MM-DD, local) as "16 Nov". */
function weekLabel(monday: string): string {
  const [y, m, d] = monday.split('-').map(Number);
  return WEEK_LABEL.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function Weekly({ brews, nowMs }: { brews: readonly BrewItem[]; nowMs: number }): JSX.Element {
  // Recounted when the brews change or a new week starts, not on every tick of the clock.
  const thisWeek = weekOf(nowMs);
  const weeks = useMemo(() => weeklyTotals(brews, nowMs, WEEKS), [brews, thisWeek]);
  const empty = weeks.every((w) => w.brews === 0) ? `No brews in the last ${WEEKS} weeks.` : null;
  const rows = weeks.map((w) => [`week of ${weekLabel(w.week)}`, w.brews, grams(w.doseG)]);
  const table = { caption: 'Brews and coffee per week', head: ['Week', 'Brews', 'Coffee'], rows };
  return (
    <>
      <StatCard id="per-week" title="Brews per week" empty={empty} table={table}>
        <BarChart
          label={`Brews per week, the last ${WEEKS} weeks`}
          values={weeks.map((w) => ({ label: weekLabel(w.week), value: w.brews }))}
          labelEvery={3}
        />
      </StatCard>
      <StatCard id="coffee-week" title="Coffee used per week (g)" empty={empty} table={table}>
        <BarChart
          label={`Grams of coffee per week, the last ${WEEKS} weeks`}
          values={weeks.map((w) => ({ label: weekLabel(w.week), value: w.doseG }))}
          labelEvery={3}
        />
      </StatCard>
    </>
  );
}

const GROUP_TITLES: Record<Grouping, string> = {
  bag: 'Average rating by coffee',
  origin: 'Average rating by origin',
  process: 'Average rating by process',
};

function Ranked({ by, brews }: { by: Grouping; brews: readonly BrewItem[] }): JSX.Element {
  const groups: GroupAverage[] = useMemo(() => averageRatingBy(brews, by), [brews, by]);
  const empty =
    groups.length === 0
      ? by === 'bag'
        ? 'Rate your brews to see which coffees you like best.'
        : `Rate brews of bags with ${by === 'origin' ? 'an origin' : 'a process'} to compare them.`
      : null;
  const table = {
    caption: GROUP_TITLES[by],
    head: [by === 'bag' ? 'Coffee' : by === 'origin' ? 'Origin' : 'Process', 'Average', 'Rated'],
    rows: groups.map((g) => [g.label, g.average, g.rated]),
  };
  return (
    <StatCard id={`by-${by}`} title={GROUP_TITLES[by]} empty={empty} table={table}>
      <RankChart
        label={`${GROUP_TITLES[by]}, out of 5, best first`}
        rows={groups
          .slice(0, RANKED)
          .map((g) => ({ key: g.key, label: g.label, value: g.average }))}
        top={5}
      />
      {groups.length > RANKED ? (
        <p class="muted">
          The best {RANKED} of {groups.length}; the table has them all.
        </p>
      ) : null}
    </StatCard>
  );
}

/** Bags with grind settings on at least two days, the bag of the newest brew first. */
function driftBags(brews: readonly BrewItem[]): { id: string; name: string }[] {
  const seen = new Map<string, { name: string; days: Set<string> }>();
  for (const b of brews) {
    if (!b.grindSetting?.trim() || !b.brewedAt || b.bag === null) continue;
    let entry = seen.get(b.bagId);
    if (!entry) {
      entry = { name: b.bag.name, days: new Set() };
      seen.set(b.bagId, entry);
    }
    entry.days.add(b.brewedAt.slice(0, 10));
  }
  return [...seen].filter(([, e]) => e.days.size >= 2).map(([id, e]) => ({ id, name: e.name }));
}

function Drift({ brews }: { brews: readonly BrewItem[] }): JSX.Element {
  const choices = useMemo(() => driftBags(brews), [brews]);
  const [picked, setPicked] = useState<string | null>(null);
  const bagId = choices.some((c) => c.id === picked) ? picked : (choices[0]?.id ?? null);
  const drift = useMemo(() => (bagId ? grindDrift(brews, bagId) : null), [brews, bagId]);
  const empty =
    drift === null || drift.points.length < 2
      ? 'Log a bag’s brews with a grind setting on two days or more to see its grind drift.'
      : null;
  const table = {
    caption: 'Grind setting by day',
    head: [drift?.fromRoast === false ? 'Day since first brew' : 'Day off roast', 'Grind', 'Brews'],
    rows: (drift?.points ?? []).map((p) => [p.day, p.grind, p.brews]),
  };
  const control =
    choices.length > 1 ? (
      <select
        class="input"
        aria-label="Coffee for the grind drift"
        value={bagId ?? ''}
        onChange={(e) => setPicked(e.currentTarget.value)}
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    ) : null;
  return (
    <StatCard
      id="drift"
      title="Grind as the bag ages"
      control={control}
      empty={empty}
      table={table}
    >
      {drift ? (
        <>
          <DriftChart drift={drift} />
          <p class="muted">
            {drift.method ? `${METHOD_LABELS[drift.method]} brews` : 'Brews'} of{' '}
            {choices.find((c) => c.id === bagId)?.name}, finer at the bottom.
          </p>
        </>
      ) : null}
    </StatCard>
  );
}

function RoastAge({ brews }: { brews: readonly BrewItem[] }): JSX.Element {
  const buckets = useMemo(() => ratingByRoastAge(brews), [brews]);
  const span = (b: { from: number; to: number | null }) =>
    b.to === null ? `${b.from}+` : `${b.from}–${b.to}`;
  const empty = buckets.every((b) => b.rated === 0)
    ? 'Rate brews of bags with a roast date to see how rating follows the days off roast.'
    : null;
  const table = {
    caption: 'Average rating by days off roast',
    head: ['Days off roast', 'Average', 'Rated'],
    rows: buckets.map((b) => [span(b), b.average ?? '–', b.rated]),
  };
  return (
    <StatCard id="roast-age" title="Rating by days off roast" empty={empty} table={table}>
      <BarChart
        label="Average rating, out of 5, by days off roast"
        values={buckets.map((b) => ({ label: span(b), value: b.average }))}
        top={5}
      />
    </StatCard>
  );
}

function Best({ brews, nowMs }: { brews: readonly BrewItem[]; nowMs: number }): JSX.Element {
  const best = useMemo(() => bestBrews(brews, 5), [brews]);
  return (
    <section class="card" aria-labelledby="best-title" data-stat="best">
      <h2 id="best-title">Best brews</h2>
      {best.length === 0 ? (
        <p class="muted">Rate a brew and the best ones appear here.</p>
      ) : (
        <ol class="best-list">
          {best.map((b) => (
            <li key={b.id}>
              <a href={`#/brew/${b.id}`}>
                ★ {b.rating} — {b.bag?.name ?? 'Unknown coffee'},{' '}
                {METHOD_LABELS[b.method ?? 'other'].toLowerCase()}
                {b.grindSetting ? `, grind ${b.grindSetting}` : ''}
              </a>{' '}
              <span class="muted">{b.brewedAt ? dateTime(Date.parse(b.brewedAt), nowMs) : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Statistics of every brew on the device: brews and coffee per week, average rating by
 * coffee, origin and process, a bag's grind drift as it ages, the best brews, and rating by
 * days off roast. Each chart's numbers are also a table; with too little data a card says
 * what it needs.
 */
export function Statistics(): JSX.Element {
  const list = everyBrew.value;
  const nowMs = now.value;
  if (list === null) {
    return (
      <div class="stack">
        <h1>Statistics</h1>
        <p class="muted">Loading…</p>
      </div>
    );
  }
  return (
    <div class="stack stats">
      <div class="screen-head">
        <h1>Statistics</h1>
        <a class="btn" href="#/history">
          Search brews
        </a>
      </div>
      <p class="muted" data-testid="stats-total">
        From {plural(list.length, 'brew')} on this device.
      </p>
      {list.length === 0 ? (
        <div class="empty card">
          <p>No brews yet: the statistics start with the first one.</p>
          <a class="btn btn-primary" href="#/log">
            Log a brew
          </a>
        </div>
      ) : (
        <>
          <Weekly brews={list} nowMs={nowMs} />
          <Best brews={list} nowMs={nowMs} />
          <Ranked by="bag" brews={list} />
          <Ranked by="origin" brews={list} />
          <Ranked by="process" brews={list} />
          <Drift brews={list} />
          <RoastAge brews={list} />
        </>
      )}
    </div>
  );
}
