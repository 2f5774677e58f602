import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVICE_SETTINGS_KEY, parseSettings } from './device-settings.js';

/** index.html's inline script: the theme before the first paint, ahead of the start-up script. */
const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');

/** `data-theme` as the script leaves it on <html>, with `stored` under the settings key. */
function themeAfterScript(stored: string | null, storageThrows = false): string | undefined {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new DOMException('blocked', 'SecurityError');
      return key === DEVICE_SETTINGS_KEY ? stored : null;
    },
  };
  new Function('localStorage', 'document', scripts[0] ?? '')(localStorage, {
    documentElement: { dataset },
  });
  return dataset.theme;
}

describe("index.html's first-paint theme", () => {
  it('is one inline script', () => {
    expect(scripts).toHaveLength(1);
  });

  it.each([
    ['forced dark', '{"theme":"dark","temperatureUnit":"F"}'],
    ['forced light', '{"theme":"light"}'],
    ['system', '{"theme":"system"}'],
    ['nothing stored', null],
    ['an unknown theme', '{"theme":"neon"}'],
    ['damaged settings', '{not json'],
    ['a stored non-object', '3'],
    ['a stored null', 'null'],
  ])('agrees with the settings the app reads: %s', (_name, stored) => {
    const { theme } = parseSettings(stored);
    expect(themeAfterScript(stored)).toBe(theme === 'system' ? undefined : theme);
  });

  it('leaves the system scheme when storage is blocked', () => {
    expect(themeAfterScript('{"theme":"dark"}', true)).toBeUndefined();
  });
});
