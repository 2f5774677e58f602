import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let staticDir: string;
beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'dialin-headers-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Dial-in</title>');
  t = await createTestApp({ staticDir });
});
afterAll(async () => {
  await t.close();
  await rm(staticDir, { recursive: true, force: true });
});

const directives = (header: string | undefined) =>
  new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name = '', ...values]) => [name, values.join(' ')]),
  );

describe('security headers', () => {
  it.each([
    ['the app shell', '/'],
    ['a client route', '/brews/1'],
    ['an API answer', '/api/health'],
    ['an API error', '/api/nope'],
  ])('%s carries the CSP and the other headers', async (_name, url) => {
    const response = await t.app.inject({ method: 'GET', url });
    const csp = directives(response.headers['content-security-policy'] as string | undefined);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('img-src')).toBe("'self' blob: data:");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['x-frame-options']).toBe('DENY');
    // Plain http: no HSTS.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it("allows the app shell's inline scripts by their hash, and no other", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dialin-inline-'));
    const theme = "\n  document.documentElement.dataset.theme = 'dark';\n";
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><head><script>${theme}</script></head>` +
        '<body><script type="module" src="/assets/index.js"></script></body>',
    );
    const shell = await createTestApp({ staticDir: dir });
    try {
      const hash = createHash('sha256').update(theme).digest('base64');
      for (const url of ['/', '/brews/1', '/api/health']) {
        const response = await shell.app.inject({ method: 'GET', url });
        const csp = directives(response.headers['content-security-policy'] as string);
        // The script with a src is covered by 'self'; only the inline one needs its hash.
        expect(csp.get('script-src')).toBe(`'self' 'sha256-${hash}'`);
      }
    } finally {
      await shell.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ publicUrl: new URL('https://dial.example') });
    try {
      const response = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
    } finally {
      await secure.close();
    }
  });
});
