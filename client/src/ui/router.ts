import { batch, signal } from '@preact/signals';

/**
 * Hash routing: `#/bags/<id>?x=y`. No router dependency; every screen is one segment plus an
 * optional id, and the hash survives reloads and works from the offline shell.
 */
export interface Route {
  /** The hash it was parsed from. */
  raw: string;
  /** First path segment: '' (today), 'log', 'bags', 'bag', 'brew', 'account', … */
  name: string;
  id: string | null;
  params: URLSearchParams;
}

/**
 * What every screen is given: the id of a route whose path ends in `/:id` ('' on any other
 * route) and the query (`?retry=…`, `?bag=…&method=…`).
 */
export interface ScreenProps {
  id: string;
  params: URLSearchParams;
}

/**
 * Whether a route pattern matches: its first segment is the route's name, and a pattern that
 * ends in `/:id` needs an id. Any other segment is ignored, as it always was.
 */
export function matches(pattern: string, at: Route): boolean {
  const [name, param] = pattern.split('/');
  return name === at.name && (param === undefined || at.id !== null);
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  const [name = '', id] = path.split('/').filter(Boolean);
  return {
    raw: hash,
    name,
    id: id ? decodeURIComponent(id) : null,
    params: new URLSearchParams(query),
  };
}

export const route = signal<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

/**
 * The route just left, still mounted (hidden) until after the next paint: tearing down a big
 * form is then not part of the frame that shows the next screen (a saved brew in the list).
 */
export const leaving = signal<Route | null>(null);

function show(next: Route): void {
  batch(() => {
    leaving.value = route.value;
    route.value = next;
  });
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (leaving.value !== null && leaving.value !== route.value) leaving.value = null;
    }),
  );
}

export function startRouter(): void {
  window.addEventListener('hashchange', () => {
    // navigate() already showed this route; only a change from outside (back, a link) is new.
    if (route.value.raw === location.hash) return;
    show(parseHash(location.hash));
    // A new screen starts at its top, and focus moves to it for screen-reader users.
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#main')?.focus({ preventScroll: true });
  });
}

/**
 * Shows a route now, in this task, rather than after the asynchronous `hashchange`: a saved
 * brew appears in the list in the same frame as the tap.
 */
export function navigate(hash: string): void {
  show(parseHash(hash));
  if (location.hash !== hash) location.hash = hash;
  window.scrollTo(0, 0);
}
