import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import {
  BREW_METHODS,
  type BrewMethod,
  TASTES,
  type Taste,
} from '../../../../shared/model/entities.js';
import type { BrewFilter } from '../logic/brew-search.js';
import { METHOD_LABELS } from '../logic/format.js';
import { tasteLabel } from './taste-buttons.js';

/** A choice of a select: the value kept in the filter and the words shown. */
export interface Option {
  value: string;
  label: string;
}

const RATINGS = [1, 2, 3, 3.5, 4, 4.5, 5];

/** How many filters other than the text are set, for the disclosure's summary. */
export function setFilters(f: BrewFilter): number {
  return [f.bagId, f.method, f.grinder, f.minRating, f.taste, f.from, f.to].filter(
    (v) => v !== null,
  ).length;
}

function Select(props: {
  id: string;
  label: string;
  value: string | null;
  options: readonly Option[];
  onChange: (value: string | null) => void;
}): JSX.Element {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        class="input"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}
      >
        <option value="">Any</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: {
  id: string;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}): JSX.Element {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        class="input"
        type="date"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}
      />
    </div>
  );
}

/**
 * The search box and, folded under "Filters", one select per field: coffee, method, grinder,
 * rating at least, taste, and a date range. Every change hands back the whole new filter.
 */
export function BrewFilters(props: {
  filter: BrewFilter;
  bags: readonly Option[];
  grinders: readonly Option[];
  onChange: (next: BrewFilter) => void;
}): JSX.Element {
  const { filter } = props;
  const set = <K extends keyof BrewFilter>(key: K, value: BrewFilter[K]) =>
    props.onChange({ ...filter, [key]: value });
  const on = setFilters(filter);
  // Open at first when the URL brought filters; after that only the person opens or closes
  // it (setting the last filter back to Any must not fold the selects away under the finger).
  const [open, setOpen] = useState(on > 0);
  return (
    <div class="brew-filters">
      <div class="field">
        <label for="search-text">Search brews</label>
        <input
          id="search-text"
          class="input"
          type="search"
          placeholder="Notes, coffee or roaster"
          autocomplete="off"
          value={filter.text}
          onInput={(e) => set('text', e.currentTarget.value)}
        />
      </div>
      <details
        class="filter-box"
        open={open}
        onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{on > 0 ? `Filters (${on} on)` : 'Filters'}</summary>
        <div class="filter-grid">
          <Select
            id="filter-coffee"
            label="Coffee"
            value={filter.bagId}
            options={props.bags}
            onChange={(v) => set('bagId', v)}
          />
          <Select
            id="filter-method"
            label="Method"
            value={filter.method}
            options={BREW_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
            onChange={(v) => set('method', v as BrewMethod | null)}
          />
          <Select
            id="filter-grinder"
            label="Grinder"
            value={filter.grinder}
            options={props.grinders}
            onChange={(v) => set('grinder', v)}
          />
          <Select
            id="filter-rating"
            label="Rating at least"
            value={filter.minRating === null ? null : String(filter.minRating)}
            options={RATINGS.map((r) => ({ value: String(r), label: `★ ${r}` }))}
            onChange={(v) => set('minRating', v === null ? null : Number(v))}
          />
          <Select
            id="filter-taste"
            label="Taste"
            value={filter.taste}
            options={TASTES.map((t) => ({ value: t, label: tasteLabel(t) }))}
            onChange={(v) => set('taste', v as Taste | null)}
          />
          <span />
          <DateField
            id="filter-from"
            label="From"
            value={filter.from}
            onChange={(v) => set('from', v)}
          />
          <DateField id="filter-to" label="To" value={filter.to} onChange={(v) => set('to', v)} />
        </div>
      </details>
    </div>
  );
}
