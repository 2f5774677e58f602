import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

const INDEX = '<!doctype html><title>Dial-in</title><div id="app"></div>';

let dir: string;
let t: TestApp;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialin-static-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX);
  await writeFile(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(dir, 'manifest.webmanifest'), '{"name":"Dial-in"}');
  await writeFile(join(dir, 'assets', 'index-3f9a1c.js'), 'console.log("app")');
  await writeFile(join(dir, 'icon-192.png'), 'png');
  t = await createTestApp({ staticDir: dir });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

function get(url: string) {
  return t.app.inject({ method: 'GET', url });
}

describe('serving the built client', () => {
  it.each(['/', '/index.html'])('%s is the app shell, revalidated on every load', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['/sw.js', /javascript/],
    ['/manifest.webmanifest', /manifest\+json|json/],
  ])('%s is revalidated on every load', async (url, type) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(type);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('hashed assets are cached for a year, immutable', async () => {
    const response = await get('/assets/index-3f9a1c.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("app")');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/brews', '/bags/0b5c3a52-4f0e-4c52-9a53-1b9d5c1f2f10', '/settings?tab=account'])(
    'a client route %s falls back to index.html',
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('a missing hashed asset is a 404, never HTML parsed as a script', async () => {
    const response = await get('/assets/index-old.js');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<!doctype');
  });

  it.each([
    ['GET', '/api/unknown'],
    ['GET', '/api/auth/unknown'],
    ['POST', '/brews'],
  ])('%s %s is a JSON 404, not the app shell', async (method, url) => {
    const response = await t.app.inject({ method: method as 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('the API keeps working next to the static files', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('without a built client', () => {
  it('runs the API and answers other paths with a JSON 404', async () => {
    const api = await createTestApp({ staticDir: join(dir, 'does-not-exist') });
    try {
      expect((await api.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const root = await api.app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(404);
      expect(root.json()).toMatchObject({ code: 'not_found' });
    } finally {
      await api.close();
    }
  });
});
