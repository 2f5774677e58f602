import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES, isApiPath, ROUTES } from '../../shared/protocol/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Every "METHOD /path" the app registered, HEAD (Fastify's twin of each GET) left out. */
function registeredRoutes(t: TestApp): string[] {
  const tree = t.app.printRoutes({ commonPrefix: false, includeHooks: false });
  const found: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /(\/\S*) \(([A-Z, ]+)\)/.exec(line);
    if (match === null) continue;
    for (const method of (match[2] ?? '').split(', ')) {
      if (method !== 'HEAD') found.push(`${method} ${match[1]}`);
    }
  }
  return found.sort();
}

const keyOf = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

describe('the server registers exactly the shared route table', () => {
  let withHooks: TestApp;
  let withoutHooks: TestApp;
  beforeAll(async () => {
    withHooks = await createTestApp({ testHooks: true });
    withoutHooks = await createTestApp();
  });
  afterAll(async () => {
    await withHooks.close();
    await withoutHooks.close();
  });

  it('with test hooks: every route of the table, at its method, and no other API route', () => {
    const api = registeredRoutes(withHooks).filter((key) => isApiPath(key.split(' ')[1] ?? ''));
    expect(api).toEqual(ALL_ROUTES.map(keyOf).sort());
  });

  it('without test hooks: the table minus ROUTES.test', () => {
    const test = new Set(Object.values(ROUTES.test).map(keyOf));
    const api = registeredRoutes(withoutHooks).filter((key) => isApiPath(key.split(' ')[1] ?? ''));
    expect(api).toEqual(
      ALL_ROUTES.map(keyOf)
        .filter((key) => !test.has(key))
        .sort(),
    );
  });
});
