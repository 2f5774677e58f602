import type { Transaction } from 'dexie';
import type { HlcState } from '../../../shared/hlc.js';
import type { Clocks } from '../../../shared/merge.js';
import type { BagValues, BrewValues, Entity, PhotoValues } from '../../../shared/model/entities.js';
import type { ErrorBody } from '../../../shared/protocol/errors.js';

/**
 * The local database layout, one entry per schema version. A version is never edited once
 * shipped: a change adds a version (Dexie keeps every declared version and runs the
 * upgrades in order), and `schema.test.ts` opens a database written by the previous one.
 *
 * History:
 * 1 — bags, brews, outbox (no states: every entry was pending), meta.
 * 2 — outbox `state` (pending | sent | queued | rejected), `history` of overwritten values,
 *     the `[bagId+method]` index that `newBrewFrom` reads.
 * 3 — `drafts`: an unsaved form per account (drafts.ts); local only, never synced. Nothing to
 *     upgrade: a device on version 2 had no drafts.
 * 4 — `photos` (the synced photo rows; their bytes are stored apart), indexed by owner and by
 *     the hashes of the full image and the thumbnail. A new table: no row to upgrade.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      bags: 'id',
      brews: 'id, bagId, brewedAt',
      outbox: '++seq, &mutationId, rowId',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      brews: 'id, bagId, brewedAt, [bagId+method]',
      outbox: '++seq, &mutationId, rowId, state',
      history: '++id, rowId, at',
    },
    // Entries written by version 1 had no state; all of them were waiting to be sent.
    upgrade: (tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((entry: { state?: OutboxState }) => {
          entry.state ??= 'pending';
        }),
  },
  {
    version: 3,
    stores: { drafts: 'key' },
  },
  {
    version: 4,
    stores: {
      photos: 'id, [ownerKind+ownerId], hash, thumbHash',
    },
  },
];

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

/** A row as stored locally: flat values, each field's clock (shared/merge.ts MergeableRow). */
export type BagRecord = { id: string; clocks: Clocks } & BagValues;
export type BrewRecord = { id: string; clocks: Clocks } & BrewValues;
export type PhotoRecord = { id: string; clocks: Clocks } & PhotoValues;
interface RecordsByEntity {
  bag: BagRecord;
  brew: BrewRecord;
  photo: PhotoRecord;
}
export type RecordFor<E extends Entity> = RecordsByEntity[E];

/**
 * pending: not yet sent (or sent by a context that died); sent: a push is in flight;
 * queued: the service worker holds it for background replay (not resent for a while);
 * rejected: the server refused it with `error` — kept and shown, never silently dropped.
 */
export type OutboxState = 'pending' | 'sent' | 'queued' | 'rejected';

/** One local write the server has not acknowledged. Order (`seq`) is the order of writes. */
export interface OutboxEntry {
  seq?: number;
  /** The wire mutation id; the server deduplicates replays by it. */
  mutationId: string;
  /** The account the write was made under; null while anonymous (claimed at sign-up). */
  accountId: string | null;
  entity: Entity;
  rowId: string;
  hlc: string;
  patch: Record<string, unknown>;
  /** The values and clocks the patch replaced, so a rejected write can be undone. */
  previous: Record<string, { value: unknown; clock: string | null }>;
  state: OutboxState;
  error?: ErrorBody;
  /** When the service worker queued it (device ms); it is not resent for a while after. */
  queuedAt?: number;
  createdAt: number;
}

/** The device's single meta record (key 'device'). */
export interface MetaRecord {
  key: 'device';
  /** This install's id: the HLC node and the push `deviceId`. A new one after log out. */
  deviceId: string;
  accountId: string | null;
  email: string | null;
  /** Persisted HLC state, so clocks never go backwards across reloads and contexts. */
  hlc: HlcState;
  /** The newest clock received from the server: the floor when the clock is reset. */
  hlcReceived: string | null;
  /** Server time minus device time (ms), learned from `serverTime` in replies. */
  clockOffsetMs: number;
  /** The round trip the offset was measured over (its uncertainty); null = never measured. */
  clockOffsetRttMs?: number | null;
  /** Opaque pull cursor; null = pull from the start. */
  cursor: string | null;
  lastSyncedAt: number | null;
  /** The server answered 401: keep everything, stop syncing until the same account logs in. */
  signedOutOnServer: boolean;
}

/**
 * A form left unsaved (drafts.ts). `values` is the form's own shape, checked by the UI when it
 * reads one back; the data layer only keeps it.
 */
export interface DraftRecord {
  /** `<account id or "anonymous">|<form>`: one account's draft is never found under another. */
  key: string;
  /** The form, e.g. `log`. */
  form: string;
  /** Where the form was opened from (its link's query), so a reload restores, not restarts. */
  origin: string;
  values: Record<string, unknown>;
  /** Device ms of the last change. */
  updatedAt: number;
}

/** A local value that a write from another device replaced. */
export interface HistoryEntry {
  id?: number;
  entity: Entity;
  rowId: string;
  field: string;
  value: unknown;
  clock: string;
  byValue: unknown;
  byClock: string;
  /** Device ms when the overwrite arrived. */
  at: number;
}
