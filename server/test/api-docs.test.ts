import { randomUUID } from 'node:crypto';
import { formatParamUrl } from '@fastify/swagger';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import {
  ChangePasswordRequest,
  Credentials,
  DeleteAccountRequest,
} from '../../shared/protocol/auth.js';
import { ErrorBody } from '../../shared/protocol/errors.js';
import { PhotoHashParams } from '../../shared/protocol/photos.js';
import { PullQuery } from '../../shared/protocol/pull.js';
import { PushRequest } from '../../shared/protocol/push.js';
import { ALL_ROUTES, type ApiRoute, ROUTES } from '../../shared/protocol/routes.js';
import { RevokeSessionRequest } from '../../shared/protocol/session.js';
import type { OpenApiDocument, OpenApiOperation } from '../src/docs/openapi-document.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, newBag, pull, push, pushBody } from './sync-helpers.js';

type ObjectSchema = { properties: Record<string, unknown>; required?: string[] | undefined };

/**
 * What each app route takes, from the shared schema its route validates with, and whether it
 * needs the session cookie: the document must say the same. A route missing here fails the
 * exhaustiveness check below.
 */
const REQUESTS: Record<
  string,
  { body?: ObjectSchema; query?: ObjectSchema; params?: ObjectSchema; session?: true }
> = {
  [key(ROUTES.health)]: {},
  [key(ROUTES.docs)]: {},
  [key(ROUTES.auth.signup)]: { body: Credentials },
  [key(ROUTES.auth.login)]: { body: Credentials },
  [key(ROUTES.auth.logout)]: {},
  [key(ROUTES.auth.me)]: { session: true },
  [key(ROUTES.auth.sessions)]: { session: true },
  [key(ROUTES.auth.revokeSession)]: { body: RevokeSessionRequest, session: true },
  [key(ROUTES.auth.revokeOtherSessions)]: { session: true },
  [key(ROUTES.auth.changePassword)]: { body: ChangePasswordRequest, session: true },
  [key(ROUTES.auth.deleteAccount)]: { body: DeleteAccountRequest, session: true },
  [key(ROUTES.sync.push)]: { body: PushRequest, session: true },
  [key(ROUTES.sync.pull)]: { query: PullQuery, session: true },
  [key(ROUTES.photos.upload)]: { params: PhotoHashParams, session: true },
  [key(ROUTES.photos.download)]: { params: PhotoHashParams, session: true },
};

const TEST_ROUTES = new Set(Object.values(ROUTES.test).map(key));

function key(route: ApiRoute): string {
  return `${route.method} ${route.path}`;
}

function operationOf(document: OpenApiDocument, route: ApiRoute): OpenApiOperation | undefined {
  return document.paths[formatParamUrl(route.path)]?.[route.method.toLowerCase()];
}

/** Every "METHOD /path" the document lists, in the route table's spelling. */
function documentedRoutes(document: OpenApiDocument): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item).map(
        (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    )
    .sort();
}

async function fetchDocument(t: TestApp): Promise<OpenApiDocument> {
  const response = await t.app.inject({ method: 'GET', url: ROUTES.docs.path });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json() as OpenApiDocument;
}

const jsonSchemaOf = (media: { content?: Record<string, { schema: unknown }> } | undefined) =>
  media?.content?.['application/json']?.schema as
    | (ObjectSchema & { $ref?: string; type?: string })
    | undefined;

/** The documented response schema for a status: its own entry, else its range (`4XX`). */
function responseKey(operation: OpenApiOperation, status: number): string | undefined {
  return [String(status), `${String(status)[0]}XX`, 'default'].find(
    (candidate) => operation.responses[candidate] !== undefined,
  );
}

