import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';

/**
 * The peer's server for `npm run bench:peer`: express-pouchdb 4 (a CouchDB-compatible HTTP API)
 * over PouchDB's in-memory adapter, on loopback, plus the two files the browser side needs —
 * a blank page and PouchDB 9 (pouchdb-browser, bundled here by esbuild) — all from one origin
 * of its own, so the peer's page is not under the app's CSP and its IndexedDB starts empty.
 */

/** The few PouchDB calls the bench makes on the server's side. */
interface ServerDb {
  bulkDocs(docs: object[]): Promise<({ ok: true } | { error: string; reason?: string })[]>;
  allDocs(options: {
    keys: string[];
  }): Promise<{ rows: { id: string; value?: { rev: string } }[] }>;
  info(): Promise<{ doc_count: number }>;
}
type ServerDbConstructor = new (name: string) => ServerDb;

interface ExpressApp {
  use(path: string, handler: unknown): void;
  get(path: string, handler: (req: unknown, res: ExpressResponse) => void): void;
  listen(port: number, host: string, ready: () => void): NodeServer;
}
interface ExpressResponse {
  type(mime: string): ExpressResponse;
  send(body: string): void;
}
interface NodeServer {
  address(): AddressInfo | string | null;
  close(done: (error?: Error) => void): void;
  closeAllConnections(): void;
}

// These packages ship no types; each is required once here, with the shape the bench uses.
const require = createRequire(import.meta.url);
const express = require('express') as () => ExpressApp;
const expressPouchDB = require('express-pouchdb') as (db: unknown, options: object) => unknown;
const PouchCore = require('pouchdb-core') as {
  plugin(p: unknown): { defaults(o: object): unknown };
};
const MemoryDb = PouchCore.plugin(require('pouchdb-adapter-memory')).defaults({
  adapter: 'memory',
}) as ServerDbConstructor;

/** Where the browser side gets PouchDB: `window.PouchDB`. */
export const POUCHDB_SCRIPT = '/pouchdb.js';
/** The CouchDB API's mount point on the peer's origin. */
export const COUCH_PATH = '/couch';

const BLANK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>peer</title><script src="${POUCHDB_SCRIPT}"></script></head><body></body></html>`;

export interface PeerServer {
  /** Origin of the peer's page and CouchDB API, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Creates a database on the server holding `docs` (each has its `_id`). */
  seed(dbName: string, docs: object[]): Promise<void>;
  /** Writes new contents of existing docs (same `_id`s) as the next revision of each. */
  change(dbName: string, docs: { _id: string }[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startPeerServer(): Promise<PeerServer> {
  const bundle = await build({
    stdin: {
      contents: "import PouchDB from 'pouchdb-browser'; window.PouchDB = PouchDB;",
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]?.text;
  if (!script) throw new Error('esbuild produced no PouchDB bundle');

  const app = express();
  app.get('/', (_req, res) => res.type('html').send(BLANK_PAGE));
  app.get(POUCHDB_SCRIPT, (_req, res) => res.type('js').send(script));
  // express-pouchdb gzips its answers (its default), as our server compresses its pull pages.
  app.use(
    COUCH_PATH,
    expressPouchDB(MemoryDb, { mode: 'minimumForPouchDB', inMemoryConfig: true }),
  );
  const server = await new Promise<NodeServer>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address() as AddressInfo;

  // express-pouchdb holds the databases it opened: destroying one hangs later requests, so
  // each run seeds a database of its own name and they live until the process ends.
  const dbs = new Map<string, ServerDb>();
  const open = (name: string) => {
    const db = dbs.get(name) ?? new MemoryDb(name);
    dbs.set(name, db);
    return db;
  };
  const write = async (db: ServerDb, docs: object[]) => {
    for (let i = 0; i < docs.length; i += 1000) {
      const results = await db.bulkDocs(docs.slice(i, i + 1000));
      const failed = results.find((r) => 'error' in r);
      if (failed) throw new Error(`the peer refused a doc: ${JSON.stringify(failed)}`);
    }
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    async seed(dbName, docs) {
      const db = open(dbName);
      if ((await db.info()).doc_count !== 0) throw new Error(`peer database ${dbName} is not new`);
      await write(db, docs);
    },
    async change(dbName, docs) {
      const db = open(dbName);
      const { rows } = await db.allDocs({ keys: docs.map((d) => d._id) });
      const revs = new Map(rows.map((r) => [r.id, r.value?.rev]));
      await write(
        db,
        docs.map((doc) => {
          const rev = revs.get(doc._id);
          if (!rev) throw new Error(`peer database ${dbName} has no doc ${doc._id} to change`);
          return { ...doc, _rev: rev };
        }),
      );
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
