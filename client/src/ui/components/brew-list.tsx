import { Component, type JSX } from 'preact';
import { brewRatio, formatRatio, isFilter } from '../../../../shared/model/ratio.js';
import type { BrewItem } from '../../data/index.js';
import {
  clockTime,
  dayLabel,
  formatTime,
  grams,
  localDay,
  METHOD_LABELS,
} from '../logic/format.js';
import { tasteLabel } from './taste-buttons.js';

const TASTE_COLOR = {
  sour: 'var(--sour)',
  balanced: 'var(--balanced)',
  bitter: 'var(--bitter)',
} as const;

interface RowProps {
  brew: BrewItem;
  showBag?: boolean;
}

/**
 * A row re-renders only when its brew object changes: saving one brew then touches one row,
 * not the whole list (the live query hands back new objects only when it re-runs).
 */
class MemoRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.brew !== this.props.brew || next.showBag !== this.props.showBag;
  }
  override render(props: RowProps) {
    return <BrewRow {...props} />;
  }
}

/** One brew: the recipe in one line, the verdict, and a mark while it has not synced. */
export function BrewRow({ brew, showBag = true }: RowProps) {
  const out = isFilter(brew.method) ? (brew.waterG ?? brew.yieldG) : brew.yieldG;
  const title = showBag
    ? (brew.bag?.name ?? 'Unknown coffee')
    : METHOD_LABELS[brew.method ?? 'other'];
  const time = brew.brewedAt ? Date.parse(brew.brewedAt) : null;
  return (
    <li class="brew-item" data-brew={brew.id}>
      <a class="brew-link" href={`#/brew/${brew.id}`}>
        <span class="brew-title">{title}</span>
        <span class="brew-ratio">{formatRatio(brewRatio(brew))}</span>
        <span class="brew-meta">
          {showBag && brew.method ? <span>{METHOD_LABELS[brew.method]}</span> : null}
          {brew.grindSetting ? <span>grind {brew.grindSetting}</span> : null}
          <span>
            {grams(brew.doseG)} → {grams(out)}
          </span>
          {brew.timeS !== null ? <span>{formatTime(brew.timeS)}</span> : null}
          {time !== null ? <span>{clockTime(time)}</span> : null}
        </span>
        <span class="brew-meta">
          <span class="chip">
            {brew.taste ? (
              <span class="chip-dot" style={{ background: TASTE_COLOR[brew.taste] }} />
            ) : null}
            {tasteLabel(brew.taste)}
          </span>
          {brew.rating !== null ? (
            <span class="chip">
              <span aria-hidden="true">★</span>
              <span class="visually-hidden">rated</span> {brew.rating}
            </span>
          ) : null}
          {brew.rejected ? (
            <span class="chip chip-rejected">Rejected by server</span>
          ) : brew.unsynced ? (
            <span class="chip chip-unsynced" data-unsynced="true" title="Not on the server yet">
              ↻ Unsynced
            </span>
          ) : null}
        </span>
      </a>
      {brew.method ? (
        <a
          class="btn brew-repeat"
          href={`#/log?repeat=${brew.id}`}
          aria-label={`Repeat ${title}, ${tasteLabel(brew.taste)}`}
        >
          Repeat
        </a>
      ) : null}
    </li>
  );
}

/** Brews grouped by local day, newest first. */
export function BrewList(props: { brews: readonly BrewItem[]; now: number; showBag?: boolean }) {
  const groups: { day: string; items: BrewItem[] }[] = [];
  for (const brew of props.brews) {
    const day = brew.brewedAt ? localDay(Date.parse(brew.brewedAt)) : 'unknown';
    const group = groups[groups.length - 1];
    if (group && group.day === day) group.items.push(brew);
    else groups.push({ day, items: [brew] });
  }
  const sections: JSX.Element[] = groups.map((g) => (
    <section key={g.day} aria-label={g.day === 'unknown' ? 'Undated' : dayLabel(g.day, props.now)}>
      <h2 class="day-title">{g.day === 'unknown' ? 'Undated' : dayLabel(g.day, props.now)}</h2>
      <ul class="list">
        {g.items.map((b) => (
          <MemoRow key={b.id} brew={b} showBag={props.showBag ?? true} />
        ))}
      </ul>
    </section>
  ));
  return <div class="brew-list">{sections}</div>;
}
