/**
 * Performance marks of the app's start, for benchmarks in engines that have no CDP
 * (e2e/bench/engine-bench.ts reads them with performance.getEntriesByName): when the app's
 * modules had run (main.tsx, before the first render), when the first brew row was in the
 * DOM, and the frame after it. Marks are
 * times from navigation start, so this module may start watching at any point before the rows.
 *
 * It watches the document only until the first row, or for WATCH_MS at most (a device with
 * no brews never shows one), and then costs nothing.
 */
export const START_MARKS = {
  modulesRun: 'dialin:modules-run',
  firstBrewRow: 'dialin:first-brew-row',
  firstBrewPainted: 'dialin:first-brew-painted',
} as const;

const WATCH_MS = 10_000;

export function markStart(): void {
  if (typeof performance.mark !== 'function') return;
  performance.mark(START_MARKS.modulesRun);
  const observer = new MutationObserver(() => {
    if (document.querySelector('.brew-item') === null) return;
    stop();
    performance.mark(START_MARKS.firstBrewRow);
    requestAnimationFrame(() => performance.mark(START_MARKS.firstBrewPainted));
  });
  const timer = setTimeout(() => stop(), WATCH_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document, { childList: true, subtree: true });
}
