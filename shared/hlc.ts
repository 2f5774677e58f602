/**
 * Hybrid logical clock. A timestamp is (wall-clock ms, counter, node id), serialized so that
 * plain string comparison orders them: `001764148200000-00000-<node>`.
 *
 * Invariants:
 * - `now()` is strictly greater than every timestamp this clock has issued or received, even
 *   when the wall clock stands still or goes backwards.
 * - After `receive(remote)`, the next `now()` sorts after `remote`: an edit made after seeing
 *   another device's edit wins over it, whatever the two wall clocks say.
 */

export interface HlcTimestamp {
  millis: number;
  counter: number;
  node: string;
}

/** What a clock must remember between calls (persisted by the client in its `meta` table). */
export interface HlcState {
  millis: number;
  counter: number;
}

const MILLIS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const PATTERN = /^(\d{15})-(\d{5})-([A-Za-z0-9_-]{1,64})$/;

export function serializeHlc(ts: HlcTimestamp): string {
  return `${String(ts.millis).padStart(MILLIS_DIGITS, '0')}-${String(ts.counter).padStart(COUNTER_DIGITS, '0')}-${ts.node}`;
}

export function parseHlc(text: string): HlcTimestamp | null {
  const match = PATTERN.exec(text);
  if (match === null) return null;
  const [, millis, counter, node] = match as unknown as [string, string, string, string];
  return { millis: Number(millis), counter: Number(counter), node };
}

export function isHlc(text: unknown): text is string {
  return typeof text === 'string' && PATTERN.test(text);
}

/** Orders two serialized timestamps: negative, zero or positive, like a sort comparator. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The wall-clock milliseconds inside a serialized timestamp (NaN if malformed). */
export function hlcMillis(text: string): number {
  return parseHlc(text)?.millis ?? Number.NaN;
}

export class Hlc {
  private millis: number;
  private counter: number;

  /**
   * @param node this device's id; it breaks ties between devices.
   * @param wallClock the corrected wall clock (the client adds its server offset here).
   */
  constructor(
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
    state: HlcState = { millis: 0, counter: 0 },
  ) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(node)) throw new Error(`invalid HLC node id: ${node}`);
    this.millis = state.millis;
    this.counter = state.counter;
  }

  get state(): HlcState {
    return { millis: this.millis, counter: this.counter };
  }

  /** A new timestamp for a local event. */
  now(): string {
    const wall = Math.floor(this.wallClock());
    if (wall > this.millis) {
      this.millis = wall;
      this.counter = 0;
    } else {
      this.tick();
    }
    return serializeHlc({ millis: this.millis, counter: this.counter, node: this.node });
  }

  /** Moves the clock past a timestamp seen from another device. Ignores malformed input. */
  receive(remote: string): void {
    const ts = parseHlc(remote);
    if (ts === null) return;
    if (ts.millis > this.millis) {
      this.millis = ts.millis;
      this.counter = ts.counter;
    } else if (ts.millis === this.millis && ts.counter > this.counter) {
      this.counter = ts.counter;
    }
  }

  private tick(): void {
    if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      // The counter is full: borrow a millisecond rather than wrap, so order still holds.
      this.millis += 1;
      this.counter = 0;
    }
  }
}