describe('GET /api/docs', () => {
  let production: TestApp;
  let withHooks: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    production = await createTestApp();
    withHooks = await createTestApp({ testHooks: true });
    document = await fetchDocument(production);
  });
  afterAll(async () => {
    await production.close();
    await withHooks.close();
  });

  it('is an OpenAPI 3.1 document of exactly the app routes, no test hooks', () => {
    expect(document.openapi).toBe('3.1.0');
    const expected = ALL_ROUTES.map(key).filter((route) => !TEST_ROUTES.has(route));
    expect(documentedRoutes(document)).toEqual(expected.sort());
    expect(Object.keys(REQUESTS).sort()).toEqual(expected.sort());
  });

  it('passes the OpenAPI 3.1 schema, with and without test hooks', async () => {
    for (const candidate of [document, await fetchDocument(withHooks)]) {
      const validator = new Validator();
      const result = await validator.validate({ ...structuredClone(candidate) });
      expect(result.errors ?? [], 'OpenAPI schema errors').toEqual([]);
      expect(validator.version).toBe('3.1');
    }
    // The check can fail: a path item must be an object.
    const broken = { ...structuredClone(document), paths: { '/api/x': 1 } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('lists the test hooks only on a server started with them', async () => {
    const hooked = await fetchDocument(withHooks);
    expect(documentedRoutes(hooked)).toEqual(ALL_ROUTES.map(key).sort());
  });

  it('documents each route with its request schema: body, query or path parameters', () => {
    for (const route of ALL_ROUTES.filter((r) => !TEST_ROUTES.has(key(r)))) {
      const operation = operationOf(document, route);
      const request = REQUESTS[key(route)] ?? {};
      const body = jsonSchemaOf(operation?.requestBody);
      if (request.body === undefined) {
        // The photo upload's body is raw bytes, documented under the image types.
        if (route !== ROUTES.photos.upload)
          expect(operation?.requestBody, key(route)).toBeUndefined();
      } else {
        expect(Object.keys(body?.properties ?? {}).sort(), key(route)).toEqual(
          Object.keys(request.body.properties).sort(),
        );
        expect(body?.required?.sort(), key(route)).toEqual(request.body.required?.sort());
        expect(operation?.requestBody?.required, key(route)).toBe(true);
      }
      for (const [place, schema] of [
        ['query', request.query],
        ['path', request.params],
      ] as const) {
        const documented = (operation?.parameters ?? []).filter((p) => p.in === place);
        expect(documented.map((p) => p.name).sort(), `${key(route)} ${place}`).toEqual(
          Object.keys(schema?.properties ?? {}).sort(),
        );
        for (const parameter of documented) {
          expect(parameter.required, parameter.name).toBe(
            place === 'path' || (schema?.required ?? []).includes(parameter.name),
          );
        }
      }
    }
    const upload = operationOf(document, ROUTES.photos.upload)?.requestBody;
    expect(Object.keys(upload?.content ?? {})).toEqual(['image/jpeg', 'image/webp', 'image/png']);
  });

  it('marks exactly the routes that answer 401 without a session as needing the cookie', async () => {
    const scheme = document.components?.securitySchemes?.session;
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'dialin_session' });
    for (const route of ALL_ROUTES.filter((r) => !TEST_ROUTES.has(key(r)))) {
      const request = REQUESTS[key(route)];
      const security = operationOf(document, route)?.security;
      expect(security, key(route)).toEqual(request?.session ? [{ session: [] }] : undefined);
      // A body is validated before the session is checked: only bodiless requests show it.
      if (request?.body !== undefined) continue;
      const url = route.path.replace(':hash', '0'.repeat(64));
      const response = await production.app.inject({ method: route.method, url });
      expect(response.statusCode === 401, `${key(route)} answered ${response.statusCode}`).toBe(
        request?.session === true,
      );
    }
  });

  it('documents a success and ErrorBody for every 4xx and 5xx of every route', async () => {
    const hooked = await fetchDocument(withHooks);
    const errorBody = hooked.components?.schemas?.ErrorBody as ObjectSchema;
    expect(Object.keys(errorBody.properties).sort()).toEqual(
      Object.keys(ErrorBody.properties).sort(),
    );
    for (const route of ALL_ROUTES) {
      const operation = operationOf(hooked, route);
      expect(operation, key(route)).toBeDefined();
      const statuses = Object.keys(operation?.responses ?? {});
      expect(
        statuses.some((status) => status.startsWith('2')),
        key(route),
      ).toBe(true);
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        // Health's 503 is its own body (the database is down); every other error is ErrorBody.
        if (route === ROUTES.health && status === '503') continue;
        expect(jsonSchemaOf(operation?.responses[status])?.$ref, `${key(route)} ${status}`).toBe(
          '#/components/schemas/ErrorBody',
        );
      }
      for (const range of ['4XX', '5XX']) expect(statuses, key(route)).toContain(range);
    }
  });

  describe('real answers validate against the document', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const checkers = new Map<string, ReturnType<typeof ajv.compile>>();

    /** Validates a real answer against the schema the document gives its route and status. */
    function expectDocumented(route: ApiRoute, response: LightMyRequestResponse): void {
      const operation = operationOf(document, route);
      const status =
        operation === undefined ? undefined : responseKey(operation, response.statusCode);
      expect(status, `${key(route)} ${response.statusCode} is documented`).toBeDefined();
      const pointer = [
        'paths',
        formatParamUrl(route.path),
        route.method.toLowerCase(),
        'responses',
        status ?? '',
        'content',
        'application/json',
        'schema',
      ]
        .map((part) => encodeURIComponent(part.replaceAll('~', '~0').replaceAll('/', '~1')))
        .join('/');
      let check = checkers.get(pointer);
      if (check === undefined) {
        check = ajv.compile({ $ref: `openapi.json#/${pointer}` });
        checkers.set(pointer, check);
      }
      const body: unknown = response.json();
      expect(
        check(body),
        `${key(route)} ${response.statusCode}: ${ajv.errorsText(check.errors)}`,
      ).toBe(true);
    }

    let cookie: string;
    let accountId: string;
    beforeAll(async () => {
      ajv.addSchema(document, 'openapi.json');
      ({ cookie, accountId } = await signUp(production.app));
    });

    it('refuses a body the document does not allow (the check can fail)', () => {
      const check = ajv.compile({ $ref: 'openapi.json#/components/schemas/ErrorBody' });
      expect(check({ statusCode: 400, code: 'bad_request', message: 'ok' })).toBe(true);
      expect(check({ statusCode: 400, code: 'no_such_code', message: 'x' })).toBe(false);
      expect(check({ statusCode: 400, code: 'bad_request', message: 'x', extra: 1 })).toBe(false);
    });

    it('signup, me, sessions, push, pull, health and the document itself', async () => {
      const signup = await production.app.inject({
        method: 'POST',
        url: ROUTES.auth.signup.path,
        payload: { email: `docs-${randomUUID()}@example.com`, password: 'correct horse battery' },
      });
      expect(signup.statusCode).toBe(201);
      expectDocumented(ROUTES.auth.signup, signup);

      const me = await production.app.inject({
        method: 'GET',
        url: ROUTES.auth.me.path,
        headers: { cookie },
      });
      expect(me.statusCode).toBe(200);
      expectDocumented(ROUTES.auth.me, me);

      const sessions = await production.app.inject({
        method: 'GET',
        url: ROUTES.auth.sessions.path,
        headers: { cookie },
      });
      expect(sessions.statusCode).toBe(200);
      expectDocumented(ROUTES.auth.sessions, sessions);

      const clock = new Hlc('docs');
      const body = pushBody(accountId, 'docs-device', [
        mutation('bag', randomUUID(), clock.now(), newBag()),
      ]);
      const pushed = await push(production.app, cookie, body);
      expect(pushed.statusCode).toBe(200);
      expectDocumented(ROUTES.sync.push, pushed);

      const pulled = await pull(production.app, cookie, { limit: 10 });
      expect(pulled.statusCode).toBe(200);
      expect(pulled.json().bags).toHaveLength(1);
      expectDocumented(ROUTES.sync.pull, pulled);

      const health = await production.app.inject({ method: 'GET', url: ROUTES.health.path });
      expect(health.statusCode).toBe(200);
      expectDocumented(ROUTES.health, health);

      const docs = await production.app.inject({ method: 'GET', url: ROUTES.docs.path });
      expectDocumented(ROUTES.docs, docs);
    });

    it('errors: a refused body, no session, a wrong password, a bad cursor', async () => {
      const badSignup = await production.app.inject({
        method: 'POST',
        url: ROUTES.auth.signup.path,
        payload: { email: 'not an email', password: 'correct horse battery' },
      });
      expect(badSignup.statusCode).toBe(400);
      expectDocumented(ROUTES.auth.signup, badSignup);

      const anonymous = await production.app.inject({ method: 'GET', url: ROUTES.auth.me.path });
      expect(anonymous.statusCode).toBe(401);
      expectDocumented(ROUTES.auth.me, anonymous);

      const wrong = await production.app.inject({
        method: 'POST',
        url: ROUTES.auth.login.path,
        payload: { email: `nobody-${randomUUID()}@example.com`, password: 'wrong password!' },
      });
      expect(wrong.statusCode).toBe(401);
      expectDocumented(ROUTES.auth.login, wrong);

      const badCursor = await pull(production.app, cookie, { cursor: 'forged' });
      expect(badCursor.statusCode).toBe(400);
      expectDocumented(ROUTES.sync.pull, badCursor);

      const unpushed = await push(production.app, '', { mutations: [] });
      expect(unpushed.statusCode).toBe(401);
      expectDocumented(ROUTES.sync.push, unpushed);
    });
  });
});
