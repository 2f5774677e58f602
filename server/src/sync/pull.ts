import type { Kysely } from 'kysely';
import { ENTITIES, ENTITY_PLURALS, type EntityPlural } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { decodeCursor, encodeCursor, START } from './cursor.js';
import { type Position, readPage } from './pull-repository.js';

/**
 * A PullResponse whose rows are still JSON text, exactly as the database joined them: a page
 * of 1,000 rows is passed through rather than parsed into objects and serialized again (the
 * two steps cost more than the query itself; see server/bench/). sync-pull.test.ts checks
 * every page against the PullResponse schema. Each entity's rows (by its plural) are their
 * JSON texts joined by commas: the inside of the JSON array.
 */
export type PullPage = Record<EntityPlural, string> & {
  /** How many rows the page holds, of every entity. */
  rows: number;
  cursor: string;
  hasMore: boolean;
  remaining: number;
};

function invalidCursor(reason: string): AppError {
  return new AppError(400, 'invalid_cursor', `cursor ${reason}; pull again without a cursor`);
}

/**
 * One page of the account's rows after the cursor, tombstones included, in (version, entity,
 * id) order. The next cursor is the last row's position, so a page may end inside a version
 * and the next one resumes right after that row; an empty page keeps the cursor it was given.
 */
export async function pullPage(
  db: Kysely<Database>,
  accountId: string,
  cursor: string | undefined,
  limit: number,
): Promise<PullPage> {
  let after: Position = START;
  if (cursor !== undefined) {
    const decoded = decodeCursor(accountId, cursor);
    if (!decoded.ok) throw invalidCursor(decoded.reason);
    after = decoded.position;
  }
  const page = await readPage(db, accountId, after, limit);
  if (page.accountVersion === undefined) {
    throw new AppError(401, 'unauthorized', 'The account no longer exists.');
  }
  // A version the counter never reached was not issued here (or the database was reset).
  if (after.version > page.accountVersion) throw invalidCursor('is ahead of this account');

  const next: Position = page.last ?? after;
  const remaining = page.total - page.count;
  const lists = Object.fromEntries(
    ENTITIES.map((entity) => [ENTITY_PLURALS[entity], page.json[entity]]),
  ) as Record<EntityPlural, string>;
  return {
    ...lists,
    rows: page.count,
    cursor: encodeCursor(accountId, next),
    hasMore: remaining > 0,
    remaining,
  };
}

/** The PullResponse body as JSON text, in the schema's property order. */
export function pullResponseJson(serverTime: number, page: PullPage): string {
  return (
    `{"serverTime":${JSON.stringify(serverTime)},` +
    ENTITIES.map((entity) => {
      const plural = ENTITY_PLURALS[entity];
      return `"${plural}":[${page[plural]}],`;
    }).join('') +
    `"cursor":${JSON.stringify(page.cursor)},"hasMore":${page.hasMore},` +
    `"remaining":${page.remaining}}`
  );
}
