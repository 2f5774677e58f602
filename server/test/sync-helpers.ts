import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse as InjectResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { ENTITIES, type Entity } from '../../shared/model/entities.js';
import { PULL_KEYS, type PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation, PushRequest } from '../../shared/protocol/push.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import type { RowFor } from '../../shared/protocol/rows.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { Database } from '../src/db/database.js';

/** Helpers shared by the sync suites: building pushes, pulling everything, dumping tables. */

export type Row = RowFor<Entity>;

export function mutation(
  entity: Entity,
  rowId: string,
  hlc: string,
  patch: Record<string, unknown>,
): Mutation {
  return { id: randomUUID(), entity, rowId, hlc, patch };
}

export function pushBody(accountId: string, deviceId: string, mutations: Mutation[]): PushRequest {
  return { accountId, deviceId, schemaVersion: PROTOCOL_VERSION, mutations };
}

export function push(app: FastifyInstance, cookie: string, body: unknown): Promise<InjectResponse> {
  return app.inject({
    method: 'POST',
    url: ROUTES.sync.push.path,
    headers: { cookie },
    payload: body as object,
  });
}

export function pull(
  app: FastifyInstance,
  cookie: string,
  query: { cursor?: string; limit?: number } = {},
): Promise<InjectResponse> {
  const params = new URLSearchParams();
  if (query.cursor !== undefined) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.size === 0 ? '' : `?${params}`;
  return app.inject({
    method: 'GET',
    url: `${ROUTES.sync.pull.path}${search}`,
    headers: { cookie },
  });
}

/** Pushes and insists on 200; returns the PushResponse. */
export async function pushOk(
  app: FastifyInstance,
  cookie: string,
  body: PushRequest,
): Promise<{ serverTime: number; version: number; applied: number }> {
  const response = await push(app, cookie, body);
  if (response.statusCode !== 200) {
    throw new Error(`push answered ${response.statusCode}: ${response.body}`);
  }
  return response.json();
}

/** Every page from `cursor` on, in order. */
export async function pullAll(
  app: FastifyInstance,
  cookie: string,
  options: { cursor?: string; limit?: number } = {},
): Promise<{ pages: PullResponse[]; rows: Map<string, Row>; cursor: string | undefined }> {
  const pages: PullResponse[] = [];
  const rows = new Map<string, Row>();
  let cursor = options.cursor;
  for (;;) {
    const response = await pull(app, cookie, {
      ...(cursor === undefined ? {} : { cursor }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
    });
    if (response.statusCode !== 200) throw new Error(`pull answered ${response.statusCode}`);
    const page: PullResponse = response.json();
    pages.push(page);
    for (const entity of ENTITIES) {
      for (const row of page[PULL_KEYS[entity]]) rows.set(`${entity}:${row.id}`, row);
    }
    cursor = page.cursor;
    if (!page.hasMore) return { pages, rows, cursor };
  }
}

/**
 * Everything sync can change, as comparable JSON: every row of every synced table of every
 * account and every account's version. Equal dumps before and after = nothing was written.
 * The tables are read at once (Promise.all), never one after another: the fuzz suites dump
 * around every request, and a serial read per entity made them much slower.
 */
export async function dumpSyncState(db: Kysely<Database>): Promise<string> {
  const [accounts, ...tables] = await Promise.all([
    db.selectFrom('accounts').select(['id', 'version']).orderBy('id').execute(),
    ...ENTITIES.map((entity) =>
      db.selectFrom(entity).selectAll().orderBy('account_id').orderBy('id').execute(),
    ),
  ]);
  return JSON.stringify({
    ...Object.fromEntries(ENTITIES.map((entity, i) => [PULL_KEYS[entity], tables[i]])),
    accounts,
  });
}

/** A complete new bag (every required field set). */
export function newBag(name = 'Ethiopia Guji'): Record<string, unknown> {
  return { name, roaster: 'Tim Wendelboe', roastLevel: 'light', weightG: 250 };
}

/** A complete new brew of `bagId`. */
export function newBrew(bagId: string): Record<string, unknown> {
  return { bagId, method: 'espresso', doseG: 18, yieldG: 36, timeS: 28, rating: 4 };
}

/** A complete new photo of `ownerId` (every required field set), named by `hash`. */
export function newPhoto(
  ownerId: string,
  hash: string,
  ownerKind: 'bag' | 'brew' = 'bag',
): Record<string, unknown> {
  return {
    ownerKind,
    ownerId,
    position: 0,
    hash,
    type: 'image/jpeg',
    thumbHash: hash.split('').reverse().join(''),
    thumbType: 'image/webp',
    width: 1600,
    height: 1200,
    bytes: 250_000,
  };
}
