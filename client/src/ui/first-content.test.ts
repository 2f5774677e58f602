import 'fake-indexeddb/auto';
import { effect } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, recentBrews } from '../data/index.js';

// Frames come when the test paints one (Node has no requestAnimationFrame).
let frames: (() => void)[] = [];
const paintFrame = () => {
  const due = frames;
  frames = [];
  for (const frame of due) frame();
};
beforeEach(() => {
  vi.resetModules();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (frame: () => void) => frames.push(frame));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterFirstContent', () => {
  it("runs the deferred work after the frame that painted the first live query's answer", async () => {
    const { afterFirstContent } = await import('./first-content.js');
    const { liveSignal } = await import('./live-signal.js');
    const db = createDb(`first-${crypto.randomUUID()}`);
    let runs = 0;
    afterFirstContent(() => {
      runs += 1;
    });
    const brews = liveSignal(() => recentBrews(db), null);
    let stop: () => void = () => undefined;
    await new Promise<void>((answered) => {
      stop = effect(() => {
        if (brews.value !== null) answered();
      });
    });
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    await nextTask();
    expect(runs).toBe(0); // the answer is not painted yet
    paintFrame();
    expect(runs).toBe(0); // the frame is being painted
    await nextTask();
    expect(runs).toBe(1); // the task after it
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(runs).toBe(1); // the fallback does not run it again
    stop();
    await db.delete();
  });

  it('runs it after a second when no screen reads anything, and only once', async () => {
    vi.useFakeTimers();
    const { afterFirstContent, noteContentShown } = await import('./first-content.js');
    let runs = 0;
    afterFirstContent(() => {
      runs += 1;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    noteContentShown();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
  });
});
