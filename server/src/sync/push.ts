import type { Kysely } from 'kysely';
import { hlcMillis } from '../../../shared/hlc.js';
import { applyPatch, type MergeableRow } from '../../../shared/merge.js';
import { type Entity, perEntity } from '../../../shared/model/entities.js';
import { validatePatch } from '../../../shared/model/validate.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import type { Mutation } from '../../../shared/protocol/push.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { loadRows, lockAndLoadRows, writeVersion } from './sync-repository.js';

export interface PushResult {
  /** The account version after the push (unchanged when nothing changed). */
  version: number;
  /** Mutations that changed at least one field. */
  applied: number;
}

/**
 * PostgreSQL text cannot hold NUL, and an unpaired surrogate would come back as U+FFFD: a
 * different value under the same clock, which merge would then resolve differently on the
 * client and the server. Refusing both keeps "what you send is what you get back".
 */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);

/** Refuses a mutation stamped more than LIMITS.maxClockAheadMs ahead of the server. */
export function checkClocks(mutations: readonly Mutation[], serverNow: number): void {
  mutations.forEach((mutation, index) => {
    if (hlcMillis(mutation.hlc) > serverNow + LIMITS.maxClockAheadMs) {
      throw new AppError(
        409,
        'clock_ahead',
        `mutations[${index}].hlc is ahead of the server clock by more than ${LIMITS.maxClockAheadMs / 60_000} minutes; re-stamp it`,
        { index, mutationId: mutation.id, serverTime: serverNow },
      );
    }
  });
}

function rejectPatch(index: number, mutation: Mutation, field: string, message: string): never {
  throw new AppError(400, 'validation_failed', `mutations[${index}].patch.${field} ${message}`, {
    index,
    mutationId: mutation.id,
    field,
  });
}

interface Touched {
  row: MergeableRow;
  dirty: boolean;
}

/**
 * Applies a push in one transaction: lock the account and load every touched row in one
 * query (again after the lock if another push committed meanwhile), validate and merge in
 * memory, then write the changed rows at the next version.
 * A bad mutation throws before anything is written, and the transaction rolls back whole.
 */
export async function applyPush(
  db: Kysely<Database>,
  accountId: string,
  mutations: readonly Mutation[],
  serverNow: number,
): Promise<PushResult> {
  return db.transaction().execute(async (trx) => {
    const wanted = perEntity((entity) => [
      ...new Set(mutations.filter((m) => m.entity === entity).map((m) => m.rowId)),
    ]);
    const locked = await lockAndLoadRows(trx, accountId, wanted);
    const current = locked.version;
    if (current === undefined) throw new AppError(401, 'unauthorized', 'the account is gone');
    // Another push of the account committed while this one waited for the lock: its rows
    // were read before that commit, so read them again now that the lock is held.
    const stored = locked.current ? locked.rows : await loadRows(trx, accountId, wanted);

    const touched = new Map<string, Touched>();
    const key = (entity: Entity, id: string) => `${entity}:${id}`;
    for (const { entity, row } of stored) touched.set(key(entity, row.id), { row, dirty: false });

    let applied = 0;
    mutations.forEach((mutation, index) => {
      const entry = touched.get(key(mutation.entity, mutation.rowId));
      const problems = validatePatch(mutation.entity, mutation.patch, serverNow, {
        creating: entry === undefined,
      });
      const first = problems[0];
      if (first !== undefined) rejectPatch(index, mutation, first.field, first.message);
      for (const [field, value] of Object.entries(mutation.patch)) {
        if (typeof value === 'string' && unstorable(value)) {
          rejectPatch(index, mutation, field, 'must not contain NUL or unpaired surrogates');
        }
      }
      const { row, changed } = applyPatch(
        mutation.entity,
        entry?.row,
        mutation.rowId,
        mutation.patch,
        mutation.hlc,
      );
      if (changed.length === 0) return;
      applied += 1;
      touched.set(key(mutation.entity, mutation.rowId), { row, dirty: true });
    });

    // A replay changes nothing, so it takes no version: the pull has nothing new to send.
    if (applied === 0) return { version: current, applied };
    const version = current + 1;
    const dirty = (entity: Entity) =>
      [...touched].filter(([k, e]) => e.dirty && k.startsWith(`${entity}:`)).map(([, e]) => e.row);
    await writeVersion(trx, accountId, version, perEntity(dirty));
    return { version, applied };
  });
}
