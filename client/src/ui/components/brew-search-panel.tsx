import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { bags, everyBrew, now } from '../app-state.js';
import { deviceSettings } from '../device-settings.js';
import { filterFromParams, filterToParams } from '../logic/brew-filter-params.js';
import {
  type BrewFilter,
  buildSearchIndex,
  grindersIn,
  incrementalSearch,
  isEmptyFilter,
  NO_FILTER,
} from '../logic/brew-search.js';
import { count, plural } from '../logic/format.js';
import { syncView } from '../sync-state.js';
import { BrewFilters } from './brew-filters.js';
import { BrewList } from './brew-list.js';
import '../../styles/search.css';

/** Rows drawn per page of results: a screenful and more, cheap to draw on every keystroke. */
const PAGE = 40;

/**
 * Keeps the filter in the URL without a navigation: the router would mount the screen afresh
 * for a new hash (and take the focus from the search box on every letter). Replacing the
 * entry rather than pushing one keeps Back meaning "the screen before", while reload, and
 * Back from a brew opened from the results, come back to the same filter.
 */
function writeToUrl(filter: BrewFilter): void {
  const query = filterToParams(filter).toString();
  history.replaceState(history.state, '', `#/history${query ? `?${query}` : ''}`);
}

/**
 * Search and filter every brew on the device. The index (folded text, local days) is built
 * once per answer of the live query; a keystroke filters it (only the last matches, while
 * typing on) and draws the first PAGE matches, so the time per letter barely grows with the
 * number of brews.
 */
export function BrewSearchPanel({ params }: { params: URLSearchParams }): JSX.Element {
  const [filter, setFilter] = useState<BrewFilter>(() => filterFromParams(params));
  const [shown, setShown] = useState(PAGE);
  const list = everyBrew.value;
  const index = useMemo(() => buildSearchIndex(list ?? []), [list]);
  const search = useMemo(() => incrementalSearch<(typeof index.brews)[number]>(), []);
  const matches = useMemo(() => search(index, filter), [index, filter]);
  const bagOptions = useMemo(
    () =>
      (bags.value ?? []).map((b) => ({
        value: b.id,
        label: b.archived ? `${b.name} (archived)` : b.name,
      })),
    [bags.value],
  );
  const grinders = useMemo(
    () => grindersIn(index.brews).map((g) => ({ value: g.key, label: g.label })),
    [index],
  );
  const change = (next: BrewFilter) => {
    setFilter(next);
    setShown(PAGE);
    writeToUrl(next);
  };
  const filtered = !isEmptyFilter(filter);
  const total = index.brews.length;
  return (
    <section class="card brew-search" aria-labelledby="search-title">
      <h2 id="search-title">Find brews</h2>
      <BrewFilters filter={filter} bags={bagOptions} grinders={grinders} onChange={change} />
      <div class="screen-head search-count">
        <p role="status" data-testid="search-count">
          {list === null
            ? 'Loading brews…'
            : filtered
              ? `${count(matches.length)} of ${plural(total, 'brew')}`
              : plural(total, 'brew')}
        </p>
        {filtered ? (
          <button type="button" class="btn btn-ghost" onClick={() => change(NO_FILTER)}>
            Clear filters
          </button>
        ) : null}
      </div>
      {filtered && list !== null ? (
        matches.length === 0 ? (
          <p class="muted">No brew matches. Try fewer words, or clear a filter.</p>
        ) : (
          <>
            <BrewList
              brews={matches
                .slice(0, shown)
                .map((i) => index.brews[i] as (typeof index.brews)[number])}
              now={now.value}
              signedIn={syncView.value.signedIn}
              unit={deviceSettings.value.temperatureUnit}
              hourCycle={deviceSettings.value.hourCycle}
            />
            {matches.length > shown ? (
              <button type="button" class="btn search-more" onClick={() => setShown(shown + PAGE)}>
                Show more ({count(matches.length - shown)} left)
              </button>
            ) : null}
          </>
        )
      ) : null}
      <p class="muted">
        <a class="btn btn-ghost" href="#/stats">
          Statistics of all your brews
        </a>
      </p>
    </section>
  );
}
