import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hlc } from './hlc.js';
import { applyPatch, type MergeableRow, mergeRows } from './merge.js';

const ROW_ID = '0b7e1f3a-5a1c-4d3e-8f9a-1b2c3d4e5f60';
const DAY_MS = 86_400_000;
const BASE = Date.UTC(2026, 10, 26, 9);

/** A write of one or more brew fields by one device. */
const patchArb = fc
  .record(
    {
      rating: fc.constantFrom(0, 1.5, 3, 4.5, 5, null),
      notes: fc.constantFrom('sour', 'sweet', 'muddy', '', null),
      grindSetting: fc.constantFrom('2.4', '2.4.1', '15', null),
      deletedAt: fc.constantFrom(null, '2026-11-26T09:00:00.000Z'),
    },
    { requiredKeys: [] },
  )
  .filter((patch) => Object.keys(patch).length > 0);

/** A brew row as some device holds it: values plus arbitrary per-field clocks. */
const rowArb = fc
  .record(
    {
      rating: fc.tuple(
        fc.constantFrom(1, 2, 3),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('a', 'b'),
      ),
      notes: fc.tuple(
        fc.constantFrom('x', 'y'),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('a', 'b'),
      ),
      deletedAt: fc.tuple(
        fc.constantFrom(null, '2026-11-26T09:00:00.000Z'),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('a', 'b'),
      ),
    },
    { requiredKeys: [] },
  )
  .map((fields) => {
    const row: MergeableRow = { id: ROW_ID, clocks: {} };
    for (const [field, [value, millis, node]] of Object.entries(fields)) {
      row[field] = value;
      row.clocks[field] = `${String(millis).padStart(15, '0')}-00000-${node}`;
    }
    return row;
  });

/** What merge promises to agree on: the values and clocks of the fields written. */
function canonical(row: MergeableRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(row.clocks).sort()) {
    out[field] = [row[field] ?? null, row.clocks[field]];
  }
  return out;
}

const merged = (a: MergeableRow | undefined, b: MergeableRow) => mergeRows('brew', a, b).row;

describe('mergeRows', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(rowArb, rowArb, (a, b) => {
        expect(canonical(merged(a, b))).toEqual(canonical(merged(b, a)));
      }),
      { numRuns: 1000 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(rowArb, rowArb, rowArb, (a, b, c) => {
        expect(canonical(merged(merged(a, b), c))).toEqual(canonical(merged(a, merged(b, c))));
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(rowArb, rowArb, (a, b) => {
        const once = merged(a, b);
        expect(canonical(merged(once, b))).toEqual(canonical(once));
        expect(canonical(merged(a, a))).toEqual(canonical(a));
        expect(mergeRows('brew', once, b).changed).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports a local value that lost to a different remote value', () => {
    const local: MergeableRow = {
      id: ROW_ID,
      clocks: { rating: '000000000000001-00000-a' },
      rating: 3,
    };
    const remote: MergeableRow = {
      id: ROW_ID,
      clocks: { rating: '000000000000002-00000-b' },
      rating: 4,
    };
    const result = mergeRows('brew', local, remote);
    expect(result.row.rating).toBe(4);
    expect(result.overwritten).toEqual([
      {
        field: 'rating',
        value: 3,
        clock: local.clocks.rating,
        by: { value: 4, clock: remote.clocks.rating },
      },
    ]);
  });
});

interface Write {
  device: number;
  hlc: string;
  patch: Record<string, unknown>;
}

/**
 * Three devices with wall clocks skewed by up to ±24 h edit one brew. Before each edit a
 * device may first receive (sync) everything written so far, as a pull would.
 */
const scenarioArb = fc.record({
  skews: fc.tuple(
    fc.integer({ min: -DAY_MS, max: DAY_MS }),
    fc.integer({ min: -DAY_MS, max: DAY_MS }),
    fc.integer({ min: -DAY_MS, max: DAY_MS }),
  ),
  steps: fc.array(
    fc.record({
      device: fc.integer({ min: 0, max: 2 }),
      syncFirst: fc.boolean(),
      advanceMs: fc.integer({ min: 0, max: 60_000 }),
      patch: patchArb,
    }),
    { minLength: 1, maxLength: 25 },
  ),
});

interface Step {
  device: number;
  syncFirst: boolean;
  advanceMs: number;
  patch: Record<string, unknown>;
}

function play(scenario: { skews: [number, number, number]; steps: Step[] }) {
  let now = BASE;
  const clocks = scenario.skews.map((skew, i) => new Hlc(`dev${i}`, () => now + skew));
  const writes: Write[] = [];
  const steps = scenario.steps;
  for (const step of steps) {
    now += step.advanceMs;
    const clock = clocks[step.device] as Hlc;
    if (step.syncFirst) for (const write of writes) clock.receive(write.hlc);
    writes.push({ device: step.device, hlc: clock.now(), patch: step.patch });
  }
  return { writes, steps };
}

function deliver(writes: Write[]): MergeableRow | undefined {
  let row: MergeableRow | undefined;
  for (const write of writes) row = applyPatch('brew', row, ROW_ID, write.patch, write.hlc).row;
  return row;
}

describe('three devices with skewed clocks', () => {
  it('converge in any delivery order, with duplicates and replays', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (scenario, seeds, duplicates) => {
          const { writes } = play(scenario);
          const withDuplicates = [
            ...writes,
            ...duplicates.map((i) => writes[i % writes.length] as Write),
          ];
          const orders = seeds.map((seed) => shuffle(withDuplicates, seed));
          const results = orders.map((order) => canonical(deliver(order) as MergeableRow));
          expect(results[1]).toEqual(results[0]);
          expect(results[2]).toEqual(results[0]);
          // Replaying everything again changes nothing.
          const replayed = deliver([
            ...(orders[0] as Write[]),
            ...(orders[1] as Write[]),
          ]) as MergeableRow;
          expect(canonical(replayed)).toEqual(results[0]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('let an edit made after seeing another edit win, whatever the wall clocks say', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { writes, steps } = play(scenario);
        const final = deliver(writes) as MergeableRow;
        // The last write that had seen every earlier write (a sync first) wins its fields.
        steps.forEach((step, i) => {
          if (!step.syncFirst) return;
          const laterWrites = writes.slice(i + 1);
          for (const field of Object.keys(step.patch)) {
            if (laterWrites.some((w) => field in w.patch)) continue;
            expect(final[field]).toEqual(step.patch[field]);
            expect(final.clocks[field]).toBe(writes[i]?.hlc);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('converge when replicas exchange whole rows instead of mutations', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (scenario, seed) => {
        const { writes } = play(scenario);
        // Each device first holds only its own writes, then rows are merged pairwise in a shuffled order.
        const replicas = [0, 1, 2].map((d) => deliver(writes.filter((w) => w.device === d)));
        const present = replicas.filter((r): r is MergeableRow => r !== undefined);
        const order = shuffle(present, seed);
        const all = order.reduce<MergeableRow | undefined>(
          (acc, row) => merged(acc, row),
          undefined,
        );
        expect(canonical(all as MergeableRow)).toEqual(canonical(deliver(writes) as MergeableRow));
      }),
      { numRuns: 1000 },
    );
  });
});

/** A deterministic Fisher–Yates shuffle, so a failing case reproduces from its seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
