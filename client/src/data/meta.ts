import type { DialInDb } from './db.js';
import type { MetaRecord } from './schema.js';

/** A fresh identity for this install: anonymous, clock at zero, nothing pulled yet. */
export function newMeta(): MetaRecord {
  return {
    key: 'device',
    deviceId: crypto.randomUUID(),
    accountId: null,
    email: null,
    hlc: { millis: 0, counter: 0 },
    hlcReceived: null,
    clockOffsetMs: 0,
    clockOffsetRttMs: null,
    cursor: null,
    lastSyncedAt: null,
    signedOutOnServer: false,
  };
}

/**
 * The meta record, created on first use. Call inside a read-write transaction that includes
 * `meta` (or outside any), so two contexts cannot create two device ids.
 */
export async function loadMeta(db: DialInDb): Promise<MetaRecord> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('device');
    if (existing !== undefined) return existing;
    const meta = newMeta();
    await db.meta.put(meta);
    return meta;
  });
}

/** Reads the meta record without creating it (safe inside read-only live queries). */
export async function peekMeta(db: DialInDb): Promise<MetaRecord | undefined> {
  return db.meta.get('device');
}

/** Changes some meta fields atomically. */
export async function updateMeta(
  db: DialInDb,
  changes: Partial<Omit<MetaRecord, 'key'>>,
): Promise<MetaRecord> {
  return db.transaction('rw', db.meta, async () => {
    const meta = { ...(await loadMeta(db)), ...changes };
    await db.meta.put(meta);
    return meta;
  });
}
