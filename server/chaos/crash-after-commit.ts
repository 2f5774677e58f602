import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hlc } from '../../shared/hlc.js';
import { applyPatch, type MergeableRow } from '../../shared/merge.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation, PushResponse } from '../../shared/protocol/push.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { dropSchema, freshSchema, type ServerProcess } from '../../test-support/server-process.js';
import { HttpClient, sessionCookie } from '../load/http-client.js';
import { type ServerEnv, startServer } from '../load/server-process.js';

export interface CrashReport {
  database: 'postgres' | 'pglite';
  /** How the first server process ended: 'SIGKILL' expected. */
  exit: number | string;
  /** What the client saw for the push the server died answering. */
  lostAnswer: string;
  versionBeforeCrash: number;
  /** Replays of the unanswered push against the restarted server. */
  replays: { status: number; version: number; applied: number }[];
  /** Rows pulled per id: exactly one each means no duplicates. */
  rowIds: string[];
  duplicates: number;
  /** Rows whose version or fields differ from what the mutations imply. */
  mismatches: string[];
}

const PASSWORD = 'crash test password';

/**
 * The server is SIGKILLed after committing a push and before answering it. The client (which
 * saw only a dropped connection) keeps the push and replays it against the restarted server:
 * the server must end with exactly one copy of each row at the version of the lost answer.
 */
export async function crashAfterCommit(databaseUrl: string | undefined): Promise<CrashReport> {
  const dataDir =
    databaseUrl === undefined ? await mkdtemp(join(tmpdir(), 'dialin-crash-')) : undefined;
  const schema = databaseUrl === undefined ? undefined : freshSchema('crash');
  const env: ServerEnv = { databaseUrl, schema, dataDir, testHooks: true };
  const http = new HttpClient(4);
  let server: ServerProcess | undefined;
  try {
    server = await startServer(env);
    const signup = await http.request('POST', `${server.url}${ROUTES.auth.signup.path}`, {
      body: { email: `crash-${randomUUID()}@example.com`, password: PASSWORD },
    });
    const cookie = sessionCookie(signup.setCookie) ?? '';
    const accountId = (signup.body as { account: { id: string } }).account.id;
    const hlc = new Hlc('crashdevice');
    const bagId = randomUUID();
    const mutation = (
      entity: 'bag' | 'brew',
      rowId: string,
      patch: Record<string, unknown>,
    ): Mutation => ({
      id: randomUUID(),
      entity,
      rowId,
      hlc: hlc.now(),
      patch,
    });
    const body = (mutations: Mutation[]) => ({
      accountId,
      deviceId: 'crashdevice',
      schemaVersion: PROTOCOL_VERSION,
      mutations,
    });
    const push = (url: string, mutations: Mutation[]) =>
      http.request('POST', `${url}${ROUTES.sync.push.path}`, { cookie, body: body(mutations) });

    const first = [
      mutation('bag', bagId, { name: 'Kenya Kiambu', roastLevel: 'light' }),
      ...Array.from({ length: 3 }, () =>
        mutation('brew', randomUUID(), { bagId, method: 'pour_over', waterG: 250 }),
      ),
    ];
    const answered = await push(server.url, first);
    if (answered.status !== 200) throw new Error(`first push answered ${answered.status}`);
    const versionBeforeCrash = (answered.body as PushResponse).version;

    // The unanswered push: new brews, and edits of rows the first push created.
    const lost = [
      ...Array.from({ length: 5 }, () =>
        mutation('brew', randomUUID(), { bagId, method: 'espresso', doseG: 18 }),
      ),
      mutation('bag', bagId, { notes: 'edited in the push that lost its answer' }),
      mutation('brew', (first[1] as Mutation).rowId, { rating: 4.5 }),
    ];
    const armed = await http.request('POST', `${server.url}${ROUTES.test.crashAfterCommit.path}`);
    if (armed.status !== 200) throw new Error(`arming the crash answered ${armed.status}`);
    let lostAnswer: string;
    try {
      const result = await push(server.url, lost);
      lostAnswer = `answered ${result.status} (the crash hook did not fire)`;
    } catch (error) {
      lostAnswer = `no answer: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
    const exit = await server.exited;
    http.close();

    // The client replays what it never saw acknowledged, twice (the service worker may).
    server = await startServer(env);
    const replays: CrashReport['replays'] = [];
    const replayClient = new HttpClient(4);
    for (let i = 0; i < 2; i += 1) {
      const result = await replayClient.request('POST', `${server.url}${ROUTES.sync.push.path}`, {
        cookie,
        body: body(lost),
      });
      const answer = result.body as PushResponse;
      replays.push({ status: result.status, version: answer.version, applied: answer.applied });
    }

    const pulled: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    for (;;) {
      const query = cursor === undefined ? '?limit=3' : `?limit=3&cursor=${cursor}`;
      const page = (
        await replayClient.request('GET', `${server.url}${ROUTES.sync.pull.path}${query}`, {
          cookie,
        })
      ).body as PullResponse;
      pulled.push(
        ...(page.bags as unknown as Record<string, unknown>[]),
        ...(page.brews as unknown as Record<string, unknown>[]),
      );
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    replayClient.close();

    const rowIds = pulled.map((row) => String(row.id));
    const expected = new Map<string, { row: MergeableRow; version: number }>();
    for (const [version, batch] of [
      [versionBeforeCrash, first],
      [versionBeforeCrash + 1, lost],
    ] as const) {
      for (const m of batch) {
        const row = applyPatch(m.entity, expected.get(m.rowId)?.row, m.rowId, m.patch, m.hlc).row;
        expected.set(m.rowId, { row, version });
      }
    }
    const mismatches: string[] = [];
    for (const row of pulled) {
      const want = expected.get(String(row.id));
      if (want === undefined) {
        mismatches.push(`unexpected row ${String(row.id)}`);
        continue;
      }
      const { version, ...fields } = row;
      if (version !== want.version)
        mismatches.push(`row ${String(row.id)} at version ${version}, expected ${want.version}`);
      if (JSON.stringify(sortKeys(fields)) !== JSON.stringify(sortKeys(want.row))) {
        mismatches.push(`row ${String(row.id)} fields differ`);
      }
    }
    if (rowIds.length < expected.size)
      mismatches.push(`${expected.size - new Set(rowIds).size} rows missing`);
    return {
      database: databaseUrl === undefined ? 'pglite' : 'postgres',
      exit,
      lostAnswer,
      versionBeforeCrash,
      replays,
      rowIds,
      duplicates: rowIds.length - new Set(rowIds).size,
      mismatches,
    };
  } finally {
    await server?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl !== undefined && schema !== undefined) await dropSchema(databaseUrl, schema);
  }
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
