import {
  BREW_METHODS,
  type BrewMethod,
  TASTES,
  type Taste,
} from '../../../../shared/model/entities.js';
import { type BrewFilter, NO_FILTER } from './brew-search.js';

/**
 * A brew filter in the URL's query (`#/history?q=guji&method=espresso&rating=4`), so reload,
 * back and forward keep it. `coffee` is the bag: History's own `?bag=` already means "this
 * bag's overwritten values". A value that is not a valid filter is ignored, never an error:
 * an old or hand-edited link still opens.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

export function filterFromParams(params: URLSearchParams): BrewFilter {
  const rating = Number(params.get('rating'));
  const day = (name: string) => {
    const v = params.get(name);
    return v !== null && DAY.test(v) ? v : null;
  };
  return {
    text: params.get('q') ?? '',
    bagId: params.get('coffee') || null,
    method: oneOf<BrewMethod>(BREW_METHODS, params.get('method')),
    grinder: params.get('grinder') || null,
    minRating: params.has('rating') && rating > 0 && rating <= 5 ? rating : null,
    taste: oneOf<Taste>(TASTES, params.get('taste')),
    from: day('from'),
    to: day('to'),
  };
}

/** The query for a filter: only what is set, in a fixed order. */
export function filterToParams(filter: BrewFilter): URLSearchParams {
  const out = new URLSearchParams();
  if (filter.text !== NO_FILTER.text) out.set('q', filter.text);
  if (filter.bagId) out.set('coffee', filter.bagId);
  if (filter.method) out.set('method', filter.method);
  if (filter.grinder) out.set('grinder', filter.grinder);
  if (filter.minRating !== null) out.set('rating', String(filter.minRating));
  if (filter.taste) out.set('taste', filter.taste);
  if (filter.from) out.set('from', filter.from);
  if (filter.to) out.set('to', filter.to);
  return out;
}
