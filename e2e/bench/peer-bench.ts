/**
 * `npm run bench:peer` — issue 16 §3: the peer measured beside us, in one run, one Chromium.
 *
 * For each size in BENCH_PEER_ROWS (brews; default "10000,50000") plus BENCH_PEER_BAGS bags
 * (300), one account is seeded through our push route (browser-seed.ts); the rows our server
 * then sends are copied, field for field, as docs into express-pouchdb (peer/peer-server.ts).
 * Into empty IndexedDB databases of one device, alternating:
 *   - ours: the app's initial sync after "Log in" (initial-sync.ts),
 *   - the floor: plain fetch of our pull pages + raw IndexedDB puts (initial-sync.ts), twice,
 *   - PouchDB 9 replicating the same docs, at each batch size of BENCH_PEER_BATCHES
 *     ("100,500,1000"; 100 is PouchDB's default) — peer/pouch-replicate.ts.
 * Then a catch-up of BENCH_PEER_CHANGES (500) brews changed by another device: ours "Sync now"
 * (BENCH_PEER_CATCH_UPS times, 3, each after the same brews changed again; the best counts),
 * the floor's fetch + put of those rows into each floor database, and PouchDB replicating
 * again into each of its databases (from its checkpoint), at each batch size.
 * PouchDB's page first replicates 10 docs of a database of its own (its one-time start).
 * Both servers compress their answers (ours br/gzip, express-pouchdb gzip, their defaults).
 *
 * Prints figures; asserts nothing but completeness (every row arrived, counted).
 * BENCH_PEER_PROFILE=<folder> writes the page's CPU profile of our catch-up there.
 * Server on PostgreSQL when DATABASE_URL is set, else PGlite in memory (said in the output).
 * Needs the built app (`npm run build`). CI smoke: BENCH_PEER_ROWS=200 BENCH_PEER_BAGS=10
 * BENCH_PEER_BATCHES=100 npm run bench:peer
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { LIMITS } from '../../shared/protocol/limits.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { type ApiClient, newApiClient, TEST_PASSWORD } from '../support/api.js';
import { launchDevice } from '../support/device.js';
import { ApiDevice, readLocalState } from '../support/late-device-state.js';
import { openControlledApp, signInFromPage } from '../support/pwa.js';
import { startServer } from '../support/server.js';
import { seedAccount } from './browser-seed.js';
import { appInitialSync, deleteDatabases, floorSync } from './initial-sync.js';
import { type AppCatchUp, appCatchUp, floorCatchUp } from './peer/catch-up.js';
import { COUCH_PATH, type PeerServer, startPeerServer } from './peer/peer-server.js';
import { printPeerTable, type SizeResult, type Timings } from './peer/peer-table.js';
import { pouchCountMarked, pouchReplicate } from './peer/pouch-replicate.js';

/** A comma-separated list of positive integers from the environment, or a clear error. */
function sizesFrom(name: string, fallback: string): number[] {
  const raw = process.env[name] ?? fallback;
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`${name} must be positive integers separated by commas, got "${raw}"`);
  }
  return list;
}

