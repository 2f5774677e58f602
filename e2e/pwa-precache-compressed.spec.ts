import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';
import { repoRoot } from './support/package-scripts.js';
import { openControlledApp } from './support/pwa.js';

/**
 * The server sends the build's brotli/gzip siblings to the browser; the service worker's
 * precache fetches through the same server, so what it stored must be the decoded files, byte
 * for byte, or an offline start would run garbage.
 */
test('the precache holds the built files, decoded, after they came compressed', async ({
  device,
}) => {
  const { page } = device;
  const encodings = new Map<string, string>();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    encodings.set(url.pathname, (await response.headerValue('content-encoding')) ?? 'identity');
  });
  await openControlledApp(page);
  await page.waitForLoadState('networkidle');

  const cached = await page.evaluate(async () => {
    const entries: [string, string][] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entries.push([new URL(request.url).pathname, (await response?.text()) ?? '']);
      }
    }
    return entries;
  });
  const scripts = cached.filter(([pathname]) => /\.(?:js|css|html)$/.test(pathname));
  expect(scripts.map(([pathname]) => pathname)).toEqual(
    expect.arrayContaining(['/index.html', expect.stringMatching(/^\/assets\/index-.*\.js$/)]),
  );
  for (const [pathname, text] of scripts) {
    const built = await readFile(path.join(repoRoot, 'dist/client', pathname), 'utf8');
    expect(text, pathname).toBe(built);
  }
  // And the page's own copy of the entry script did come compressed.
  const entry = scripts.find(([pathname]) => pathname.startsWith('/assets/index-'))?.[0] ?? '';
  expect(encodings.get(entry)).toMatch(/^(?:br|gzip)$/);
});
