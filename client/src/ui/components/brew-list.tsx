import { Component, type JSX } from 'preact';
import { brewRatio, formatRatio, isFilter } from '../../../../shared/model/ratio.js';
import type { BrewItem } from '../../data/index.js';
import type { DeviceSettings } from '../device-settings.js';
import {
  clockTime,
  dayLabel,
  formatTime,
  grams,
  localDay,
  METHOD_LABELS,
} from '../logic/format.js';
import { formatTemperature } from '../logic/temperature.js';
import { Icon } from './icons.js';
import { CoverThumb } from './photo-thumb.js';
import { tasteLabel } from './taste-buttons.js';

const TASTE_COLOR = {
  sour: 'var(--sour)',
  balanced: 'var(--balanced)',
  bitter: 'var(--bitter)',
} as const;

/** How the rows are drawn: the device's units and clock, and whether there is a server. */
export interface RowLook {
  showBag: boolean;
  /** Without an account nothing is sent, so "unsynced" on each row would only be noise. */
  signedIn: boolean;
  unit: DeviceSettings['temperatureUnit'];
  hourCycle: DeviceSettings['hourCycle'];
  /**
   * Whether rows name their grinder: only when the list holds brews of more than one. With one
   * grinder its name on every row says nothing and costs a row a third line, and a phone's
   * screen six brews.
   */
  showGrinder: boolean;
}

interface RowProps extends RowLook {
  brew: BrewItem;
}

const LOOK_KEYS = ['showBag', 'signedIn', 'unit', 'hourCycle', 'showGrinder'] as const;

/**
 * A row re-renders only when its brew object or the look changes: saving one brew then
 * touches one row, not the whole list (the live query hands back new objects only when it
 * re-runs).
 */
class MemoRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.brew !== this.props.brew || LOOK_KEYS.some((k) => next[k] !== this.props[k]);
  }
  override render(props: RowProps) {
    return <BrewRow {...props} />;
  }
}

/** The server's verdict on the row, when there is a server to have one. */
function SyncMark({ brew, signedIn }: { brew: BrewItem; signedIn: boolean }) {
  if (brew.rejected) return <span class="chip chip-rejected">Rejected by server</span>;
  if (!signedIn || !brew.unsynced) return null;
  return (
    <span class="chip chip-unsynced" data-unsynced="true" title="Not on the server yet">
      ↻ Unsynced
    </span>
  );
}

/**
 * One brew in a few short lines: the coffee, then the ratio, recipe, verdict and time. Repeat
 * is an icon at the side, so the name keeps the width.
 */
export function BrewRow({ brew, showBag, signedIn, unit, hourCycle, showGrinder }: RowProps) {
  const out = isFilter(brew.method) ? (brew.waterG ?? brew.yieldG) : brew.yieldG;
  const method = METHOD_LABELS[brew.method ?? 'other'];
  const title = showBag ? (brew.bag?.name ?? 'Unknown coffee') : method;
  const time = brew.brewedAt ? Date.parse(brew.brewedAt) : null;
  // A rating of 0 is the slider's start, not a verdict: it is not shown.
  const rated = brew.rating !== null && brew.rating > 0;
  return (
    <li class="brew-item" data-brew={brew.id}>
      <a class="brew-link" href={`#/brew/${brew.id}`}>
        <CoverThumb ownerId={brew.id} />
        <span class="brew-title">{title}</span>
        <span class="brew-meta">
          <span class="brew-ratio">{formatRatio(brewRatio(brew))}</span>
          {showBag && brew.method ? <span>{method}</span> : null}
          {brew.grindSetting ? <span>grind {brew.grindSetting}</span> : null}
          {showGrinder && brew.grinderName ? <span>{brew.grinderName}</span> : null}
          <span>
            {grams(brew.doseG)} → {grams(out)}
          </span>
          {brew.timeS !== null ? <span>{formatTime(brew.timeS)}</span> : null}
          {brew.tempC !== null ? <span>{formatTemperature(brew.tempC, unit)}</span> : null}
          {brew.taste ? (
            <span class="brew-taste">
              <span class="chip-dot" style={{ background: TASTE_COLOR[brew.taste] }} />
              {tasteLabel(brew.taste)}
            </span>
          ) : null}
          {rated ? (
            <span>
              <span aria-hidden="true">★</span>
              <span class="visually-hidden">rated</span> {brew.rating}
            </span>
          ) : null}
          {time !== null ? <span>{clockTime(time, hourCycle)}</span> : null}
          <SyncMark brew={brew} signedIn={signedIn} />
        </span>
      </a>
      {brew.method ? (
        <a
          class="brew-repeat"
          href={`#/log?repeat=${brew.id}`}
          aria-label={`Repeat ${title}${showBag ? `, ${method}` : ''}, ${tasteLabel(brew.taste)}`}
        >
          <Icon name="repeat" />
        </a>
      ) : null}
    </li>
  );
}

function moreThanOneGrinder(brews: readonly BrewItem[]): boolean {
  let first: string | null = null;
  for (const { grinderName } of brews) {
    if (!grinderName) continue;
    if (first === null) first = grinderName;
    else if (grinderName !== first) return true;
  }
  return false;
}

/**
 * Brews grouped by local day, newest first. Without an account, one line says nothing is
 * backed up, instead of a mark on every row.
 */
export function BrewList(
  props: { brews: readonly BrewItem[]; now: number } & Omit<RowLook, 'showBag' | 'showGrinder'> & {
      showBag?: boolean;
    },
): JSX.Element {
  const look: RowLook = {
    showBag: props.showBag ?? true,
    signedIn: props.signedIn,
    unit: props.unit,
    hourCycle: props.hourCycle,
    showGrinder: moreThanOneGrinder(props.brews),
  };
  const groups: { day: string; items: BrewItem[] }[] = [];
  for (const brew of props.brews) {
    const day = brew.brewedAt ? localDay(Date.parse(brew.brewedAt)) : 'unknown';
    const group = groups[groups.length - 1];
    if (group && group.day === day) group.items.push(brew);
    else groups.push({ day, items: [brew] });
  }
  const sections: JSX.Element[] = groups.map((g) => {
    const label = g.day === 'unknown' ? 'Undated' : dayLabel(g.day, props.now);
    return (
      <section key={g.day} aria-label={label}>
        <h2 class="day-title">{label}</h2>
        <ul class="list brew-rows">
          {g.items.map((b) => (
            <MemoRow key={b.id} brew={b} {...look} />
          ))}
        </ul>
      </section>
    );
  });
  return (
    <div class="brew-list">
      {props.signedIn || props.brews.length === 0 ? null : (
        <a class="backup-line" href="#/account">
          Not backed up — sign up to sync
        </a>
      )}
      {sections}
    </div>
  );
}
