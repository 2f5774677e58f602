import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { loadConfig, type MetricsConfig } from '../src/config.js';
import { startMetrics } from '../src/metrics/start-metrics.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, newBag, pull, pushBody, pushOk } from './sync-helpers.js';

const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const TOKEN = 'a-metrics-token-of-forty-characters-long';
const HASH = 'a'.repeat(64);

/** The value of one sample in Prometheus text, found by its name and these exact labels. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const got = (match[2] ?? '').split(',').filter((part) => part !== '');
    if (got.sort().join(',') === wanted.join(',')) return Number(match[3]);
  }
  return undefined;
}

function listenerUrl(listener: FastifyInstance | undefined, path: string): string {
  if (listener === undefined) throw new Error('no metrics listener');
  const { port } = listener.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}${path}`;
}

async function scrape(listener: FastifyInstance | undefined): Promise<string> {
  const response = await fetch(listenerUrl(listener, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

describe(`metrics off by default (${database})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('starts no listener and measures nothing when no setting is given', async () => {
    const config = loadConfig({}).metrics;
    expect(config).toEqual({ port: undefined, host: '127.0.0.1', token: undefined });
    const setup = await startMetrics(config, undefined);
    expect(setup.listener).toBeUndefined();
    expect(setup.app).toBeUndefined();
    expect(t.metricsListener).toBeUndefined();
    expect(t.app.metrics).toBeNull();
  });

  it('answers /metrics on the app as any unknown path: 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('metrics settings', () => {
  it('refuses a bad port, the public port, and a short token, naming the setting', () => {
    expect(() => loadConfig({ METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT must be a port/);
    expect(() => loadConfig({ METRICS_PORT: '0' })).toThrow(/METRICS_PORT must be a port/);
    expect(() => loadConfig({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(
      /METRICS_PORT must differ from PORT/,
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least/);
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5' }).metrics).toEqual({
      port: 9464,
      host: '10.0.0.5',
      token: undefined,
    });
  });
});

describe(`the metrics listener (${database})`, () => {
  let t: TestApp;
  const config: MetricsConfig = { port: 0, host: '127.0.0.1', token: undefined };
  beforeAll(async () => {
    t = await createTestApp({ metrics: config });
  });
  afterAll(() => t?.close());

  it('labels a request by its declared route, never by the raw URL', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/photos/${HASH}` });
    expect(response.statusCode).toBe(401);
    const text = await scrape(t.metricsListener);
    const labels = { method: 'GET', route: ROUTES.photos.download.path, status_class: '4xx' };
    expect(sample(text, 'dialin_http_request_duration_seconds_count', labels)).toBe(1);
    expect(
      sample(text, 'dialin_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' }),
    ).toBe(1);
    expect(text).not.toContain(HASH);
  });

  it('labels requests no route matched as unmatched', async () => {
    const path = `/api/no-such-route/${randomUUID()}`;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const text = await scrape(t.metricsListener);
    const labels = { method: 'GET', route: 'unmatched', status_class: '4xx' };
    expect(sample(text, 'dialin_http_request_duration_seconds_count', labels)).toBe(1);
    expect(text).not.toContain(path);
  });

  it('counts pushes, pulls and the mutations applied (a replay applies none)', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const body = pushBody(accountId, 'phone', [
      mutation('bag', randomUUID(), clock.now(), newBag('First')),
      mutation('bag', randomUUID(), clock.now(), newBag('Second')),
    ]);
    expect((await pushOk(t.app, cookie, body)).applied).toBe(2);
    expect((await pushOk(t.app, cookie, body)).applied).toBe(0);
    expect((await pull(t.app, cookie)).statusCode).toBe(200);
    expect((await pull(t.app, '')).statusCode).toBe(401);

    const text = await scrape(t.metricsListener);
    expect(sample(text, 'dialin_sync_mutations_applied_total')).toBe(2);
    expect(sample(text, 'dialin_sync_push_requests_total', { status_class: '2xx' })).toBe(2);
    expect(sample(text, 'dialin_sync_pull_requests_total', { status_class: '2xx' })).toBe(1);
    expect(sample(text, 'dialin_sync_pull_requests_total', { status_class: '4xx' })).toBe(1);
  });

  it('reports the PostgreSQL pool, and leaves the gauge out for PGlite (no real pool)', async () => {
    expect((await t.app.inject({ method: 'GET', url: ROUTES.health.path })).statusCode).toBe(200);
    const text = await scrape(t.metricsListener);
    const gauge = (state: string) => sample(text, 'dialin_db_pool_connections', { state });
    if (t.kind === 'postgres') {
      expect(gauge('total')).toBeGreaterThanOrEqual(1);
      expect(gauge('idle')).toBeGreaterThanOrEqual(1);
      expect(gauge('waiting')).toBe(0);
    } else {
      expect(text).not.toContain('dialin_db_pool_connections');
    }
  });

  it('serves /metrics only: the app is not on the listener, metrics are not on the app', async () => {
    const health = await fetch(listenerUrl(t.metricsListener, ROUTES.health.path));
    expect(health.status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });
});

describe(`metrics on the public port behind a token (${database})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ metrics: { port: undefined, host: '127.0.0.1', token: TOKEN } });
  });
  afterAll(() => t?.close());

  it('answers 404, as for an unknown path, without the token or with a wrong one', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/metricz' });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        ...unknown.json(),
        message: unknown.json().message.replace('/metricz', '/metrics'),
      });
    }
    expect(t.metricsListener).toBeUndefined();
  });

  it('serves the metrics to a Bearer header carrying the token', async () => {
    await t.app.inject({ method: 'GET', url: ROUTES.auth.me.path });
    const response = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    const labels = { method: 'GET', route: ROUTES.auth.me.path, status_class: '4xx' };
    expect(sample(response.body, 'dialin_http_request_duration_seconds_count', labels)).toBe(1);
  });
});
