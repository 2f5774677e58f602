import type { Transaction } from 'dexie';
import type { HlcState } from '../../../shared/hlc.js';
import type { Clocks } from '../../../shared/merge.js';
import type {
  BagValues,
  BrewerValues,
  BrewValues,
  Entity,
  GrinderValues,
  PhotoValues,
  RecipeValues,
} from '../../../shared/model/entities.js';
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
 * 5 — `photoBytes`: the images themselves, by hash (photos/photo-bytes.ts), with their upload
 *     state and when they were last viewed (eviction). Local only; a new table, nothing to upgrade.
 * 6 — `historyPages` replaces `history`: the values one pull store overwrote are one record (a
 *     catch-up of 500 changed rows wrote 500 records, which cost as much as reading the rows),
 *     indexed by every row it names. The upgrade moves each old entry into the page of the
 *     entries that arrived with it (same `at`), oldest first.
 * 7 — `recipes` (a bag's target per method, synced), indexed by `[bagId+method]`. Bags gain
 *     fields (region, farm, openedDate, price, flavourNotes, decaf, rating): a stored bag
 *     gets them as null, as a row made now holds every field (merge.ts emptyRow) and readers
 *     compare with null; its clocks are left alone (an unset field has none).
 * 8 — gear: `grinders` and `brewers` (synced rows, read whole: a person has a handful), and a
 *     brew's `grinderId` and `brewerId`, set to null (unset) on the brews already stored so
 *     every stored brew has every field of its table.
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
  {
    version: 5,
    stores: {
      photoBytes: 'hash, upload, [kind+lastViewedAt]',
    },
  },
  {
    version: 6,
    stores: { history: null, historyPages: '++id, *rowIds, at' },
    upgrade: async (tx) => {
      const old = await tx.table('history').orderBy('id').toArray();
      const pages = new Map<number, HistoryPage>();
      for (const { id: _id, at, ...lost } of old as (LostValue & { id: number; at: number })[]) {
        const page = pages.get(at) ?? { at, rowIds: [], entries: [] };
        if (!page.rowIds.includes(lost.rowId)) page.rowIds.push(lost.rowId);
        page.entries.push(lost);
        pages.set(at, page);
      }
      await tx.table('historyPages').bulkAdd([...pages.values()].sort((a, b) => a.at - b.at));
    },
  },
  {
    version: 7,
    stores: { recipes: 'id, [bagId+method]' },
    upgrade: (tx) =>
      tx
        .table('bags')
        .toCollection()
        .modify((bag: Record<string, unknown>) => {
          for (const field of BAG_FIELDS_ADDED_IN_7) bag[field] ??= null;
        }),
  },
  {
    version: 8,
    stores: { grinders: 'id', brewers: 'id' },
    upgrade: (tx) =>
      tx
        .table('brews')
        .toCollection()
        .modify((brew: { grinderId?: string | null; brewerId?: string | null }) => {
          brew.grinderId ??= null;
          brew.brewerId ??= null;
        }),
  },
];

/** The bag fields version 6 added; frozen here like the version itself. */
const BAG_FIELDS_ADDED_IN_7 = [
  'region',
  'farm',
  'openedDate',
  'price',
  'flavourNotes',
  'decaf',
  'rating',
] as const;

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
export type RecipeRecord = { id: string; clocks: Clocks } & RecipeValues;
export type GrinderRecord = { id: string; clocks: Clocks } & GrinderValues;
export type BrewerRecord = { id: string; clocks: Clocks } & BrewerValues;
interface RecordsByEntity {
  bag: BagRecord;
  brew: BrewRecord;
  photo: PhotoRecord;
  recipe: RecipeRecord;
  grinder: GrinderRecord;
  brewer: BrewerRecord;
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
  /**
   * Bytes of full images this device keeps before evicting the least recently viewed
   * (photos/photo-eviction.ts); unset = the default. A device setting: log-out keeps it.
   */
  photoBudgetBytes?: number;
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

/**
 * Where a stored image stands with the server. pending: made here, not uploaded yet (never
 * evicted); uploaded: the server has it (made here and uploaded, or downloaded from it);
 * rejected: the server refused it for good (`error` says why); it stays, never evicted.
 */
export type PhotoUploadState = 'pending' | 'uploaded' | 'rejected';

/** The bytes of one image (a full image or a thumbnail), stored by their SHA-256. */
export interface PhotoBytesRecord {
  /** SHA-256 of `blob`, lower-case hex: the photo row's `hash` or `thumbHash`. */
  hash: string;
  type: string;
  /**
   * The bytes: a Blob, or an ArrayBuffer in an engine whose IndexedDB refuses Blobs
   * (photos/stored-bytes.ts); read them with `imageBlob`.
   */
  blob: Blob | ArrayBuffer;
  kind: 'full' | 'thumb';
  upload: PhotoUploadState;
  /** The server's refusal (rejected), or the answer the upload waits on (quota full). */
  error?: ErrorBody;
  /** Taken on this device (false: downloaded). */
  madeHere: boolean;
  /** Device ms the image was last shown (or stored): eviction drops the oldest first. */
  lastViewedAt: number;
  /** `blob.size`, kept so sums need not read the blobs. */
  size: number;
}

/** A local value that a write from another device replaced. */
export interface LostValue {
  entity: Entity;
  rowId: string;
  field: string;
  value: unknown;
  clock: string;
  byValue: unknown;
  byClock: string;
}

/** The values one pull store replaced (history.ts), stored as one record. */
export interface HistoryPage {
  id?: number;
  /** Device ms when the overwrites arrived. */
  at: number;
  /** Every row an entry is about, once each: the index a row's history is found by. */
  rowIds: string[];
  entries: LostValue[];
}

/** One lost value as screens read it: with its page's time and an id to restore it by. */
export interface HistoryEntry extends LostValue {
  /** `<page id>.<index in the page>` (history.ts). */
  id: string;
  /** Device ms when the overwrite arrived. */
  at: number;
}
