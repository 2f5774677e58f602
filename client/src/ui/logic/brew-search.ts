import type { BrewMethod, Taste } from '../../../../shared/model/entities.js';

/**
 * Searching and filtering brews, pure. The screen builds a `SearchIndex` once per set of
 * brews (the live query's answer) and runs `searchBrews` on every keystroke: the per-brew
 * work that does not depend on the query (folding case and accents, parsing the date) is done
 * once, in the index, so a keystroke is one loop of substring tests over prepared strings.
 */

/** What a brew must hold for the search; `BrewItem` fits. */
export interface SearchableBrew {
  id: string;
  bagId: string;
  method: BrewMethod | null;
  grinder: string | null;
  /** The grinder's name by its row, when the brew names one (BrewItem has it). */
  grinderName?: string | null;
  taste: Taste | null;
  rating: number | null;
  notes: string | null;
  brewedAt: string | null;
  bag: { name: string; roaster: string | null } | null;
}

/** The filters a person can set. Every one is optional; an empty filter keeps every brew. */
export interface BrewFilter {
  /** Words that must each appear in the notes, the bag's name or its roaster. */
  text: string;
  bagId: string | null;
  method: BrewMethod | null;
  /** A grinder's key (`grinderOf`). */
  grinder: string | null;
  /** At least this rating (a rating of 0 is no rating, and never passes). */
  minRating: number | null;
  taste: Taste | null;
  /** Local calendar days, YYYY-MM-DD, both inclusive. */
  from: string | null;
  to: string | null;
}

export const NO_FILTER: BrewFilter = {
  text: '',
  bagId: null,
  method: null,
  grinder: null,
  minRating: null,
  taste: null,
  from: null,
  to: null,
};

/** Lower case without accents: "Éthiopie" → "ethiopie", so é finds e and e finds é. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query's words, folded; blank words are dropped. */
export function queryWords(text: string): string[] {
  return fold(text).split(/\s+/).filter(Boolean);
}

/**
 * Which grinder a brew was ground on, as a key and the words shown for it: the grinder row's
 * name when the brew names one, else the free text of a brew from before gear. The key is the
 * name folded ("Niche zero" = "niche Zero"), so an old brew's typed name and the grinder row
 * of the same name filter together.
 */
export function grinderOf(brew: Pick<SearchableBrew, 'grinder' | 'grinderName'>): {
  key: string;
  label: string;
} | null {
  const label = (brew.grinderName ?? brew.grinder)?.trim() ?? '';
  return label === '' ? null : { key: fold(label), label };
}

/** The brews prepared for searching, in the order given (newest first, as listed). */
export interface SearchIndex<B extends SearchableBrew> {
  brews: readonly B[];
  /** Per brew: notes, bag name and roaster, folded, one string. */
  text: readonly string[];
  /** Per brew: its local calendar day (YYYY-MM-DD), '' without a time. */
  day: readonly string[];
  grinder: readonly (string | null)[];
}

/** The local calendar day of an instant, as YYYY-MM-DD. */
function localDayOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function buildSearchIndex<B extends SearchableBrew>(brews: readonly B[]): SearchIndex<B> {
  // Bags are few and brews many: each bag's words are folded once.
  const bagText = new Map<string, string>();
  const text: string[] = new Array(brews.length);
  const day: string[] = new Array(brews.length);
  const grinder: (string | null)[] = new Array(brews.length);
  for (let i = 0; i < brews.length; i++) {
    const b = brews[i] as B;
    let bag = bagText.get(b.bagId);
    if (bag === undefined) {
      bag = b.bag ? fold(`${b.bag.name}\n${b.bag.roaster ?? ''}`) : '';
      bagText.set(b.bagId, bag);
    }
    text[i] = b.notes ? `${fold(b.notes)}\n${bag}` : bag;
    day[i] = b.brewedAt ? localDayOf(Date.parse(b.brewedAt)) : '';
    grinder[i] = grinderOf(b)?.key ?? null;
  }
  return { brews, text, day, grinder };
}

/** Whether a filter keeps every brew. */
export function isEmptyFilter(f: BrewFilter): boolean {
  return (
    queryWords(f.text).length === 0 &&
    f.bagId === null &&
    f.method === null &&
    f.grinder === null &&
    f.minRating === null &&
    f.taste === null &&
    f.from === null &&
    f.to === null
  );
}

/** The positions (in `index.brews`) of the brews the filter keeps, in order. */
export function searchBrews<B extends SearchableBrew>(
  index: SearchIndex<B>,
  filter: BrewFilter,
  within?: readonly number[],
): number[] {
  const words = queryWords(filter.text);
  const { brews, text, day, grinder } = index;
  const keep = (i: number): boolean => {
    const b = brews[i] as B;
    if (filter.bagId !== null && b.bagId !== filter.bagId) return false;
    if (filter.method !== null && b.method !== filter.method) return false;
    if (filter.taste !== null && b.taste !== filter.taste) return false;
    if (filter.grinder !== null && grinder[i] !== filter.grinder) return false;
    if (
      filter.minRating !== null &&
      !(b.rating !== null && b.rating > 0 && b.rating >= filter.minRating)
    )
      return false;
    const d = day[i] as string;
    if (filter.from !== null && (d === '' || d < filter.from)) return false;
    if (filter.to !== null && (d === '' || d > filter.to)) return false;
    const t = text[i] as string;
    for (const w of words) if (!t.includes(w)) return false;
    return true;
  };
  const out: number[] = [];
  if (within) {
    for (const i of within) if (keep(i)) out.push(i);
  } else {
    for (let i = 0; i < brews.length; i++) if (keep(i)) out.push(i);
  }
  return out;
}

/**
 * Whether every brew `next` keeps is also kept by `prev`: then `next` needs to look only at
 * `prev`'s matches. True when only the text changed and every word of the old query is still
 * inside some word of the new one (typing on: "gu" → "guj", "guji" → "guji h").
 */
export function narrows(prev: BrewFilter, next: BrewFilter): boolean {
  const same = (Object.keys(NO_FILTER) as (keyof BrewFilter)[]).every(
    (k) => k === 'text' || prev[k] === next[k],
  );
  if (!same) return false;
  const newWords = queryWords(next.text);
  return queryWords(prev.text).every((w) => newWords.some((n) => n.includes(w)));
}

/**
 * A search that remembers its last answer, so typing one more letter filters the last
 * matches rather than every brew. A new index (the brews changed) starts afresh.
 */
export function incrementalSearch<B extends SearchableBrew>() {
  let last: { index: SearchIndex<B>; filter: BrewFilter; matches: number[] } | null = null;
  return (index: SearchIndex<B>, filter: BrewFilter): number[] => {
    const within =
      last !== null && last.index === index && narrows(last.filter, filter)
        ? last.matches
        : undefined;
    const matches = searchBrews(index, filter, within);
    last = { index, filter, matches };
    return matches;
  };
}

/** The grinders the brews name, each once (by key), in the words first seen, sorted. */
export function grindersIn(brews: readonly Pick<SearchableBrew, 'grinder' | 'grinderName'>[]): {
  key: string;
  label: string;
}[] {
  const seen = new Map<string, string>();
  for (const b of brews) {
    const g = grinderOf(b);
    if (g !== null && !seen.has(g.key)) seen.set(g.key, g.label);
  }
  return [...seen]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
