import { randomUUID } from 'node:crypto';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { Hlc } from '../../shared/hlc.js';
import type { PushRequest } from '../../shared/protocol/push.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { ApiClient } from './api.js';

/**
 * Helpers for stories 7–11: reading what a device holds (its IndexedDB, as a check — the
 * stories act through the UI) and playing "the other device" through the API. Not a spec.
 */

export type Row = { id: string; clocks: Record<string, string> } & Record<string, unknown>;

export interface LocalState {
  bags: Row[];
  brews: Row[];
  outbox: { mutationId: string; state: string; hlc: string }[];
  meta: Record<string, unknown> | null;
  /** The IndexedDB version of the database (Dexie schema version × 10). */
  idbVersion: number;
  /** Index names per store, to see a schema upgrade land. */
  indexes: Record<string, string[]>;
}

/**
 * Reads the app's database from a page of the origin that runs no app code (/favicon.svg),
 * opening it at whatever version it is, so looking never upgrades or triggers anything.
 */
export async function readLocalState(context: BrowserContext): Promise<LocalState> {
  const probe = await context.newPage();
  try {
    await probe.goto('/favicon.svg');
    return await probe.evaluate(
      () =>
        new Promise<LocalState>((resolve, reject) => {
          const open = indexedDB.open('dial-in');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const names = ['bags', 'brews', 'outbox', 'meta'].filter((n) =>
              db.objectStoreNames.contains(n),
            );
            const indexes: Record<string, string[]> = {};
            const tx = db.transaction(names);
            const out: Record<string, unknown[]> = {};
            for (const name of names) {
              const store = tx.objectStore(name);
              indexes[name] = Array.from({ length: store.indexNames.length }, (_, i) =>
                String(store.indexNames.item(i)),
              );
              const all = store.getAll();
              all.onsuccess = () => {
                out[name] = all.result;
              };
            }
            tx.oncomplete = () => {
              db.close();
              resolve({
                bags: (out.bags ?? []) as Row[],
                brews: (out.brews ?? []) as Row[],
                outbox: (out.outbox ?? []) as LocalState['outbox'],
                meta: ((out.meta ?? [])[0] ?? null) as Record<string, unknown> | null,
                idbVersion: db.version,
                indexes,
              });
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  } finally {
    await probe.close();
  }
}

/** Server rows without the server's `version`, sorted by id: comparable with local rows. */
export function comparable(rows: readonly object[]): Row[] {
  return (rows as Row[])
    .map(({ version: _version, ...rest }) => rest as Row)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The pill in the header, e.g. "Synced just now · 2 pending". */
export function syncPill(page: Page) {
  return page.locator('.sync-pill');
}

/** Waits until the device says everything is on the server (no pending, no rejected). */
export async function expectSynced(page: Page): Promise<void> {
  await expect(syncPill(page)).toContainText('Synced', { timeout: 30_000 });
  await expect(syncPill(page)).not.toContainText('pending');
  await expect(syncPill(page)).not.toContainText('rejected');
}

/**
 * "The other device" writing through the API: mutations stamped by its own HLC, sent in
 * pushes of at most `batch`, as a device's sync engine would.
 */
export class ApiDevice {
  readonly clock: Hlc;
  constructor(
    readonly api: ApiClient,
    readonly accountId: string,
    readonly deviceId = `api-${randomUUID().slice(0, 8)}`,
  ) {
    this.clock = new Hlc(deviceId);
  }

  mutation(entity: 'bag' | 'brew' | 'photo', rowId: string, patch: Record<string, unknown>) {
    return { id: randomUUID(), entity, rowId, hlc: this.clock.now(), patch };
  }

  async push(mutations: ReturnType<ApiDevice['mutation']>[], batch = 100): Promise<number> {
    let requests = 0;
    for (let i = 0; i < mutations.length; i += batch) {
      const body = {
        accountId: this.accountId,
        deviceId: this.deviceId,
        schemaVersion: PROTOCOL_VERSION,
        mutations: mutations.slice(i, i + batch),
      } as PushRequest;
      await this.api.push(body);
      requests += 1;
    }
    return requests;
  }
}

/**
 * Story 7's trip, played by `other`: a new bag, 300 brews of it, 197 ratings of those, a
 * delete, and an edit of the phone's own brew `own` — 500 changes, 302 rows changed.
 */
export function fiveHundredChanges(
  other: ApiDevice,
  own: string,
): { changes: ReturnType<ApiDevice['mutation']>[]; bagId: string; brewIds: string[] } {
  const bagId = randomUUID();
  const brewIds = Array.from({ length: 300 }, () => randomUUID());
  const start = Date.parse('2026-01-01T08:00:00Z');
  const changes = [
    other.mutation('bag', bagId, { name: 'Laptop coffee', roaster: 'Far away' }),
    ...brewIds.map((id, i) =>
      other.mutation('brew', id, {
        bagId,
        method: 'espresso',
        doseG: 18,
        yieldG: 30 + (i % 10),
        brewedAt: new Date(start + i * 60_000).toISOString(),
        notes: `trip brew ${i}`,
      }),
    ),
    ...brewIds.slice(100, 297).map((id, i) => other.mutation('brew', id, { rating: (i % 10) / 2 })),
    other.mutation('brew', brewIds[299] ?? '', { deletedAt: new Date(start).toISOString() }),
    other.mutation('brew', own, { notes: 'edited on the laptop' }),
  ];
  return { changes, bagId, brewIds };
}
