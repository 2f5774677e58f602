/**
 * Push and pull throughput through the real routes (app.inject: Fastify validation, session,
 * one transaction per push, merge, response serialization), next to what the same database
 * does with a plain multi-row upsert and a plain select of the same rows. Prints figures per
 * second of wall clock and per second of CPU (this process + its database backends); asserts
 * nothing.
 *
 *   npm run bench:server                      # PGlite, and PostgreSQL when DATABASE_URL is set
 *   BENCH_ROWS=2000 npm run bench:server      # or: npm run bench:server -- 2000 (default 20000)
 *   BENCH_PGLITE=0 npm run bench:server       # PostgreSQL only
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Hlc } from '../../shared/hlc.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation } from '../../shared/protocol/push.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { buildApp } from '../src/app.js';
import { createDatabase } from '../src/db/create-database.js';
import { migrateToLatest } from '../src/db/migrate-to-latest.js';
import { type Measured, measure, rates } from './cpu-meter.js';
import { batches, creations, plainSelect, plainUpsert, updates } from './workload.js';

const ROWS = Math.max(200, Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 20_000));
const BATCH = 100;
/** What the client really sends when it has a backlog: client/src/sync/push.ts, up to 500. */
const CLIENT_BATCH = 500;
const PAGE = 1000;
/**
 * Reads are repeated: one pass over 20,000 rows takes ~0.4 s, too short for the 10 ms CPU
 * ticks of /proc (summed over a dozen processes) and for one scheduling hiccup on a shared
 * machine, which moved single-pass figures by ±20 %.
 */
const READ_PASSES = 5;
/** Devices pushing at once in the concurrent phase: a server serves many, not one in turn. */
const DEVICES = 4;

interface Account {
  cookie: string;
  accountId: string;
}

