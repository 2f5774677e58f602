import type { Page } from '@playwright/test';

/**
 * The peer's side of `npm run bench:peer`: PouchDB 9 in a page of the peer server's origin
 * (peer-server.ts) replicating a database from express-pouchdb into IndexedDB (its `idb`
 * adapter), the way a PouchDB app syncs a device. Not a spec: peer-bench.ts runs it.
 */

export interface PouchReplication {
  /** `PouchDB.replicate(remote, local)` called → its promise resolved. */
  totalMs: number;
  /** Docs the replication wrote (its own `docs_written`). */
  written: number;
  /** Docs the local database holds afterwards (`info().doc_count`). */
  localDocs: number;
}

/**
 * One replication from `remoteUrl` into the local database `localName`, `batchSize` docs per
 * `_changes`/`_bulk_get` round. A second call on the same local database is a catch-up: PouchDB
 * resumes from the checkpoint the first one stored.
 */
export async function pouchReplicate(
  page: Page,
  remoteUrl: string,
  localName: string,
  batchSize: number,
): Promise<PouchReplication> {
  return page.evaluate(
    async ({ remoteUrl, localName, batchSize }) => {
      type Db = { info(): Promise<{ doc_count: number }>; close(): Promise<void> };
      const PouchDB = (
        window as unknown as {
          PouchDB: {
            new (name: string): Db;
            replicate(
              from: Db,
              to: Db,
              options: { batch_size: number },
            ): Promise<{ ok: boolean; docs_written: number; errors: unknown[] }>;
          };
        }
      ).PouchDB;
      const remote = new PouchDB(remoteUrl);
      const local = new PouchDB(localName);
      const t0 = performance.now();
      const result = await PouchDB.replicate(remote, local, { batch_size: batchSize });
      const totalMs = performance.now() - t0;
      if (!result.ok)
        throw new Error(`PouchDB replication failed: ${JSON.stringify(result.errors)}`);
      const localDocs = (await local.info()).doc_count;
      await Promise.all([local.close(), remote.close()]);
      return { totalMs, written: result.docs_written, localDocs };
    },
    { remoteUrl, localName, batchSize },
  );
}

/** How many of the docs `ids` in the local database hold `notes === marker` (a catch-up's check). */
export async function pouchCountMarked(
  page: Page,
  localName: string,
  ids: string[],
  marker: string,
): Promise<number> {
  return page.evaluate(
    async ({ localName, ids, marker }) => {
      type Db = {
        allDocs(o: { keys: string[]; include_docs: true }): Promise<{
          rows: { doc?: { notes?: unknown } }[];
        }>;
        close(): Promise<void>;
      };
      const PouchDB = (window as unknown as { PouchDB: new (name: string) => Db }).PouchDB;
      const local = new PouchDB(localName);
      const { rows } = await local.allDocs({ keys: ids, include_docs: true });
      await local.close();
      return rows.filter((r) => r.doc?.notes === marker).length;
    },
    { localName, ids, marker },
  );
}
