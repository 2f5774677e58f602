/**
 * EXPLAIN ANALYZE of the pull statement at a chosen table size, with and without statistics
 * (a young table has none until autovacuum analyzes it), and the time of a whole paged pull.
 * Diagnostic: prints plans and times, asserts nothing.
 *
 *   DATABASE_URL=… npx tsx server/bench/explain-pull.ts [rows per account] [accounts] [analyze]
 *   e.g. 20000 1 analyze (the throughput bench), or 60 150 (the load run's tables, no stats)
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { CompiledQuery, sql } from 'kysely';
import { Hlc } from '../../shared/hlc.js';
import { applyPatch, type MergeableRow } from '../../shared/merge.js';
import { perEntity } from '../../shared/model/entities.js';
import { createDatabase } from '../src/db/create-database.js';
import { migrateToLatest } from '../src/db/migrate-to-latest.js';
import { START } from '../src/sync/cursor.js';
import { pageQuery, readPage } from '../src/sync/pull-repository.js';
import { writeVersion } from '../src/sync/sync-repository.js';
import { batches, creations } from './workload.js';

const perAccount = Number(process.argv[2] ?? 20_000);
const accounts = Number(process.argv[3] ?? 1);
const analyze = process.argv[4] === 'analyze';
const PAGE = 1000;

const schema = `explain_${randomUUID().replaceAll('-', '')}`;
const handle = await createDatabase({
  url: process.env.DATABASE_URL,
  dataDir: 'memory://',
  schema,
});
try {
  await migrateToLatest(handle.db, handle.schema);
  const clock = new Hlc('explain');
  const ids: string[] = [];
  for (let a = 0; a < accounts; a += 1) {
    const id = randomUUID();
    ids.push(id);
    await sql`insert into accounts (id, email, password_hash, version)
      values (${id}, ${`${id}@example.com`}, 'x', 0)`.execute(handle.db);
    let version = 0;
    for (const batch of batches(creations(clock, perAccount), 500)) {
      version += 1;
      const rows = perEntity((): MergeableRow[] => []);
      for (const m of batch)
        rows[m.entity].push(applyPatch(m.entity, undefined, m.rowId, m.patch, m.hlc).row);
      await writeVersion(handle.db, id, version, rows);
    }
  }
  if (analyze) {
    await sql`vacuum analyze bag`.execute(handle.db);
    await sql`vacuum analyze brew`.execute(handle.db);
  }
  const accountId = ids[0] as string;
  console.log(
    `${accounts} account(s) × ${perAccount} rows, ${analyze ? 'vacuum analyzed' : 'no statistics'}, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  const explain = async (label: string, after = START) => {
    const compiled = pageQuery(accountId, after, PAGE).compile(handle.db);
    const { rows } = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze, buffers, costs off) ${compiled.sql}`, [
        ...compiled.parameters,
      ]),
    );
    console.log(`\n--- ${label}`);
    for (const row of rows) console.log(row['QUERY PLAN']);
  };
  await explain('first page');
  // A whole pull, page after page, timed.
  let after = START;
  let pulled = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const page = await readPage(handle.db, accountId, after, PAGE);
    pulled += page.count;
    pages += 1;
    const last = page.last;
    if (last === undefined || page.total === page.count) break;
    after = last;
    if (pages === Math.ceil(perAccount / PAGE / 2)) await explain('a middle page', after);
  }
  const ms = performance.now() - started;
  console.log(
    `\nwhole pull: ${pulled} rows in ${pages} pages, ${ms.toFixed(0)} ms (${Math.round((pulled / ms) * 1000)} rows/s, readPage only)`,
  );
} finally {
  // EXPLAIN_KEEP=1 leaves the schema for experiments in psql (drop it by hand afterwards).
  if (process.env.EXPLAIN_KEEP === '1') console.log(`kept schema ${schema}, account ${''}`);
  else await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
  await handle.close();
}
