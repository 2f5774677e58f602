import type { Table } from 'dexie';
import { applyPatch, type MergeableRow } from '../../../shared/merge.js';
import type { Entity, Patch } from '../../../shared/model/entities.js';
import { validatePatch } from '../../../shared/model/validate.js';
import { correctedNow, stamp } from './clock.js';
import { type DialInDb, entityTable } from './db.js';
import { MissingRowError, ValidationError } from './errors.js';
import { loadMeta } from './meta.js';
import type { OutboxEntry } from './schema.js';

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The one write path: validates the patch, stamps it with the device clock, applies it to
 * the row and appends the outbox entry — in ONE transaction, so a row is never changed
 * without the mutation that tells the server, and the clock never issues a stamp twice.
 * Fields whose value would not change are dropped; a patch that changes nothing writes
 * nothing and returns false.
 */
export async function writePatch<E extends Entity>(
  db: DialInDb,
  entity: E,
  id: string,
  patch: Patch<E>,
  mode: 'create' | 'update',
): Promise<boolean> {
  const table = entityTable(db, entity) as Table<MergeableRow, string>;
  const changed = await db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const meta = await loadMeta(db);
    const existing = (await table.get(id)) as MergeableRow | undefined;
    if (mode === 'update' && existing === undefined) throw new MissingRowError(entity, id);
    if (mode === 'create' && existing !== undefined) {
      throw new ValidationError(entity, [{ field: 'id', message: 'already exists' }]);
    }
    const raw = patch as Record<string, unknown>;
    const problems = validatePatch(entity, raw, correctedNow(db, meta), {
      creating: mode === 'create',
    });
    if (problems.length > 0) throw new ValidationError(entity, problems);

    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(raw)) {
      if (value === undefined || (mode === 'create' && value === null)) continue;
      // Compared with the value even when the field was never written: an edit form sends
      // every field, and stamping an untouched empty field would overwrite a value another
      // device set meanwhile (a concurrent rating lost to a notes edit).
      if (!sameValue(existing?.[field], value)) changes[field] = value;
    }
    if (Object.keys(changes).length === 0) return false;

    const { hlc, meta: stamped } = await stamp(db);
    const { row } = applyPatch(entity, existing, id, changes, hlc);
    const previous: OutboxEntry['previous'] = {};
    for (const field of Object.keys(changes)) {
      previous[field] = {
        value: existing?.[field] ?? null,
        clock: existing?.clocks[field] ?? null,
      };
    }
    await table.put(row as never);
    await db.outbox.add({
      mutationId: crypto.randomUUID(),
      accountId: stamped.accountId,
      entity,
      rowId: id,
      hlc,
      patch: changes,
      previous,
      state: 'pending',
      createdAt: db.now(),
    });
    return true;
  });
  // After the commit, so a listener that reads the outbox sees the entry.
  if (changed) notifyLocalWrite();
  return changed;
}

type Listener = () => void;
const localWriteListeners = new Set<Listener>();

/** Called after every local write (the sync engine pushes ~1 s later). Returns unsubscribe. */
export function onLocalWrite(listener: Listener): () => void {
  localWriteListeners.add(listener);
  return () => localWriteListeners.delete(listener);
}

function notifyLocalWrite(): void {
  for (const listener of localWriteListeners) listener();
}
