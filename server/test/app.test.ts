import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createDatabase, type DatabaseHandle } from '../src/db/create-database.js';
import { AppError } from '../src/errors/app-error.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';

describe('errors', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createDatabase({ dataDir: 'memory://' });
  });
  afterAll(() => database.close());

  it('a 5xx never leaks internals; a deliberate AppError keeps its code and message', async () => {
    const app = await buildApp({ db: database.db });
    app.get('/api/boom', async () => {
      throw new Error('connect to postgres://admin:hunter2@db-7/prod failed at /srv/app/x.js:12');
    });
    app.get('/api/teapot', async () => {
      throw new AppError(409, 'email_taken', 'Deliberate.', { field: 'email' });
    });
    try {
      const boom = await app.inject({ method: 'GET', url: '/api/boom' });
      expect(boom.statusCode).toBe(500);
      expect(boom.json()).toEqual({
        statusCode: 500,
        code: 'internal',
        message: 'Something went wrong on the server; nothing to show here.',
      });
      expect(boom.body).not.toMatch(/hunter2|postgres|srv|stack/);

      const deliberate = await app.inject({ method: 'GET', url: '/api/teapot' });
      expect(deliberate.statusCode).toBe(409);
      expect(deliberate.json()).toEqual({
        statusCode: 409,
        code: 'email_taken',
        message: 'Deliberate.',
        details: { field: 'email' },
      });
    } finally {
      await app.close();
    }
  });
});

describe('routes that do not exist', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/auth/nope'],
    ['GET', '/api'],
    ['GET', '/'],
  ])('%s %s is a JSON 404 not_found (no client built here)', async (method, url) => {
    const response = await t.app.inject({ method: method as 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it.each([
    ['POST', '/api/test/fail-next-push'],
    ['POST', '/api/test/revoke-sessions'],
    ['GET', '/api/test/stats'],
    ['POST', '/api/test/fail-assets'],
  ])('test route %s %s is absent without DIALIN_TEST_HOOKS', async (method, url) => {
    const response = await t.app.inject({
      method: method as 'GET',
      url,
      ...(method === 'POST' ? { payload: {} } : {}),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
    expect(t.app.testHooks).toBeNull();
  });
});

describe('test hooks (DIALIN_TEST_HOOKS=1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ testHooks: true });
  });
  afterAll(() => t.close());

  it('fail-next-push arms the next pushes, count times, then clears', async () => {
    const hooks = t.app.testHooks;
    if (hooks === null) throw new Error('test hooks missing');
    expect(hooks.takePushFailure()).toBeNull();

    const armed = await t.app.inject({
      method: 'POST',
      url: '/api/test/fail-next-push',
      payload: { status: 503, count: 2 },
    });
    expect(armed.statusCode).toBe(200);
    expect(armed.json()).toEqual({ status: 503, count: 2 });
    expect(hooks.takePushFailure()).toBe(503);
    expect(hooks.takePushFailure()).toBe(503);
    expect(hooks.takePushFailure()).toBeNull();

    const defaults = await t.app.inject({ method: 'POST', url: '/api/test/fail-next-push' });
    expect(defaults.json()).toEqual({ status: 500, count: 1 });
    expect(hooks.takePushFailure()).toBe(500);
    expect(hooks.takePushFailure()).toBeNull();

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/test/fail-next-push',
      payload: { status: 200 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('stats counts push requests', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/test/stats' })).json()
      .pushRequests;
    t.app.testHooks?.countPush();
    t.app.testHooks?.countPush();
    const after = await t.app.inject({ method: 'GET', url: '/api/test/stats' });
    expect(after.json()).toEqual({ pushRequests: before + 2 });
  });

  it('revoke-sessions ends every session of that email (any case)', async () => {
    const { cookie, email } = await signUp(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/test/revoke-sessions',
      payload: { email: email.toUpperCase() },
    });
    expect(response.json()).toEqual({ revoked: 1 });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });
});
