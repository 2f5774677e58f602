import 'fake-indexeddb/auto';
import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createBrew } from '../data/actions.js';
import { createBag, createDb, recentBrews } from '../data/index.js';
import { liveSignal } from './live-signal.js';

describe('liveSignal', () => {
  it('follows a live query while watched, and stops when unwatched', async () => {
    const db = createDb(`live-${crypto.randomUUID()}`);
    const bagId = await createBag(db, { name: 'Bag' });
    let runs = 0;
    const brews = liveSignal(() => {
      runs += 1;
      return recentBrews(db);
    }, []);
    expect(brews.value).toEqual([]);
    expect(runs).toBe(0);

    const seen: number[] = [];
    const dispose = effect(() => {
      seen.push(brews.value.length);
    });
    await vi.waitFor(() => expect(runs).toBe(1));
    await createBrew(db, { bagId, doseG: 18 });
    await vi.waitFor(() => expect(brews.value).toHaveLength(1));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);

    dispose();
    const runsWhenUnwatched = runs;
    await createBrew(db, { bagId, doseG: 19 });
    await db.brews.count();
    expect(runs).toBe(runsWhenUnwatched);
    await db.delete();
  });
});
