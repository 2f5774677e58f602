import { signal } from '@preact/signals';

/**
 * Hash routing: `#/bags/<id>?x=y`. No router dependency; every screen is one segment plus an
 * optional id, and the hash survives reloads and works from the offline shell.
 */
export interface Route {
  /** First path segment: '' (today), 'log', 'bags', 'bag', 'brew', 'account', … */
  name: string;
  id: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  const [name = '', id] = path.split('/').filter(Boolean);
  return { name, id: id ? decodeURIComponent(id) : null, params: new URLSearchParams(query) };
}

export const route = signal<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

export function startRouter(): void {
  window.addEventListener('hashchange', () => {
    route.value = parseHash(location.hash);
    // A new screen starts at its top, and focus moves to it for screen-reader users.
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#main')?.focus({ preventScroll: true });
  });
}

export function navigate(hash: string): void {
  if (location.hash === hash) route.value = parseHash(hash);
  else location.hash = hash;
}
