import { isHlc } from '../../../shared/hlc.js';
import { ENTITIES, ENTITY_PLURALS, type EntityPlural } from '../../../shared/model/entities.js';
import type { PullResponse } from '../../../shared/protocol/pull.js';
import type { HttpResult } from './http.js';

/** Pages fetched ahead of the one being stored, at most (memory: a page is up to ~1 MB). */
export const PAGES_AHEAD = 4;

function isRow(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as { id?: unknown; clocks?: unknown };
  if (typeof row.id !== 'string' || typeof row.clocks !== 'object' || row.clocks === null) {
    return false;
  }
  return Object.values(row.clocks).every(isHlc);
}

/**
 * The reply is checked before anything is stored: a page that is not one (a captive portal's
 * HTML, a proxy's error, a bug) must not move the cursor or plant malformed clocks. By hand, so
 * that TypeBox stays out of the bundles; wire-checkers.test.ts holds it to PullResponse. It is
 * stricter than the schema on one point: every clock must be an HLC.
 */
export function isPullPage(value: unknown): value is PullResponse {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return (
    typeof page.serverTime === 'number' &&
    typeof page.cursor === 'string' &&
    typeof page.hasMore === 'boolean' &&
    typeof page.remaining === 'number' &&
    ENTITIES.every((entity) => {
      const rows = page[ENTITY_PLURALS[entity]];
      return Array.isArray(rows) && rows.every(isRow);
    })
  );
}

/** The rows a page carries, of every entity (what the progress bar counts). */
export function pageRowCount(page: Pick<PullResponse, EntityPlural>): number {
  return ENTITIES.reduce((sum, entity) => sum + page[ENTITY_PLURALS[entity]].length, 0);
}

/**
 * The pull's requests, each sent as soon as the reply before it gives its cursor, up to
 * PAGES_AHEAD replies not yet taken. `next()` waits for the next reply in order; `ready()`
 * returns it only if it has already arrived.
 */
export class PageChain {
  private readonly replies: { settled: HttpResult | null; reply: Promise<HttpResult> }[] = [];
  private pendingCursor: string | null = null;
  private stopped = false;

  constructor(
    private readonly request: (cursor: string | null) => Promise<HttpResult>,
    cursor: string | null,
  ) {
    this.send(cursor);
  }

  private send(cursor: string | null): void {
    const entry: { settled: HttpResult | null; reply: Promise<HttpResult> } = {
      settled: null,
      reply: this.request(cursor),
    };
    this.replies.push(entry);
    void entry.reply.then((result) => {
      entry.settled = result;
      const body = result.kind === 'response' && result.status === 200 ? result.body : null;
      if (this.stopped || !isPullPage(body) || !body.hasMore) {
        // An error or the last page ends the chain: nothing after it is asked for.
        this.stopped = true;
        return;
      }
      if (this.replies.length >= PAGES_AHEAD) this.pendingCursor = body.cursor;
      else this.send(body.cursor);
    });
  }

  private taken(): void {
    if (!this.stopped && this.pendingCursor !== null && this.replies.length < PAGES_AHEAD) {
      const cursor = this.pendingCursor;
      this.pendingCursor = null;
      this.send(cursor);
    }
  }

  async next(): Promise<HttpResult> {
    const entry = this.replies[0];
    if (entry === undefined) throw new Error('the pull asked for a page after the last one');
    const result = await entry.reply;
    this.replies.shift();
    this.taken();
    return result;
  }

  ready(): HttpResult | null {
    const entry = this.replies[0];
    if (entry?.settled == null) return null;
    this.replies.shift();
    this.taken();
    return entry.settled;
  }

  /** No more requests: the pull is over, or goes on from another cursor. */
  stop(): void {
    this.stopped = true;
    this.pendingCursor = null;
  }

  /** Gives back a reply ready() returned, to be taken by next() instead. */
  putBack(result: HttpResult): void {
    this.replies.unshift({ settled: result, reply: Promise.resolve(result) });
  }
}
