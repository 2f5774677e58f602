/// <reference lib="webworker" />
/**
 * The service worker: precached app shell with a navigation fallback (a cold start in airplane
 * mode opens the app), and the Background Sync queue for pushes and log-outs
 * (client/src/pwa/sw/push-queue.ts), and the Background Sync of photo uploads
 * (client/src/pwa/sw/photo-upload-sync.ts). Nothing is exported (vite-plugin-pwa builds it alone), and
 * nothing DOM or Preact may enter its import graph.
 */
import { Queue } from 'workbox-background-sync';
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { API_ROOT, type ApiRoute, photoPath, ROUTES } from '../../../../shared/protocol/routes.js';
// Straight to the modules, not data/index.ts: the worker needs the outbox, not the actions.
import { createDb, type DialInDb } from '../../data/db.js';
import { ackOutbox, rejectOutbox } from '../../data/outbox.js';
import { isPageMessage, PUSH_QUEUE, WORKER_CHANNEL, type WorkerBroadcast } from '../messages.js';
import { createPhotoUploadSync, PHOTO_SYNC_TAG } from './photo-upload-sync.js';
import { createPushQueue, type OutboxSession } from './push-queue.js';

declare let self: ServiceWorkerGlobalScope;

// The first install takes over the page that installed it, so that page's writes are queued
// offline too. Updates still wait for the user's "reload" (SKIP_WAITING), then take over.
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every in-app URL opens the shell (routes are hash-based, so that is mostly "/"); the API and
// files (a path ending in a name with an extension) are never the shell.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [new RegExp(`^${API_ROOT}/`), /\/[^/]+\.[^/]+$/],
  }),
);

const channel = new BroadcastChannel(WORKER_CHANNEL);

/** Outbox updates never end a round: if IndexedDB fails here, the page resends the entries. */
function openOutbox(): OutboxSession {
  let db: DialInDb | null = null;
  const open = () => {
    db ??= createDb();
    return db;
  };
  const guard = async (what: string, task: () => Promise<void>) => {
    try {
      await task();
    } catch (error) {
      console.warn(`service worker: could not ${what} outbox entries`, error);
    }
  };
  return {
    ack: (ids) => guard('acknowledge', () => ackOutbox(open(), ids)),
    reject: (ids, error) => guard('reject', () => rejectOutbox(open(), ids, error)),
    // Closed after each round, so the page can delete the database at log-out without waiting.
    close: () => db?.close(),
  };
}

const pushQueue = createPushQueue({
  queue: new Queue(PUSH_QUEUE, {
    // Queued writes must not expire silently (Workbox's default drops them after 7 days):
    // ten years, in minutes. The outbox stays the source of truth either way.
    maxRetentionTime: 10 * 365 * 24 * 60,
    onSync: async () => {
      // Without the Background Sync API, Workbox calls this from the Queue constructor, before
      // `pushQueue` exists (a TDZ ReferenceError): let the module finish first.
      await Promise.resolve();
      const { stalled } = await pushQueue.replay();
      // Throwing tells the browser the sync failed, so it schedules a retry. Without the
      // Background Sync API, Workbox calls this at worker start-up and nobody would catch it.
      if (stalled && 'sync' in self.registration) {
        throw new Error('push replay stalled; retrying later');
      }
    },
  }),
  openOutbox,
  broadcast: (message: WorkerBroadcast) => channel.postMessage(message),
});

const apiPath = (route: ApiRoute) => (url: URL) =>
  url.origin === self.location.origin && url.pathname === route.path;
const isPushUrl = apiPath(ROUTES.sync.push);
const isLogoutUrl = apiPath(ROUTES.auth.logout);
const isSignInUrl = (url: URL) =>
  apiPath(ROUTES.auth.login)(url) || apiPath(ROUTES.auth.signup)(url);

registerRoute(
  ({ url }) => isPushUrl(url),
  ({ request }) => pushQueue.handlePush(request),
  ROUTES.sync.push.method,
);
registerRoute(
  ({ url }) => isLogoutUrl(url),
  ({ request }) => pushQueue.handleLogout(request),
  ROUTES.auth.logout.method,
);
registerRoute(
  ({ url }) => isSignInUrl(url),
  ({ request }) => pushQueue.handleSignIn(request),
  // Sign-up and log-in are both POSTs.
  ROUTES.auth.login.method,
);

const photoUploads = createPhotoUploadSync({
  openDb: () => createDb(),
  fetchImpl: (input, init) => fetch(input, init),
  locks: self.navigator.locks,
  registerSync:
    'sync' in self.registration ? () => self.registration.sync.register(PHOTO_SYNC_TAG) : undefined,
});
const isPhotoUrl = (url: URL) =>
  url.origin === self.location.origin && url.pathname.startsWith(photoPath(''));
registerRoute(
  ({ url }) => isPhotoUrl(url),
  ({ request }) => photoUploads.handleUpload(request),
  ROUTES.photos.upload.method,
);
self.addEventListener('sync', (event) => {
  if (event.tag !== PHOTO_SYNC_TAG) return;
  event.waitUntil(
    photoUploads.drain().then((round) => {
      // Throwing tells the browser the sync failed, so it schedules a retry.
      if (round.stalled) throw new Error('photo uploads stalled; retrying later');
    }),
  );
});

self.addEventListener('message', (event) => {
  const message: unknown = event.data;
  if (!isPageMessage(message)) return;
  const reply = (answer: unknown) => event.ports[0]?.postMessage(answer);
  switch (message.type) {
    case 'SKIP_WAITING':
      void self.skipWaiting();
      return;
    case 'replay':
      // Browsers without Background Sync (Safari, Firefox, iOS) only replay when a page asks.
      event.waitUntil(pushQueue.replay().then(() => undefined));
      return;
    case 'clear-queue':
      event.waitUntil(
        pushQueue
          .clear()
          .then(() => pushQueue.status())
          .then(reply),
      );
      return;
    case 'queue-status':
      event.waitUntil(pushQueue.status().then(reply));
      return;
  }
});
