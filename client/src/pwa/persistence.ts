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

/** Asks for persistent storage (again, from settings if the user wants) and records the answer. */
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
  await refreshStorageEstimate();
  return storagePersistence.value;
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
