import { describe, expect, it } from 'vitest';
import { ALL_ROUTES, API_ROOT, isApiPath, photoPath, ROUTES } from './routes.js';

describe('the route table', () => {
  it('declares each method and path once, every path under the API root', () => {
    const keys = ALL_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of ALL_ROUTES) {
      expect(route.path.startsWith(`${API_ROOT}/`), route.path).toBe(true);
      expect(route.path, 'no query string or trailing slash').toMatch(
        /^(\/([a-z-]+|:[a-z][A-Za-z]*))+$/,
      );
    }
  });

  it('tells API paths from app-shell paths', () => {
    expect(ALL_ROUTES.every((route) => isApiPath(route.path))).toBe(true);
    expect(isApiPath(API_ROOT)).toBe(true);
    expect(isApiPath(`${API_ROOT}/unknown`)).toBe(true);
    for (const path of ['/', '/brews/1', '/apis', '/api-docs', '/assets/api.js', '/index.html']) {
      expect(isApiPath(path), path).toBe(false);
    }
  });

  it('keeps the test hooks apart from the app routes', () => {
    for (const route of Object.values(ROUTES.test)) {
      expect(route.path.startsWith(`${API_ROOT}/test/`)).toBe(true);
    }
  });

  it('builds a photo path from a hash, for upload and download alike', () => {
    const hash = 'ab'.repeat(32);
    expect(photoPath(hash)).toBe(`/api/photos/${hash}`);
    expect(ROUTES.photos.upload.path).toBe(ROUTES.photos.download.path);
    expect(photoPath('a/../b')).toBe('/api/photos/a%2F..%2Fb');
  });
});
