import { compareHlc, Hlc, parseHlc } from '../../../shared/hlc.js';
import type { DialInDb } from './db.js';
import { loadMeta } from './meta.js';
import type { MetaRecord } from './schema.js';

/**
 * The device clock: the shared HLC, its state persisted in `meta` and read inside each write
 * transaction, so the page, other tabs and the service worker share one clock and it never
 * runs backwards across reloads. Its wall clock is the device's corrected by the offset to
 * the server's, learned from `serverTime` in replies.
 */

/** The device's idea of the server's time now (ms). */
export function correctedNow(db: DialInDb, meta: MetaRecord): number {
  return db.now() + meta.clockOffsetMs;
}

function clockOf(db: DialInDb, meta: MetaRecord): Hlc {
  return new Hlc(meta.deviceId, () => correctedNow(db, meta), meta.hlc);
}

/**
 * A new HLC for a local write. Must run inside a read-write transaction that includes
 * `meta`: the clock state is read and written back in the same transaction as the write.
 */
export async function stamp(db: DialInDb): Promise<{ hlc: string; meta: MetaRecord }> {
  const meta = await loadMeta(db);
  const clock = clockOf(db, meta);
  const hlc = clock.now();
  const next = { ...meta, hlc: clock.state };
  await db.meta.put(next);
  return { hlc, meta: next };
}

/** Several stamps in one go (re-stamping the outbox), in order. Same transaction rule. */
export async function stampMany(
  db: DialInDb,
  count: number,
  options: { reset: boolean },
): Promise<string[]> {
  const meta = await loadMeta(db);
  // A reset forgets clocks this device issued from a wrong wall clock, but never goes below
  // a clock received from the server: an edit made after seeing one still wins over it.
  const floor = options.reset ? parseHlc(meta.hlcReceived ?? '') : null;
  const state = options.reset
    ? { millis: floor?.millis ?? 0, counter: floor?.counter ?? 0 }
    : meta.hlc;
  const clock = new Hlc(meta.deviceId, () => correctedNow(db, meta), state);
  const stamps = Array.from({ length: count }, () => clock.now());
  await db.meta.put({ ...meta, hlc: clock.state });
  return stamps;
}

/**
 * Moves the clock past clocks received from the server (pull). Returns the updated meta
 * without storing it: the caller writes it with the rows, in one transaction.
 */
export function receiveClocks(meta: MetaRecord, clocks: Iterable<string>): MetaRecord {
  const clock = new Hlc(meta.deviceId, Date.now, meta.hlc);
  let newest = meta.hlcReceived;
  for (const remote of clocks) {
    clock.receive(remote);
    if (newest === null || compareHlc(remote, newest) > 0) newest = remote;
  }
  return { ...meta, hlc: clock.state, hlcReceived: newest };
}

/**
 * Learns the server clock offset from a reply's `serverTime`, assuming the reply was
 * stamped halfway through the round trip, so the estimate is off by at most half the round
 * trip. The estimate from the fastest round trip so far is kept (as NTP does), unless a new
 * one disagrees by more than a second plus its own uncertainty: the device clock was changed.
 */
export async function learnServerTime(
  db: DialInDb,
  serverTime: number,
  sentAt: number,
  receivedAt: number,
): Promise<MetaRecord> {
  return db.transaction('rw', db.meta, async () => {
    const meta = await loadMeta(db);
    const rtt = Math.max(0, receivedAt - sentAt);
    const offset = Math.round(serverTime - (sentAt + receivedAt) / 2);
    const previousRtt = meta.clockOffsetRttMs ?? Number.POSITIVE_INFINITY;
    const jumped = Math.abs(offset - meta.clockOffsetMs) > 1000 + rtt;
    if (rtt >= previousRtt && !jumped) return meta;
    const next = { ...meta, clockOffsetMs: offset, clockOffsetRttMs: rtt };
    await db.meta.put(next);
    return next;
  });
}
