import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type APIResponse, request } from '@playwright/test';
import type { SessionResponse } from '../../shared/protocol/auth.js';
import type { HealthResponse } from '../../shared/protocol/health.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { PushRequest, PushResponse } from '../../shared/protocol/push.js';
import { photoPath, ROUTES } from '../../shared/protocol/routes.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A fresh address per call: accounts never collide between tests or runs. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * A client of the HTTP API with its own cookie jar (one per "person" or device), for setting
 * up data and checking what the server holds without going through a browser.
 * State-changing requests send `Origin: <server URL>`, as a same-origin browser does.
 */
export interface ApiClient {
  request: APIRequestContext;
  baseURL: string;
  signup(email?: string, password?: string): Promise<SessionResponse>;
  login(email: string, password?: string): Promise<SessionResponse>;
  logout(): Promise<void>;
  me(): Promise<SessionResponse>;
  push(body: PushRequest): Promise<PushResponse>;
  pull(cursor?: string, limit?: number): Promise<PullResponse>;
  /** Follows the cursor until `hasMore` is false: every row the account holds. */
  pullAll(): Promise<Pick<PullResponse, 'bags' | 'brews' | 'photos' | 'cursor'>>;
  /** `GET` of the photo bytes named by `hash`: the status and how many bytes came. */
  photoBytes(hash: string): Promise<{ status: number; size: number }>;
  health(): Promise<HealthResponse>;
  /** The test-only routes (server started with DIALIN_TEST_HOOKS=1). */
  failNextPush(status?: number, count?: number): Promise<void>;
  revokeSessions(email: string): Promise<void>;
  /** Static files whose path contains `fragment` answer 503 (null: none). */
  failAssets(fragment: string | null): Promise<void>;
  stats(): Promise<{ pushRequests: number }>;
  dispose(): Promise<void>;
}

export async function newApiClient(baseURL: string): Promise<ApiClient> {
  const api = await request.newContext({ baseURL });
  const origin = { origin: baseURL };
  const post = async <T>(url: string, data?: unknown): Promise<T> =>
    ok<T>(await api.post(url, { headers: origin, data: data ?? {} }));
  const get = async <T>(url: string, params?: Record<string, string | number>): Promise<T> =>
    ok<T>(await api.get(url, params ? { params } : {}));

  const client: ApiClient = {
    request: api,
    baseURL,
    signup: (email = uniqueEmail(), password = TEST_PASSWORD) =>
      post(ROUTES.auth.signup.path, { email, password }),
    login: (email, password = TEST_PASSWORD) => post(ROUTES.auth.login.path, { email, password }),
    logout: async () => {
      await post(ROUTES.auth.logout.path);
    },
    me: () => get(ROUTES.auth.me.path),
    push: (body) => post(ROUTES.sync.push.path, body),
    pull: (cursor, limit) =>
      get(ROUTES.sync.pull.path, {
        ...(cursor === undefined ? {} : { cursor }),
        ...(limit === undefined ? {} : { limit }),
      }),
    async pullAll() {
      const bags: PullResponse['bags'] = [];
      const brews: PullResponse['brews'] = [];
      const photos: PullResponse['photos'] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await client.pull(cursor, 1000);
        bags.push(...page.bags);
        brews.push(...page.brews);
        photos.push(...page.photos);
        cursor = page.cursor;
        if (!page.hasMore) return { bags, brews, photos, cursor };
      }
    },
    async photoBytes(hash) {
      const response = await api.get(photoPath(hash));
      return { status: response.status(), size: (await response.body()).byteLength };
    },
    health: () => get(ROUTES.health.path),
    failNextPush: async (status = 500, count = 1) => {
      await post(ROUTES.test.failNextPush.path, { status, count });
    },
    revokeSessions: async (email) => {
      await post(ROUTES.test.revokeSessions.path, { email });
    },
    failAssets: async (contains) => {
      await post(ROUTES.test.failAssets.path, { contains });
    },
    stats: () => get(ROUTES.test.stats.path),
    dispose: () => api.dispose(),
  };
  return client;
}

/** The parsed body of a 2xx; anything else throws with the status and body, for the report. */
async function ok<T>(response: APIResponse): Promise<T> {
  const text = await response.text();
  if (!response.ok()) {
    throw new Error(`${response.url()} answered ${response.status()}: ${text.slice(0, 500)}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}