async function signUp(app: FastifyInstance): Promise<Account> {
  const response = await app.inject({
    method: 'POST',
    url: ROUTES.auth.signup.path,
    payload: { email: `bench-${randomUUID()}@example.com`, password: 'bench password' },
  });
  if (response.statusCode !== 201) throw new Error(`signup: ${response.statusCode}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0] as string;
  return { cookie, accountId: (response.json() as { account: { id: string } }).account.id };
}

async function pushAll(
  app: FastifyInstance,
  account: Account,
  mutations: Mutation[],
  batchSize = BATCH,
) {
  for (const batch of batches(mutations, batchSize)) {
    const response = await app.inject({
      method: 'POST',
      url: ROUTES.sync.push.path,
      headers: { cookie: account.cookie },
      payload: {
        accountId: account.accountId,
        deviceId: 'bench',
        schemaVersion: PROTOCOL_VERSION,
        mutations: batch,
      },
    });
    if (response.statusCode !== 200)
      throw new Error(`push: ${response.statusCode} ${response.body}`);
  }
}

async function pullAll(app: FastifyInstance, cookie: string): Promise<number> {
  let cursor: string | undefined;
  let rows = 0;
  for (;;) {
    const query = `limit=${PAGE}${cursor === undefined ? '' : `&cursor=${cursor}`}`;
    const response = await app.inject({
      method: 'GET',
      url: `${ROUTES.sync.pull.path}?${query}`,
      headers: { cookie },
    });
    if (response.statusCode !== 200)
      throw new Error(`pull: ${response.statusCode} ${response.body}`);
    const page = response.json() as PullResponse;
    rows += page.bags.length + page.brews.length;
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}

/** READ_PASSES passes of DEVICES reads at once, each of which must read all ROWS. */
async function readsAtOnce(what: string, read: () => Promise<number>): Promise<void> {
  for (let pass = 0; pass < READ_PASSES; pass += 1) {
    const counts = await Promise.all(Array.from({ length: DEVICES }, read));
    if (counts.some((n) => n !== ROWS)) throw new Error(`${what} ${counts.join(', ')}`);
  }
}

type Phase =
  | 'pushCreate'
  | 'pushUpdate'
  | 'upsert'
  | 'pushCreate500'
  | 'pushUpdate500'
  | 'upsert500'
  | 'pushCreateDevices'
  | 'upsertDevices'
  | 'pull'
  | 'select'
  | 'pullDevices'
  | 'selectDevices';

async function bench(
  url: string | undefined,
): Promise<{ name: string; phases: Record<Phase, Measured> }> {
  const schema = url === undefined ? undefined : `bench_${randomUUID().replaceAll('-', '')}`;
  const handle = await createDatabase({ url, dataDir: 'memory://', schema });
  const timed = (run: () => Promise<unknown>) =>
    measure(handle.db, handle.kind, async () => void (await run()));
  try {
    await migrateToLatest(handle.db, handle.schema);
    const app = await buildApp({
      db: handle.db,
      authRateLimit: {
        ipMax: 1e6,
        emailMax: 1e6,
        pairMax: 1e6,
        windowMs: 60_000,
        delayBaseMs: 0,
        delayMaxMs: 0,
      },
    });
    await app.ready();
    const clock = new Hlc('bench');

    // Warm-up: JIT, query plans, pool connections.
    const warm = await signUp(app);
    const warmRows = creations(clock, 1000);
    await pushAll(app, warm, warmRows);
    await pullAll(app, warm.cookie);
    await plainUpsert(handle.db, (await signUp(app)).accountId, warmRows, BATCH);

    const ours = await signUp(app);
    const plain = await signUp(app);
    const rows = creations(clock, ROWS);
    const edits = updates(clock, rows);
    let pulled = 0;
    let selected = 0;
    // The same work in the client's batch size, on accounts of their own (not pulled).
    const ours500 = await signUp(app);
    const plain500 = await signUp(app);
    const rows500 = creations(clock, ROWS);
    const edits500 = updates(clock, rows500);
    // The same number of new rows in the client's pushes of CLIENT_BATCH from DEVICES accounts
    // at once, next to DEVICES plain upsert streams at once: one stream measures a round trip
    // and a commit in turn (the server and PostgreSQL take turns on the two cores); concurrent
    // ones measure what the server absorbs.
    const share = Math.ceil(ROWS / DEVICES);
    const deviceRows = batches(creations(clock, ROWS), share);
    const oursDevices = await Promise.all(deviceRows.map(() => signUp(app)));
    const plainDevices = await Promise.all(deviceRows.map(() => signUp(app)));
    const writes = {
      pushCreate: await timed(() => pushAll(app, ours, rows)),
      pushUpdate: await timed(() => pushAll(app, ours, edits)),
      upsert: await timed(() => plainUpsert(handle.db, plain.accountId, rows, BATCH)),
      pushCreate500: await timed(() => pushAll(app, ours500, rows500, CLIENT_BATCH)),
      pushUpdate500: await timed(() => pushAll(app, ours500, edits500, CLIENT_BATCH)),
      upsert500: await timed(() =>
        plainUpsert(handle.db, plain500.accountId, rows500, CLIENT_BATCH),
      ),
      pushCreateDevices: await timed(() =>
        Promise.all(
          deviceRows.map((part, i) => pushAll(app, oursDevices[i] as Account, part, CLIENT_BATCH)),
        ),
      ),
      upsertDevices: await timed(() =>
        Promise.all(
          deviceRows.map((part, i) =>
            plainUpsert(handle.db, (plainDevices[i] as Account).accountId, part, CLIENT_BATCH),
          ),
        ),
      ),
    };
    // What autovacuum does on a live database between writing rows and reading them many
    // times: statistics, and the visibility map that lets counts read the index alone.
    await sql`vacuum analyze bag`.execute(handle.db);
    await sql`vacuum analyze brew`.execute(handle.db);
    const phases: Record<Phase, Measured> = {
      ...writes,
      pull: await timed(async () => {
        for (let pass = 0; pass < READ_PASSES; pass += 1) {
          pulled = await pullAll(app, ours.cookie);
        }
      }),
      select: await timed(async () => {
        for (let pass = 0; pass < READ_PASSES; pass += 1) {
          selected = await plainSelect(handle.db, plain.accountId, PAGE);
        }
      }),
      // DEVICES devices of the account pulling it whole at once (a sign-in on each), next to
      // as many plain select streams at once.
      pullDevices: await timed(() => readsAtOnce('pulled', () => pullAll(app, ours.cookie))),
      selectDevices: await timed(() =>
        readsAtOnce('selected', () => plainSelect(handle.db, plain.accountId, PAGE)),
      ),
    };
    if (pulled !== ROWS || selected !== ROWS)
      throw new Error(`read ${pulled}, ${selected} of ${ROWS}`);
    await app.close();
    return { name: handle.kind === 'pglite' ? 'PGlite' : 'PostgreSQL', phases };
  } finally {
    if (schema !== undefined)
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
    await handle.close();
  }
}

const num = (n: number | null) =>
  (n === null ? '—' : Math.round(n).toLocaleString('en-US')).padStart(9);
const pct = (a: number | null, b: number | null) =>
  a === null || b === null ? '  —' : `${Math.round((a / b) * 100)}%`.padStart(4);

console.log(
  `sync throughput: ${ROWS} rows (half bags, half brews), pushes of ${BATCH} (and of ${CLIENT_BATCH}, the client's batch, also from ${DEVICES} devices at once), pull pages of ${PAGE} (reads ${READ_PASSES} passes); ` +
    `load average ${loadavg()[0]?.toFixed(1)} on this machine`,
);
console.log(
  'figures per second of wall clock | per second of CPU (this process + database backends)',
);
const targets: (string | undefined)[] = [];
if (process.env.BENCH_PGLITE !== '0') targets.push(undefined);
if (process.env.DATABASE_URL) targets.push(process.env.DATABASE_URL);
/** Rows each read phase reads; a write phase writes ROWS. */
const readRows: Partial<Record<Phase, number>> = {
  pull: ROWS * READ_PASSES,
  select: ROWS * READ_PASSES,
  pullDevices: ROWS * READ_PASSES * DEVICES,
  selectDevices: ROWS * READ_PASSES * DEVICES,
};
for (const url of targets) {
  const { name, phases } = await bench(url);
  const r = Object.fromEntries(
    Object.entries(phases).map(([k, m]) => [k, rates(readRows[k as Phase] ?? ROWS, m)]),
  ) as Record<Phase, ReturnType<typeof rates>>;
  const line = (
    label: string,
    unit: string,
    ours: ReturnType<typeof rates>,
    base?: ReturnType<typeof rates>,
  ) =>
    console.log(
      `  ${label.padEnd(18)} ${num(ours.wall)} | ${num(ours.cpu)} ${unit}` +
        (base === undefined
          ? ''
          : `   ratio to plain: ${pct(ours.wall, base.wall)} | ${pct(ours.cpu, base.cpu)}`),
    );
  console.log(`\n${name}`);
  line('push, new rows', 'mutations/s', r.pushCreate, r.upsert);
  line('push, edits', 'mutations/s', r.pushUpdate, r.upsert);
  line('plain upsert', 'rows/s     ', r.upsert);
  line(`push ${CLIENT_BATCH}, new rows`, 'mutations/s', r.pushCreate500, r.upsert500);
  line(`push ${CLIENT_BATCH}, edits`, 'mutations/s', r.pushUpdate500, r.upsert500);
  line(`upsert ${CLIENT_BATCH}`, 'rows/s     ', r.upsert500);
  line(
    `push ${CLIENT_BATCH}, ${DEVICES} dev.`,
    'mutations/s',
    r.pushCreateDevices,
    r.upsertDevices,
  );
  line(`upsert, ${DEVICES} at once`, 'rows/s     ', r.upsertDevices);
  line('pull', 'rows/s     ', r.pull, r.select);
  line('plain select', 'rows/s     ', r.select);
  line(`pull, ${DEVICES} devices`, 'rows/s     ', r.pullDevices, r.selectDevices);
  line(`select, ${DEVICES} at once`, 'rows/s     ', r.selectDevices);
}
