/**
 * Persistent storage: Safari evicts the IndexedDB of sites unused for 7 days unless they are
 * installed or persisted, and unsynced brews live there. The result is shown in settings.
 */
import { signal } from '@preact/signals';

/**
 * 'persisted': the browser will not evict the data without asking. 'best-effort': it may under
 * storage pressure (the browser said no, or has not decided). 'unsupported': no StorageManager.
 */
export type StoragePersistence = 'unknown' | 'persisted' | 'best-effort' | 'unsupported';

export const storagePersistence = signal<StoragePersistence>('unknown');

/** Bytes used and available to the origin, when the browser says. */
export const storageEstimate = signal<{ usage: number; quota: number } | null>(null);

/** What persisted() says now, without asking: no prompt, answered at once in every engine. */
export async function readStoragePersistence(): Promise<StoragePersistence> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) {
    storagePersistence.value = 'unsupported';
    return storagePersistence.value;
  }
  try {
    storagePersistence.value = (await storage.persisted()) ? 'persisted' : 'best-effort';
  } catch {
    storagePersistence.value = 'best-effort';
  }
  return storagePersistence.value;
}

/**
 * Asks for persistent storage and records the answer. Firefox answers persist() with a
 * permission prompt, so this runs from a click ("Ask to keep my data"), never unprompted.
 */
export async function requestPersistentStorage(): Promise<StoragePersistence> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) {
    storagePersistence.value = 'unsupported';
    return storagePersistence.value;
  }
  try {
    const granted = (await storage.persisted()) || (await storage.persist());
    storagePersistence.value = granted ? 'persisted' : 'best-effort';
  } catch {
    storagePersistence.value = 'best-effort';
  }
  void refreshStorageEstimate();
  return storagePersistence.value;
}

/** True when persist() would be granted without a prompt (Chromium, for an installed app). */
async function grantedSilently(): Promise<boolean> {
  try {
    const status = await navigator.permissions?.query({ name: 'persistent-storage' });
    return status?.state === 'granted';
  } catch {
    // WebKit does not know this permission name: it has no silent grant to use.
    return false;
  }
}

/**
 * At start: shows persisted() and the usage estimate at once, each on its own, and asks for
 * persistence only where the browser grants it without a prompt. Elsewhere the user asks from
 * Settings: a prompt at start-up, before any gesture, left Firefox's Settings on "Checking…".
 */
export async function startStoragePersistence(): Promise<void> {
  void refreshStorageEstimate();
  const state = await readStoragePersistence();
  if (state === 'best-effort' && (await grantedSilently())) await requestPersistentStorage();
}

export async function refreshStorageEstimate(): Promise<void> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (estimate?.usage !== undefined && estimate.quota !== undefined) {
      storageEstimate.value = { usage: estimate.usage, quota: estimate.quota };
    }
  } catch {
    // Some browsers refuse estimates in private modes; the settings line just stays hidden.
  }
}
