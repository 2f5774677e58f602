import { describe, expect, it } from 'vitest';
import { type InstallFacts, installBranch, offersCard } from './install-branch.js';

const tab: InstallFacts = { canPrompt: false, standalone: false, engine: 'other', touch: false };

describe('installBranch', () => {
  it('offers the browser prompt wherever the event was captured', () => {
    expect(installBranch({ ...tab, canPrompt: true })).toBe('prompt');
    expect(installBranch({ ...tab, canPrompt: true, touch: true })).toBe('prompt');
    // A browser that fires the event wins over what its engine would otherwise get.
    expect(installBranch({ ...tab, canPrompt: true, engine: 'gecko' })).toBe('prompt');
  });

  it('shows nothing once running installed, whatever else holds', () => {
    for (const engine of ['webkit', 'gecko', 'other'] as const) {
      for (const canPrompt of [true, false]) {
        for (const touch of [true, false]) {
          expect(installBranch({ canPrompt, standalone: true, engine, touch })).toBe('none');
        }
      }
    }
  });

  it('gives WebKit the Share steps, on a phone and on a computer', () => {
    expect(installBranch({ ...tab, engine: 'webkit', touch: true })).toBe('share-steps');
    expect(installBranch({ ...tab, engine: 'webkit' })).toBe('share-steps');
  });

  it('tells Firefox for Android its menu, and Firefox on a computer that it cannot', () => {
    expect(installBranch({ ...tab, engine: 'gecko', touch: true })).toBe('firefox-menu');
    expect(installBranch({ ...tab, engine: 'gecko' })).toBe('firefox-desktop');
  });

  it('says nothing in a Chromium that did not offer installing', () => {
    expect(installBranch(tab)).toBe('none');
    expect(installBranch({ ...tab, touch: true })).toBe('none');
  });
});

describe('offersCard', () => {
  it('shows the after-third-brew card only where the person can install', () => {
    expect(offersCard('prompt')).toBe(true);
    expect(offersCard('share-steps')).toBe(true);
    expect(offersCard('firefox-menu')).toBe(true);
    expect(offersCard('firefox-desktop')).toBe(false);
    expect(offersCard('none')).toBe(false);
  });
});
