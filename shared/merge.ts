import { compareHlc } from './hlc.js';
import { type Entity, FIELDS } from './model/entities.js';

/** The HLC of the last write of each field. A field with no clock has never been written. */
export type Clocks = Record<string, string>;

/**
 * A row as merge sees it: its id, one value per field (null when unset) and the clock of
 * each field's last write. Extra properties (the server's `version`) pass through untouched.
 */
export interface MergeableRow {
  id: string;
  clocks: Clocks;
  [field: string]: unknown;
}

/** A local value that lost to a remote write: what the client keeps in its history. */
export interface Overwritten {
  field: string;
  value: unknown;
  clock: string;
  by: { value: unknown; clock: string };
}

/** A stable key for tie-breaking two writes with the same clock (which should not happen). */
function valueKey(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Does the write (clock b, value b) beat the current (clock a, value a)? Last writer wins by
 * HLC; an identical clock with a different value is broken by the value, so the outcome is
 * the same on every device whatever the delivery order. Equal clock and value: no change,
 * which is what makes replays idempotent.
 */
export function writeWins(
  aClock: string | undefined,
  aValue: unknown,
  bClock: string,
  bValue: unknown,
): boolean {
  if (aClock === undefined) return true;
  const order = compareHlc(bClock, aClock);
  if (order !== 0) return order > 0;
  return valueKey(bValue) > valueKey(aValue);
}

/** An empty row: every field null, nothing written yet. */
export function emptyRow(entity: Entity, id: string): MergeableRow {
  const row: MergeableRow = { id, clocks: {} };
  for (const field of Object.keys(FIELDS[entity])) row[field] = null;
  return row;
}

/**
 * Applies one mutation (a patch stamped with one HLC) to a row. Returns the new row and the
 * fields that changed; the input row is not modified. An empty `changed` means the mutation
 * was already applied or lost to newer writes: nothing needs storing.
 */
export function applyPatch(
  entity: Entity,
  row: MergeableRow | undefined,
  id: string,
  patch: Record<string, unknown>,
  hlc: string,
): { row: MergeableRow; changed: string[] } {
  const base = row ?? emptyRow(entity, id);
  const next: MergeableRow = { ...base, clocks: { ...base.clocks } };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (!(field in FIELDS[entity])) continue;
    if (writeWins(next.clocks[field], next[field], hlc, value)) {
      if (next.clocks[field] !== hlc || valueKey(next[field]) !== valueKey(value))
        changed.push(field);
      next[field] = value;
      next.clocks[field] = hlc;
    }
  }
  return { row: next, changed };
}

/**
 * Merges a remote copy of a row into a local one, field by field. Commutative, associative
 * and idempotent on the fields and clocks (see merge.test.ts). `overwritten` lists local
 * values that lost to a different remote value, for the client's history.
 */
export function mergeRows(
  entity: Entity,
  local: MergeableRow | undefined,
  remote: MergeableRow,
): { row: MergeableRow; changed: string[]; overwritten: Overwritten[] } {
  const base = local ?? emptyRow(entity, remote.id);
  const next: MergeableRow = { ...base, clocks: { ...base.clocks } };
  const changed: string[] = [];
  const overwritten: Overwritten[] = [];
  for (const field of Object.keys(FIELDS[entity])) {
    const remoteClock = remote.clocks[field];
    if (remoteClock === undefined) continue;
    const localClock = next.clocks[field];
    const remoteValue = remote[field] ?? null;
    const localValue = next[field] ?? null;
    if (!writeWins(localClock, localValue, remoteClock, remoteValue)) continue;
    if (localClock === remoteClock && valueKey(localValue) === valueKey(remoteValue)) continue;
    if (localClock !== undefined && valueKey(localValue) !== valueKey(remoteValue)) {
      overwritten.push({
        field,
        value: localValue,
        clock: localClock,
        by: { value: remoteValue, clock: remoteClock },
      });
    }
    next[field] = remoteValue;
    next.clocks[field] = remoteClock;
    changed.push(field);
  }
  return { row: next, changed, overwritten };
}

/** The newest clock in a row: when it was last written by anyone. */
export function latestClock(row: MergeableRow): string | undefined {
  let latest: string | undefined;
  for (const clock of Object.values(row.clocks)) {
    if (latest === undefined || compareHlc(clock, latest) > 0) latest = clock;
  }
  return latest;
}
