import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseHash } from './router.js';
import { HOME, ROUTES, routeFor, TABS } from './routes.js';

describe('ROUTES', () => {
  it('shows each hash on the screen and tab it always had', () => {
    const cases: [string, string, string][] = [
      ['', '', 'today'],
      ['#/', '', 'today'],
      ['#/log?bag=abc&method=espresso', 'log', 'log'],
      ['#/brew/123?retry=m1', 'brew/:id', 'today'],
      ['#/brew', '', 'today'],
      ['#/bags', 'bags', 'bags'],
      ['#/bag/123', 'bag/:id', 'bags'],
      ['#/bag', 'bags', 'bags'],
      ['#/bag-new', 'bag-new', 'bags'],
      ['#/bag-edit/123', 'bag-edit/:id', 'bags'],
      ['#/bag-edit', 'bags', 'bags'],
      ['#/account', 'account', 'account'],
      ['#/settings', 'settings', 'settings'],
      ['#/history', 'history', 'settings'],
      ['#/no-such-screen', '', 'today'],
    ];
    const shown = cases.map(([hash]) => {
      const entry = routeFor(parseHash(hash));
      return [hash, entry.path, entry.tab];
    });
    expect(shown).toEqual(cases);
    expect(routeFor(parseHash('#/nope'))).toBe(HOME);
  });

  it('puts the five tabs in the bar, in order, each linking to its first route', () => {
    expect(TABS.map((t) => [t.nav, t.path, t.tab])).toEqual([
      ['Brews', '', 'today'],
      ['Log', 'log', 'log'],
      ['Bags', 'bags', 'bags'],
      ['Account', 'account', 'account'],
      ['Settings', 'settings', 'settings'],
    ]);
    for (const tab of TABS) expect(ROUTES.find((r) => r.tab === tab.tab)).toBe(tab);
  });

  it('keeps only the first paint in the start-up JS (Log a brew is its own chunk), and marks the forms', () => {
    const lazy = (path: string) => 'preload' in (ROUTES.find((r) => r.path === path)?.screen ?? {});
    expect(ROUTES.filter((r) => !lazy(r.path)).map((r) => r.path)).toEqual(['', 'bags']);
    expect(ROUTES.filter((r) => r.form).map((r) => r.path)).toEqual([
      'brew/:id',
      'log',
      'bag-new',
      'bag-edit/:id',
    ]);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
  });
});
