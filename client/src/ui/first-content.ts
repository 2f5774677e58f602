/**
 * "The first screen has painted its data": the moment start-up's deferred work may begin.
 * The sync engine and the other screens live in chunks whose evaluation is a long task (about
 * 40 ms at full speed, four times that on a slow phone); run before the first live query's
 * answer is painted, it pushed the brew list (or the empty state) back by that much. The
 * first answer of any live query (live-signal.ts) counts, and the frame after it; a screen
 * that reads nothing, or a database that never opens, waits FALLBACK_MS at most.
 */
const FALLBACK_MS = 1_000;

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/** Called with each live query's answer; only the first one matters. */
export function noteContentShown(): void {
  markShown();
}

/** Runs `work` once the first data is painted (the task after its frame), or after the fallback. */
export function afterFirstContent(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  const fallback = setTimeout(once, FALLBACK_MS);
  void shown.then(() =>
    // rAF runs before the frame is painted; the timeout it sets, after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        once();
      }, 0),
    ),
  );
}
