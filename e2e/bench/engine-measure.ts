import type { EngineDevice } from '../engines/device.js';
import { waitUntil } from '../engines/device.js';
import { dismissToast, goTo } from '../engines/steps.js';

/**
 * The two figures `npm run bench:browser` takes in every engine, on one EngineDevice (the
 * cross-engine suite's driver-neutral phone). Timed in the page, never by the driver: the
 * drivers' round trips differ by engine (WebDriver classic, BiDi, CDP) and would be the figure.
 * Not a spec: engine-bench.bench.ts runs these.
 */

/** One offline cold start, in ms from navigation start (client/src/ui/start-marks.ts). */
export interface ColdStartMarks {
  /** The HTML's last byte (Navigation Timing). */
  html: number;
  /** The app's modules had run: main.tsx, before the first render. */
  modulesRun: number;
  /** The first brew row in the DOM. */
  firstRow: number;
  /** The frame after it. */
  painted: number;
  /** The page was served by the worker (its precache). */
  controlled: boolean;
}

/**
 * The installed app opened again with the network cut (this device's proxy: the same switch
 * in every engine): a new page of the running browser, as WebKit's driver allows no restart
 * on the same profile (a new session starts empty). The marks are read once painted.
 */
export async function offlineColdStart(device: EngineDevice): Promise<ColdStartMarks> {
  device.network.cut();
  try {
    await device.reopen('/');
    return await waitUntil(
      'the first brew row painted (performance marks)',
      async () =>
        // WebKit's adapter answers null for undefined.
        (await device.evaluate(() => {
          const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
          const painted = at('dialin:first-brew-painted');
          if (painted === undefined) return undefined;
          const navigation = performance.getEntriesByType('navigation')[0] as
            | PerformanceNavigationTiming
            | undefined;
          return {
            html: navigation?.responseEnd ?? Number.NaN,
            modulesRun: at('dialin:modules-run') ?? Number.NaN,
            firstRow: at('dialin:first-brew-row') ?? Number.NaN,
            painted,
            controlled: navigator.serviceWorker.controller !== null,
          };
        }, null)) ?? undefined,
      30_000,
    );
  } finally {
    device.network.restore();
  }
}

/** One save: from the click on "Save brew" to the new brew first in the list, and the frame after. */
export interface SaveTiming {
  inDom: number;
  painted: number;
}

/**
 * Opens Log a brew (prefilled from the last brew) and saves it as it is. The stopwatch starts
 * at the Save button's click (capture phase, before the app's handlers), as bench:client's
 * does in Chromium; the click itself is the driver's own, through device.tap.
 */
export async function saveToList(device: EngineDevice): Promise<SaveTiming> {
  await goTo(device, '#/log');
  await device.see('heading', 'Log a brew');
  await waitUntil('the brew form', async () =>
    (await device.evaluate(
      () => document.querySelector('[data-testid="save-brew"]') !== null,
      null,
    ))
      ? true
      : undefined,
  );
  // The last save's "Brew saved · Undo" covers the button; a person closes it first.
  await dismissToast(device);
  await device.evaluate(() => {
    const w = window as unknown as { benchSave?: Promise<[number, number]> };
    const before = document.querySelector('.brew-item')?.getAttribute('data-brew') ?? null;
    w.benchSave = new Promise((resolve) => {
      let t0 = 0;
      document.querySelector('[data-testid="save-brew"]')?.addEventListener(
        'click',
        () => {
          t0 = performance.now();
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        const first = document.querySelector('.brew-item')?.getAttribute('data-brew');
        if (!t0 || !first || first === before) return;
        const inDom = performance.now() - t0;
        observer.disconnect();
        requestAnimationFrame(() => resolve([inDom, performance.now() - t0]));
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  }, null);
  await device.tap('button', /^Save/);
  const [inDom, painted] = await device.evaluate(
    () =>
      (window as unknown as { benchSave: Promise<[number, number]> }).benchSave.then(
        (times) => times,
      ),
    null,
  );
  return { inDom, painted };
}
