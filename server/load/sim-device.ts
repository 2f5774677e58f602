import { randomUUID } from 'node:crypto';
import { Hlc } from '../../shared/hlc.js';
import type { Entity } from '../../shared/model/entities.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation } from '../../shared/protocol/push.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { type HttpClient, type HttpResult, sessionCookie } from './http-client.js';
import type { LatencyRecorder } from './latency.js';

/** One account of the simulation; several devices may share it. */
export interface SimAccount {
  id: string;
  email: string;
  /** A bag every device of the account edits, so shared accounts really conflict. */
  bagId: string;
  /** Every mutation the server acknowledged with a 200, from any device of the account. */
  acked: Mutation[];
}

/** Failures seen by the devices, by kind (`push 503`, `pull network`, …). */
export class ErrorCounter {
  readonly byKind = new Map<string, number>();
  total = 0;
  count(kind: string): void {
    this.total += 1;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }
}

export type WireRow = { id: string; version: number; clocks: Record<string, string> } & Record<
  string,
  unknown
>;

/**
 * A device as the real client behaves on the wire: it writes locally into an outbox, pushes
 * the outbox (keeping it on a network error or 5xx, so the same mutations are replayed), then
 * pulls from its cursor until nothing remains. Requests alternate over `urls` (two instances
 * behind a load balancer), which also carries cursors and sessions from one to the other.
 */
export class SimDevice {
  readonly hlc: Hlc;
  readonly outbox: Mutation[] = [];
  /** Rows as this device received them through delta pulls. */
  readonly rows = new Map<string, WireRow>();
  cursor: string | undefined;
  cookie = '';
  #requests = 0;

  constructor(
    readonly name: string,
    readonly account: SimAccount,
    private readonly http: HttpClient,
    private readonly urls: string[],
    /** Where this device's requests are counted; swapped after setup so it is not measured. */
    public latency: LatencyRecorder,
    public errors: ErrorCounter,
  ) {
    this.hlc = new Hlc(name);
  }

  #url(path: string): string {
    const base = this.urls[this.#requests++ % this.urls.length];
    return `${base}${path}`;
  }

  /** Signs up (the account's first device) or logs in. */
  async signIn(signUp: boolean, password: string): Promise<void> {
    const path = signUp ? ROUTES.auth.signup.path : ROUTES.auth.login.path;
    const result = await this.http.request('POST', this.#url(path), {
      body: { email: this.account.email, password },
    });
    const cookie = sessionCookie(result.setCookie);
    if (result.status >= 300 || cookie === undefined) {
      throw new Error(`${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    this.cookie = cookie;
    this.account.id = (result.body as { account: { id: string } }).account.id;
  }

  write(entity: Entity, rowId: string, patch: Record<string, unknown>): void {
    this.outbox.push({ id: randomUUID(), entity, rowId, hlc: this.hlc.now(), patch });
  }

  /** A few local edits like a barista's: a new brew, a rating change, a note on the bag. */
  makeEdits(random: () => number): void {
    const bagId = this.account.bagId;
    const roll = random();
    if (roll < 0.5) {
      this.write('brew', randomUUID(), {
        bagId,
        method: 'espresso',
        doseG: 18,
        yieldG: Math.round(30 + random() * 100) / 2,
        timeS: Math.round(20 + random() * 15),
        rating: Math.round(random() * 10) / 2,
      });
    } else if (roll < 0.8) {
      const brews = [...this.rows.values()].filter((row) => 'bagId' in row);
      const brew = brews[Math.floor(random() * brews.length)];
      if (brew !== undefined) {
        this.write('brew', brew.id, { rating: Math.round(random() * 10) / 2, notes: this.name });
      }
    } else {
      this.write('bag', bagId, {
        notes: `${this.name} ${Date.now()}`,
        weightG: Math.round(random() * 250),
      });
    }
  }

  /** Pushes the outbox once. True when it is empty afterwards. */
  async push(): Promise<boolean> {
    if (this.outbox.length === 0) return true;
    const mutations = this.outbox.slice(0, 500);
    const body = {
      accountId: this.account.id,
      deviceId: this.name,
      schemaVersion: PROTOCOL_VERSION,
      mutations,
    };
    const result = await this.#send('push', 'POST', ROUTES.sync.push.path, body);
    if (result === undefined || result.status >= 500) return false;
    // 200: durably applied. A 4xx will not get better by replaying: drop, but count it.
    this.outbox.splice(0, mutations.length);
    if (result.status === 200) this.account.acked.push(...mutations);
    return this.outbox.length === 0;
  }

  /** Pulls from the cursor until nothing remains. True when it got to the end. */
  async pull(): Promise<boolean> {
    for (;;) {
      const query = this.cursor === undefined ? '' : `?cursor=${this.cursor}`;
      const result = await this.#send('pull', 'GET', `${ROUTES.sync.pull.path}${query}`);
      if (result === undefined || result.status !== 200) return false;
      const page = result.body as PullResponse;
      for (const row of [...page.bags, ...page.brews] as unknown as WireRow[])
        this.rows.set(row.id, row);
      this.cursor = page.cursor;
      if (!page.hasMore) return true;
    }
  }

  /** Everything the server holds for the account, from the start, through `urls[index]`. */
  async fullPull(index: number): Promise<Map<string, WireRow>> {
    const rows = new Map<string, WireRow>();
    let cursor: string | undefined;
    for (;;) {
      const query = cursor === undefined ? '' : `?cursor=${cursor}`;
      const result = await this.http.request(
        'GET',
        `${this.urls[index]}${ROUTES.sync.pull.path}${query}`,
        {
          cookie: this.cookie,
        },
      );
      if (result.status !== 200) throw new Error(`full pull answered ${result.status}`);
      const page = result.body as PullResponse;
      for (const row of [...page.bags, ...page.brews] as unknown as WireRow[])
        rows.set(row.id, row);
      cursor = page.cursor;
      if (!page.hasMore) return rows;
    }
  }

  async #send(
    operation: 'push' | 'pull',
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<HttpResult | undefined> {
    try {
      const result = await this.http.request(method, this.#url(path), {
        cookie: this.cookie,
        body,
      });
      this.latency.record(operation, result.ms);
      if (result.status !== 200) this.errors.count(`${operation} ${result.status}`);
      return result;
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      this.errors.count(`${operation} ${code ?? message}`);
      return undefined;
    }
  }
}
