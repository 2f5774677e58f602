import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * base.css states the dark tokens twice (system dark, forced dark): CSS has no way to say
 * "this media query, or this attribute" in one rule. These checks keep the copies one theme.
 */
const css = readFileSync(new URL('./base.css', import.meta.url), 'utf8');

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function tokens(selector: string): Map<string, string> {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`base.css has no rule for ${selector}`);
  const body = css.slice(at + selector.length + 2, css.indexOf('}', at));
  const found = new Map<string, string>();
  for (const [, name, value] of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
    if (name && value) found.set(name, value.trim());
  }
  return found;
}

describe('the themes in base.css', () => {
  const systemDark = tokens(':root:not([data-theme="light"])');
  const forcedDark = tokens(':root[data-theme="dark"]');

  it('forced dark sets the same tokens to the same values as the system dark theme', () => {
    expect(systemDark.size).toBeGreaterThan(10);
    expect(Object.fromEntries(forcedDark)).toEqual(Object.fromEntries(systemDark));
  });

  it('every dark token has a light value, so a forced light theme leaves nothing dark', () => {
    const light = tokens(':root');
    expect([...systemDark.keys()].filter((name) => !light.has(name))).toEqual([]);
  });
});
