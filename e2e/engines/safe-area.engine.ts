import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { goTo, logBrew, openControlledApp } from './steps.js';

/** An iPhone 15's insets in portrait: the status bar and the home indicator. */
const INSET = { top: 59, bottom: 34 };

interface Placed {
  viewportHeight: number;
  /** The app's title and sync pill: below the status bar. */
  headerTop: number;
  /** The tabs, at the bottom on a phone (beside the content on a laptop-wide window). */
  tabsBottom: number;
  tabBarAtBottom: boolean;
  tabBarTop: number;
  /** Log a brew's Save button: above the tab bar, and above the home indicator. */
  saveBottom: number;
}

/** Measures the app's fixed bars after giving the document an iPhone's insets. */
function placeBars(device: Parameters<typeof goTo>[0]): Promise<Placed> {
  return device.evaluate((inset) => {
    const root = document.documentElement.style;
    root.setProperty('--safe-top', `${inset.top}px`);
    root.setProperty('--safe-bottom', `${inset.bottom}px`);
    const box = (selector: string) => {
      const found = document.querySelector(selector);
      if (!found) throw new Error(`no ${selector} on the screen`);
      return found.getBoundingClientRect();
    };
    const title = box('.app-title');
    const pill = box('.sync-pill');
    const tabBar = box('.tabbar');
    const tabs = Array.from(document.querySelectorAll('.tabbar .tab'), (t) =>
      t.getBoundingClientRect(),
    );
    const save = box('.sticky-save .btn');
    return {
      viewportHeight: window.innerHeight,
      headerTop: Math.min(title.top, pill.top),
      tabsBottom: Math.max(...tabs.map((t) => t.bottom)),
      tabBarAtBottom:
        getComputedStyle(document.querySelector('.tabbar') as Element).position === 'fixed',
      tabBarTop: tabBar.top,
      saveBottom: save.bottom,
    };
  }, INSET);
}

/**
 * Home-screen apps on an iPhone run full screen, under the status bar and over the home
 * indicator: every fixed bar must keep clear of `env(safe-area-inset-*)`. No driver here can
 * give a page an inset, so the spec gives the document the insets an iPhone reports through
 * the `--safe-*` custom properties, which base.css takes from `env()` and every bar uses (the
 * only place the app reads the insets). Chromium and Firefox run at 390 × 844; WebKit's window
 * is laptop-wide, so there it checks the wide layout. A screenshot of Log a brew with the insets
 * is kept in the test's output folder for a person to look at.
 */
test('with an iPhone’s safe-area insets, the header, tab bar and Save bar keep clear of them', async ({
  device,
}, testInfo) => {
  await openControlledApp(device);
  await logBrew(device, 'Inset Huila');
  await goTo(device, '#/log');
  await device.see('button', 'Save brew');
  const placed = await placeBars(device);
  await writeFile(testInfo.outputPath(`safe-area-${device.engine}.png`), await device.screenshot());

  const bottomEdge = placed.viewportHeight - INSET.bottom;
  expect(placed.headerTop).toBeGreaterThanOrEqual(INSET.top);
  expect(placed.saveBottom).toBeLessThanOrEqual(bottomEdge);
  if (placed.tabBarAtBottom) {
    expect(placed.tabsBottom).toBeLessThanOrEqual(bottomEdge);
    expect(placed.saveBottom).toBeLessThanOrEqual(placed.tabBarTop);
  }
});
