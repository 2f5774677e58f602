import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { PUSH_QUEUE, WORKER_CHANNEL, type WorkerBroadcast } from '../../client/src/pwa/messages.js';
import { Hlc } from '../../shared/hlc.js';
import type { PushRequest } from '../../shared/protocol/push.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';

/**
 * Helpers for the service-worker specs (e2e/pwa-*.spec.ts). Not a spec itself: Playwright only
 * runs *.spec.ts.
 */

/** The Background Sync tag Workbox registers for the push queue. */
export const SYNC_TAG = `workbox-background-sync:${PUSH_QUEUE}`;

/** Loads the app and waits until its service worker controls the page (precache complete). */
export async function openControlledApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

const clock = new Hlc('e2e-pwa');

/** A push carrying one new bag and one brew of it, as the sync engine sends them. */
export function brewPush(
  accountId: string,
  notes = 'queued brew',
): {
  body: PushRequest;
  bagId: string;
  brewId: string;
  mutationIds: string[];
} {
  const bagId = randomUUID();
  const brewId = randomUUID();
  const mutations = [
    {
      id: randomUUID(),
      entity: 'bag',
      rowId: bagId,
      hlc: clock.now(),
      patch: { name: 'Kenya AA' },
    },
    {
      id: randomUUID(),
      entity: 'brew',
      rowId: brewId,
      hlc: clock.now(),
      patch: { bagId, method: 'espresso', doseG: 18, yieldG: 36, notes },
    },
  ] as PushRequest['mutations'];
  return {
    body: { accountId, deviceId: 'e2e-pwa', schemaVersion: PROTOCOL_VERSION, mutations },
    bagId,
    brewId,
    mutationIds: mutations.map((m) => m.id),
  };
}

/** Sends a push from the page, through its service worker, as the app does. */
export async function pushFromPage(
  page: Page,
  body: PushRequest,
): Promise<{ status: number; body: unknown }> {
  // The page cannot import the route table: the path comes in as an argument.
  return page.evaluate(
    async ({ payload, path }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { payload: body, path: ROUTES.sync.push.path },
  );
}

/** Signs in from the page (the session cookie lands in the device's jar). */
export async function signInFromPage(
  page: Page,
  kind: 'signup' | 'login',
  email: string,
  password: string,
): Promise<{ id: string }> {
  return page.evaluate(
    async ({ kind, path, email, password }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!response.ok) throw new Error(`${kind} answered ${response.status}`);
      return ((await response.json()) as { account: { id: string } }).account;
    },
    { kind, path: ROUTES.auth[kind].path, email, password },
  );
}

export interface QueuedRequest {
  url: string;
  metadata: { kind?: string; accountId?: string; mutationIds?: string[] } | undefined;
}

/**
 * What the worker's Background Sync queue holds, read straight from Workbox's IndexedDB. Runs
 * in a page showing /favicon.svg: same origin, served from the precache (offline too), and no
 * app code, so looking does not trigger a replay.
 */
export async function readQueue(context: BrowserContext): Promise<QueuedRequest[]> {
  const probe = await context.newPage();
  try {
    await probe.goto('/favicon.svg');
    return await probe.evaluate(async (queueName) => {
      const names = (await indexedDB.databases()).map((db) => db.name);
      if (!names.includes('workbox-background-sync')) return [];
      return new Promise<QueuedRequest[]>((resolve, reject) => {
        const open = indexedDB.open('workbox-background-sync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('requests')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('requests').objectStore('requests').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const entries = all.result as {
              queueName: string;
              requestData: { url: string };
              metadata?: QueuedRequest['metadata'];
            }[];
            resolve(
              entries
                .filter((entry) => entry.queueName === queueName)
                .map((entry) => ({ url: entry.requestData.url, metadata: entry.metadata })),
            );
          };
        };
      });
    }, PUSH_QUEUE);
  } finally {
    await probe.close();
  }
}

/** Polls until `check` returns a value that is not undefined (no fixed sleeps). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${String(last ?? '')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Takes Background Sync out of the picture, as on Safari, Firefox and iOS: granting the origin
 * only an unrelated permission makes Chromium deny `background-sync` (CDP grantPermissions
 * rejects every permission not listed), so `registration.sync.register()` fails and no `sync`
 * event ever fires. Only the page's "replay" messages move the queue then.
 */
export async function denyBackgroundSync(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['storage-access'], { origin });
}

/** True when the page may register a Background Sync (it must not, after denyBackgroundSync). */
export async function canRegisterSync(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: { register(tag: string): Promise<void> };
    };
    try {
      await registration.sync?.register('probe');
      return registration.sync !== undefined;
    } catch {
      return false;
    }
  });
}

/** Sends a request from the page through its worker; returns the status and parsed body. */
export async function fetchFromPage(
  page: Page,
  path: string,
  method: 'GET' | 'POST' = 'GET',
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ path, method }) => {
      const init: RequestInit =
        method === 'POST'
          ? { method, headers: { 'content-type': 'application/json' }, body: '{}' }
          : { method };
      const response = await fetch(path, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, body };
    },
    { path, method },
  );
}

/** A page of the origin that runs no app code (so it triggers nothing); it records the worker's reports. */
export async function reportListener(context: BrowserContext): Promise<Page> {
  const listener = await context.newPage();
  await listener.goto('/favicon.svg');
  await listener.evaluate((channel) => {
    const reports: unknown[] = [];
    (window as unknown as { reports: unknown[] }).reports = reports;
    new BroadcastChannel(channel).onmessage = (event) => reports.push(event.data);
  }, WORKER_CHANNEL);
  return listener;
}

/** Waits for the worker to report a replay round that left its queue empty. */
export async function drainedReport(listener: Page): Promise<WorkerBroadcast> {
  return eventually(async () => {
    const reports = await listener.evaluate(
      () => (window as unknown as { reports: WorkerBroadcast[] }).reports,
    );
    return reports.find((r) => r.type === 'replayed' && r.pending === 0);
  }, 'a replay report with the queue empty');
}
