import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, Hlc, hlcMillis, isHlc, parseHlc, serializeHlc } from './hlc.js';

describe('HLC', () => {
  it('serializes to a string whose order is the clock order', () => {
    fc.assert(
      fc.property(
        fc.record({
          millis: fc.integer({ min: 0, max: 10 ** 14 }),
          counter: fc.integer({ min: 0, max: 99_999 }),
          node: fc.stringMatching(/^[a-z0-9]{1,8}$/),
        }),
        fc.record({
          millis: fc.integer({ min: 0, max: 10 ** 14 }),
          counter: fc.integer({ min: 0, max: 99_999 }),
          node: fc.stringMatching(/^[a-z0-9]{1,8}$/),
        }),
        (a, b) => {
          const tupleOrder =
            a.millis !== b.millis
              ? Math.sign(a.millis - b.millis)
              : a.counter !== b.counter
                ? Math.sign(a.counter - b.counter)
                : Math.sign(compareHlc(a.node, b.node));
          expect(Math.sign(compareHlc(serializeHlc(a), serializeHlc(b)))).toBe(tupleOrder);
          expect(parseHlc(serializeHlc(a))).toEqual(a);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('ticks monotonically when the wall clock stands still or goes backwards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 13 }), { minLength: 1, maxLength: 50 }),
        (walls) => {
          let i = 0;
          const clock = new Hlc('dev', () => walls[Math.min(i++, walls.length - 1)] ?? 0);
          let previous = '';
          for (let n = 0; n < walls.length; n++) {
            const next = clock.now();
            expect(compareHlc(next, previous)).toBe(1);
            previous = next;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('issues a timestamp after any it received, however far behind its wall clock is', () => {
    const yearMs = 365 * 86_400_000;
    const remote = new Hlc('remote', () => Date.UTC(2026, 10, 26));
    const behind = new Hlc('behind', () => Date.UTC(2026, 10, 26) - yearMs);
    const remoteStamp = remote.now();
    behind.receive(remoteStamp);
    const next = behind.now();
    expect(compareHlc(next, remoteStamp)).toBe(1);
    expect(hlcMillis(next)).toBe(hlcMillis(remoteStamp));
  });

  it('borrows a millisecond instead of wrapping a full counter', () => {
    const clock = new Hlc('dev', () => 5, { millis: 5, counter: 99_999 });
    const next = clock.now();
    expect(parseHlc(next)).toEqual({ millis: 6, counter: 0, node: 'dev' });
  });

  it('restores from saved state and keeps ordering across restarts', () => {
    const first = new Hlc('dev', () => 100);
    const a = first.now();
    const b = first.now();
    const restored = new Hlc('dev', () => 100, first.state);
    expect(compareHlc(restored.now(), b)).toBe(1);
    expect(compareHlc(b, a)).toBe(1);
  });

  it('rejects malformed input', () => {
    expect(isHlc('001764148200000-00000-dev')).toBe(true);
    expect(isHlc('1764148200000-0-dev')).toBe(false);
    expect(isHlc('001764148200000-00000-bad node')).toBe(false);
    expect(parseHlc('nonsense')).toBeNull();
    expect(() => new Hlc('has space')).toThrow(/node id/);
    const clock = new Hlc('dev', () => 10);
    clock.receive('garbage');
    expect(hlcMillis(clock.now())).toBe(10);
  });
});
