import type { Entity } from '../../../shared/model/entities.js';
import type { ErrorBody } from '../../../shared/protocol/errors.js';
import type { Mutation } from '../../../shared/protocol/push.js';
import { stampMany } from './clock.js';
import { type DialInDb, entityTable, syncedTables } from './db.js';
import type { OutboxEntry } from './schema.js';

/**
 * The outbox is the source of truth for what the server has not acknowledged. The page's
 * push and the service worker's replay both end here: ack removes, reject keeps with the
 * error, queued holds back the page's resend for a while.
 */

/** How long an entry the service worker queued is left to the worker before the page resends. */
export const QUEUED_HOLD_MS = 2 * 60 * 1000;

/** A push mutation, as sent. */
export type WireMutation = Mutation;

/** The wire form of an entry. */
export function toMutation(entry: OutboxEntry): WireMutation {
  return {
    id: entry.mutationId,
    entity: entry.entity,
    rowId: entry.rowId,
    hlc: entry.hlc,
    patch: entry.patch,
  };
}

/** The server applied these mutations (200, or a replay's 2xx): forget them. */
export async function ackOutbox(db: DialInDb, mutationIds: readonly string[]): Promise<void> {
  await db.outbox.where('mutationId').anyOf(mutationIds).delete();
}

/** The server refused these mutations (4xx): keep them, with its error, for the user. */
export async function rejectOutbox(
  db: DialInDb,
  mutationIds: readonly string[],
  error: ErrorBody,
): Promise<void> {
  await db.outbox
    .where('mutationId')
    .anyOf(mutationIds)
    .modify((entry) => {
      entry.state = 'rejected';
      entry.error = error;
    });
}

/** The service worker queued these for background replay (its 202). */
export async function markQueued(
  db: DialInDb,
  mutationIds: readonly string[],
  at: number = db.now(),
): Promise<void> {
  await db.outbox
    .where('mutationId')
    .anyOf(mutationIds)
    .modify((entry) => {
      if (entry.state === 'rejected') return;
      entry.state = 'queued';
      entry.queuedAt = at;
    });
}

/** A push is in flight for these (a context that dies leaves them 'sent': they are resent). */
export async function markSent(db: DialInDb, mutationIds: readonly string[]): Promise<void> {
  await db.outbox
    .where('mutationId')
    .anyOf(mutationIds)
    .modify((entry) => {
      if (entry.state !== 'rejected') entry.state = 'sent';
    });
}

/** Puts rejected entries (all, or these) back in line to be sent again. */
export async function retryRejected(db: DialInDb, mutationIds?: readonly string[]): Promise<void> {
  const entries =
    mutationIds === undefined
      ? db.outbox.where('state').equals('rejected')
      : db.outbox.where('mutationId').anyOf(mutationIds);
  await entries.modify((entry) => {
    if (entry.state !== 'rejected') return;
    entry.state = 'pending';
    delete entry.error;
  });
}

/**
 * Drops a rejected entry and undoes its write locally: each field it set gets back its
 * previous value and clock, unless a later write has changed that field since.
 */
export async function discardRejected(db: DialInDb, mutationId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, ...syncedTables(db)], async () => {
    const entry = await db.outbox.where('mutationId').equals(mutationId).first();
    if (entry === undefined || entry.state !== 'rejected') return;
    const table = entityTable(db, entry.entity);
    const row = (await table.get(entry.rowId)) as Record<string, unknown> | undefined;
    if (row !== undefined) {
      const clocks = { ...(row.clocks as Record<string, string>) };
      const next: Record<string, unknown> = { ...row, clocks };
      for (const [field, before] of Object.entries(entry.previous)) {
        if (clocks[field] !== entry.hlc) continue;
        next[field] = before.value;
        if (before.clock === null) delete clocks[field];
        else clocks[field] = before.clock;
      }
      if (Object.keys(clocks).length === 0) await table.delete(entry.rowId);
      else await table.put(next as never);
    }
    await db.outbox.delete(entry.seq as number);
  });
}

/**
 * The entries to push now for this account, oldest first: pending, sent (an earlier context
 * died mid-push), and queued ones the service worker has held for longer than QUEUED_HOLD_MS.
 */
export async function sendableEntries(
  db: DialInDb,
  accountId: string,
  limit: number,
  now: number = db.now(),
): Promise<OutboxEntry[]> {
  return db.outbox
    .orderBy('seq')
    .filter(
      (entry) =>
        entry.accountId === accountId &&
        (entry.state === 'pending' ||
          entry.state === 'sent' ||
          (entry.state === 'queued' && now - (entry.queuedAt ?? 0) >= QUEUED_HOLD_MS)),
    )
    .limit(limit)
    .toArray();
}

/** Unacknowledged entries not rejected (what "N changes haven't reached the server" counts). */
export function unsyncedCount(db: DialInDb): Promise<number> {
  return db.outbox.where('state').anyOf('pending', 'sent', 'queued').count();
}

/**
 * Gives every unacknowledged, unrejected entry of this account a new HLC from a reset clock
 * (after the server said `clock_ahead`), in order, and a new mutation id (so a late answer
 * about the old request cannot touch it). Each row field still carrying the old stamp gets
 * the new one, so the local row and the server's end up with the same clocks.
 */
export async function restampOutbox(db: DialInDb, accountId: string | null): Promise<number> {
  return db.transaction('rw', [db.outbox, db.meta, ...syncedTables(db)], async () => {
    const entries = await db.outbox
      .orderBy('seq')
      .filter((entry) => entry.accountId === accountId && entry.state !== 'rejected')
      .toArray();
    const stamps = await stampMany(db, entries.length, { reset: true });
    const renamed = new Map<string, string>();
    for (const [index, entry] of entries.entries()) {
      const hlc = stamps[index] as string;
      renamed.set(entry.hlc, hlc);
      await restampRow(db, entry.entity, entry.rowId, entry.hlc, hlc);
      const previous: OutboxEntry['previous'] = {};
      for (const [field, before] of Object.entries(entry.previous)) {
        const clock = before.clock === null ? null : (renamed.get(before.clock) ?? before.clock);
        previous[field] = { value: before.value, clock };
      }
      await db.outbox.update(entry.seq as number, {
        hlc,
        previous,
        mutationId: crypto.randomUUID(),
        state: 'pending',
      });
    }
    return entries.length;
  });
}

async function restampRow(
  db: DialInDb,
  entity: Entity,
  rowId: string,
  oldHlc: string,
  newHlc: string,
): Promise<void> {
  const table = entityTable(db, entity);
  const row = await table.get(rowId);
  if (row === undefined) return;
  const clocks = { ...row.clocks };
  for (const [field, clock] of Object.entries(clocks)) {
    if (clock === oldHlc) clocks[field] = newHlc;
  }
  await table.put({ ...row, clocks } as never);
}