const SIZES = sizesFrom('BENCH_PEER_ROWS', '10000,50000');
const BATCHES = sizesFrom('BENCH_PEER_BATCHES', '100,500,1000');
const BAGS = sizesFrom('BENCH_PEER_BAGS', '300')[0] ?? 300;
const CHANGES = sizesFrom('BENCH_PEER_CHANGES', '500')[0] ?? 500;
/** How many times ours catches up (the best is reported, as the floor's best of two is). */
const OURS_CATCH_UPS = sizesFrom('BENCH_PEER_CATCH_UPS', '3')[0] ?? 3;
const PAGE_SIZE = LIMITS.pullPageDefault;
const distClient = path.resolve(import.meta.dirname, '../../dist/client');
if (!existsSync(path.join(distClient, 'index.html'))) {
  throw new Error(`no built app in ${distClient}: run \`npm run build\` first`);
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Where BENCH_PEER_PROFILE asks the page's CPU profiles to go (a folder), if it does. */
const PROFILE_DIR = process.env.BENCH_PEER_PROFILE;

/**
 * Runs `work` under the page's CPU profiler (CDP Profiler) when BENCH_PEER_PROFILE names a
 * folder, and writes `<name>.cpuprofile` there (open it in Chrome's DevTools); else just runs it.
 */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (PROFILE_DIR === undefined) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

/** Our server's rows as CouchDB docs: the same fields and values, `id` become `_id`. */
function asDocs(rows: readonly { id: string }[]): { _id: string }[] {
  return rows.map(({ id, ...rest }) => ({ _id: id, ...rest }));
}

/** The pull pages after `cursor`: the rows another device changed since. */
async function pullSince(api: ApiClient, cursor: string): Promise<PullResponse['brews']> {
  const rows: PullResponse['brews'] = [];
  let next = cursor;
  for (;;) {
    const page = await api.pull(next, 1000);
    if (page.bags.length > 0) throw new Error('the catch-up changed no bags, but bags came back');
    rows.push(...page.brews);
    next = page.cursor;
    if (!page.hasMore) return rows;
  }
}

function expectCount(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${what}: ${got} rows arrived, not ${want}`);
}

/**
 * Runs `pouchSteps` and `ourSteps` alternately (p0, o0, p1, o1, …; the longer list's tail last),
 * so a drift of the machine's load spreads over both sides instead of favouring one.
 */
async function alternate(
  pouchSteps: (() => Promise<void>)[],
  ourSteps: (() => Promise<void>)[],
): Promise<void> {
  for (let i = 0; i < Math.max(pouchSteps.length, ourSteps.length); i++) {
    await pouchSteps[i]?.();
    await ourSteps[i]?.();
  }
}

/** One size's account and device, shared by its initial syncs and its catch-ups. */
interface SizeRun {
  page: Page;
  peerPage: Page;
  context: BrowserContext;
  email: string;
  accountId: string;
  /** Every row our server sends, and the cursor after the last. */
  all: Awaited<ReturnType<ApiClient['pullAll']>>;
  rows: number;
  couchDb: string;
  /** The peer's database URL, as PouchDB in the page opens it. */
  remote: string;
}

const FLOOR_DBS = ['floor-0', 'floor-1'];
const pouchDb = (batch: number) => `peer-${batch}`;

async function initialSyncs(run: SizeRun): Promise<Timings> {
  const pouch: Timings['pouch'] = [];
  const floors: number[] = [];
  let ours = Number.NaN;
  const floor = (name: string) => async () => {
    const f = await floorSync(run.page, name, PAGE_SIZE);
    expectCount('floor', f.rows, run.rows);
    floors.push(f.totalMs);
    console.log(`  floor: ${ms(f.totalMs)} (${f.pages} pages of ${PAGE_SIZE})`);
  };
  await alternate(
    BATCHES.map((batch) => async () => {
      const r = await pouchReplicate(run.peerPage, run.remote, pouchDb(batch), batch);
      expectCount(`PouchDB, batch ${batch}`, r.localDocs, run.rows);
      pouch.push({ batch, ms: r.totalMs });
      console.log(`  PouchDB, batch ${batch}: ${ms(r.totalMs)}`);
    }),
    [
      floor('floor-0'),
      async () => {
        const r = await appInitialSync(run.page, run.email);
        const local = await readLocalState(run.context);
        expectCount('ours', local.bags.length + local.brews.length, run.rows);
        ours = r.pullMs;
        console.log(`  ours: ${ms(r.pullMs)} (${r.pages} pages of ${PAGE_SIZE})`);
      },
      floor('floor-1'),
    ],
  );
  return { ours, floor: Math.min(...floors), pouch };
}

/**
 * Another device changes `changes` brews; ours pulls them first (its check needs the change
 * made just before its click), then PouchDB at each batch size alternates with the floor.
 */
async function catchUps(
  run: SizeRun,
  api: ApiClient,
  peer: PeerServer,
  changes: number,
): Promise<Timings> {
  const changed = run.all.brews.slice(0, changes);
  const other = new ApiDevice(api, run.accountId);
  let marker = '';
  const ours: AppCatchUp[] = [];
  // The app's own triggers (its 30 s interval) may pull between the change and the click;
  // such a run timed nothing (null), so the same rows are changed again. Ours is timed
  // OURS_CATCH_UPS times and the best kept, as the floor's best of its databases is.
  for (let attempt = 1; ours.length < OURS_CATCH_UPS; attempt++) {
    if (attempt > OURS_CATCH_UPS + 3) {
      throw new Error('the app pulled by itself before "Sync now" three times');
    }
    marker = `Catch-up ${attempt} of ${changes}: changed on another device.`;
    const notes = marker;
    const timed = await profiled(run.page, `catch-up-${run.rows}-${attempt}`, () =>
      appCatchUp(run.page, async () => {
        await other.push(
          changed.map((row) => other.mutation('brew', row.id, { notes })),
          LIMITS.pushMutations,
        );
      }),
    );
    if (timed === null) {
      console.log('  (the app pulled by itself before the click: again)');
      continue;
    }
    ours.push(timed);
    const local = await readLocalState(run.context);
    expectCount('ours, catch-up', local.brews.filter((b) => b.notes === marker).length, changes);
    console.log(
      `  catch-up, ours: ${ms(timed.pullMs)} (${timed.pages} pull pages; from the click ${ms(timed.fromClickMs)})`,
    );
  }
  const changedRows = await pullSince(api, run.all.cursor);
  expectCount('changed on the server', changedRows.length, changes);
  await peer.change(run.couchDb, asDocs(changedRows));

  const pouch: Timings['pouch'] = [];
  const floors: number[] = [];
  await alternate(
    BATCHES.map((batch) => async () => {
      const r = await pouchReplicate(run.peerPage, run.remote, pouchDb(batch), batch);
      expectCount(`PouchDB, batch ${batch}, catch-up (written)`, r.written, changes);
      const ids = changed.map((row) => row.id);
      const marked = await pouchCountMarked(run.peerPage, pouchDb(batch), ids, marker);
      expectCount(`PouchDB, batch ${batch}, catch-up (changed docs)`, marked, changes);
      pouch.push({ batch, ms: r.totalMs });
      console.log(`  catch-up, PouchDB, batch ${batch}: ${ms(r.totalMs)}`);
    }),
    FLOOR_DBS.map((name) => async () => {
      const f = await floorCatchUp(run.page, name, run.all.cursor, PAGE_SIZE);
      expectCount('floor, catch-up', f.rows, changes);
      floors.push(f.totalMs);
      console.log(`  catch-up, floor: ${ms(f.totalMs)}`);
    }),
  );
  return { ours: Math.min(...ours.map((c) => c.pullMs)), floor: Math.min(...floors), pouch };
}

async function runSize(
  api: ApiClient,
  peer: PeerServer,
  serverUrl: string,
  brews: number,
): Promise<SizeResult> {
  const changes = Math.min(CHANGES, brews);
  const seeded = await seedAccount(api, { bags: BAGS, brews });
  const rows = BAGS + brews;
  const all = await api.pullAll();
  const docs = asDocs([...all.bags, ...all.brews]);
  const couchDb = `bench-${seeded.accountId}`;
  await peer.seed(couchDb, docs);
  // A first replication pays for PouchDB's one-time start (opening IndexedDB, its meta
  // stores): warmed on a few docs of a database of its own, as the app's page is loaded.
  await peer.seed(`warm-up-${seeded.accountId}`, docs.slice(0, 10));
  const bytes = (list: readonly object[]) => Buffer.byteLength(JSON.stringify(list)) / list.length;
  console.log(
    `\n${rows} rows (${brews} brews + ${BAGS} bags), seeded on both servers;` +
      ` JSON per row ${bytes([...all.bags, ...all.brews]).toFixed(0)} B, per doc ${bytes(docs).toFixed(0)} B`,
  );

  const device = await launchDevice(serverUrl);
  try {
    const { page, context } = device;
    await openControlledApp(page);
    // The floor's fetches need the account's cookie; the app still believes it is anonymous.
    await signInFromPage(page, 'login', seeded.email, TEST_PASSWORD);
    const peerPage = await context.newPage();
    await peerPage.goto(`${peer.url}/`);
    const warmUp = `${peer.url}${COUCH_PATH}/warm-up-${seeded.accountId}`;
    await pouchReplicate(peerPage, warmUp, 'warm-up', 100);
    const run: SizeRun = {
      page,
      peerPage,
      context,
      email: seeded.email,
      accountId: seeded.accountId,
      all,
      rows,
      couchDb,
      remote: `${peer.url}${COUCH_PATH}/${couchDb}`,
    };
    const initial = await initialSyncs(run);
    const catchUp = await catchUps(run, api, peer, changes);
    await deleteDatabases(page, FLOOR_DBS);
    return { rows, changes, initial, catchUp };
  } finally {
    await device.close();
  }
}

const backend = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL, own schema)'
  : 'PGlite in memory — DATABASE_URL is not set';
console.log(`server database: ${backend}; PouchDB 9 (idb) from express-pouchdb 4 (memory)`);
const server = await startServer({ env: { STATIC_DIR: distClient } });
const peer = await startPeerServer();
const api = await newApiClient(server.url);
try {
  const results: SizeResult[] = [];
  for (const brews of SIZES) results.push(await runSize(api, peer, server.url, brews));
  printPeerTable(results);
} finally {
  await api.dispose();
  await peer.stop();
  await server.stop();
}
