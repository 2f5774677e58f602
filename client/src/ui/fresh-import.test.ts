import { describe, expect, it } from 'vitest';
import { failedModuleUrl, namespaceWith } from './fresh-import.js';

const origin = 'http://127.0.0.1:4123';

describe('failedModuleUrl', () => {
  it("reads the chunk Firefox's failed import() names", () => {
    const error = new TypeError(
      `error loading dynamically imported module: ${origin}/assets/later-aWPE-3gr.js`,
    );
    expect(failedModuleUrl(error, origin)).toBe(`${origin}/assets/later-aWPE-3gr.js`);
  });

  it("reads Chromium's wording too, and stops at the URL's end", () => {
    const error = new TypeError(
      `Failed to fetch dynamically imported module: ${origin}/assets/later-x.js?v=1`,
    );
    expect(failedModuleUrl(error, origin)).toBe(`${origin}/assets/later-x.js`);
  });

  it("names nothing when the engine's message has no URL (WebKit)", () => {
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'), origin)).toBeNull();
  });

  it('never names a module of another origin', () => {
    const error = new TypeError(
      'error loading dynamically imported module: https://cdn.example/assets/x.js',
    );
    expect(failedModuleUrl(error, origin)).toBeNull();
  });
});

describe('namespaceWith', () => {
  it("finds the source module's namespace among a bundled chunk's exports", () => {
    const sync = { SyncEngine: class {} };
    expect(namespaceWith({ a: { BagForm: 1 }, s: sync }, 'SyncEngine')).toBe(sync);
  });

  it('takes the chunk itself when it is the module (development)', () => {
    const chunk = { SyncEngine: class {} };
    expect(namespaceWith(chunk, 'SyncEngine')).toBe(chunk);
  });

  it('is null when no export has the name', () => {
    expect(namespaceWith({ a: { BagForm: 1 } }, 'SyncEngine')).toBeNull();
  });
});
