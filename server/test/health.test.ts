import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { buildApp } from '../src/app.js';
import { createDatabase } from '../src/db/create-database.js';
import { LATEST_MIGRATION } from '../src/db/migrate-to-latest.js';
import { createTestApp, type TestApp, uniqueEmail } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('reports the database answering and the newest migration', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: true,
      migration: LATEST_MIGRATION,
      protocolVersion: PROTOCOL_VERSION,
    });
    expect(LATEST_MIGRATION).toMatch(/^\d{4}-/);
  });
});

describe('with the database down', () => {
  // Nothing listens on port 1: every connection is refused, as when PostgreSQL is down.
  const deadUrl = 'postgres://postgres@127.0.0.1:1/postgres';

  it('health answers 503 unavailable instead of crashing, and routes answer 503 without internals', async () => {
    const database = await createDatabase({ url: deadUrl, dataDir: 'memory://' });
    const app = await buildApp({ db: database.db });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({
        status: 'unavailable',
        database: false,
        migration: null,
        protocolVersion: PROTOCOL_VERSION,
      });

      const signup = await app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: uniqueEmail(), password: 'long enough password' },
      });
      expect(signup.statusCode).toBe(503);
      expect(signup.json()).toEqual({
        statusCode: 503,
        code: 'unavailable',
        message: 'The database is unavailable; nothing was written.',
      });
      expect(signup.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);

      // Still alive afterwards.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('health answers 503 once an embedded database has been closed', async () => {
    const database = await createDatabase({ dataDir: 'memory://' });
    const app = await buildApp({ db: database.db });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json().migration).toBeNull();
      await database.close();
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: false });
    } finally {
      await app.close();
    }
  });
});
