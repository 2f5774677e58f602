import type { LockManagerLike } from './lock.js';

/**
 * What sync needs from its host, injected so sync/ stays free of DOM globals: the page
 * passes one built on `window`/`document`/`navigator` (ui side), the service worker and tests
 * pass `headlessEnvironment` or their own.
 */
export interface SyncEnvironment {
  isOnline(): boolean;
  isVisible(): boolean;
  /** Subscribes to the `online` event. Returns unsubscribe. */
  onOnline(listener: () => void): () => void;
  /** Subscribes to visibility changes (`visibilitychange`). Returns unsubscribe. */
  onVisibilityChange(listener: (visible: boolean) => void): () => void;
  /** navigator.locks where it exists; otherwise sync falls back to a lease in IndexedDB. */
  locks?: LockManagerLike | undefined;
  /** Asks the service worker to replay its queue (pages; browsers without Background Sync). */
  askWorkerReplay?: (() => void) | undefined;
  /** Removes the app's localStorage/sessionStorage keys at log out (pages only). */
  clearLocalKeys?: (() => void | Promise<void>) | undefined;
}

/** Always online and visible, no events: tests, and the service worker. */
export const headlessEnvironment: SyncEnvironment = {
  isOnline: () => true,
  isVisible: () => true,
  onOnline: () => () => {},
  onVisibilityChange: () => () => {},
};

/**
 * An environment from browser-like globals passed in by the page, e.g.
 * `browserEnvironment({ window, document, navigator })` — typed structurally so this file
 * needs no DOM types.
 */
export function browserEnvironment(host: {
  window: {
    addEventListener(type: string, listener: () => void): void;
    removeEventListener(type: string, listener: () => void): void;
  };
  document: {
    visibilityState: string;
    addEventListener(type: string, listener: () => void): void;
    removeEventListener(type: string, listener: () => void): void;
  };
  navigator: { onLine: boolean; locks?: LockManagerLike | undefined };
  askWorkerReplay?: () => void;
  clearLocalKeys?: () => void;
}): SyncEnvironment {
  const { window, document, navigator } = host;
  return {
    isOnline: () => navigator.onLine,
    isVisible: () => document.visibilityState === 'visible',
    onOnline(listener) {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
    onVisibilityChange(listener) {
      const handler = () => listener(document.visibilityState === 'visible');
      document.addEventListener('visibilitychange', handler);
      return () => document.removeEventListener('visibilitychange', handler);
    },
    locks: navigator.locks,
    askWorkerReplay: host.askWorkerReplay,
    clearLocalKeys: host.clearLocalKeys,
  };
}
