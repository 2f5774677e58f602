import { existsSync } from 'node:fs';
import puppeteer, { type ElementHandle } from 'puppeteer-core';
import {
  chooseFileByLabel,
  type DriverPrimitives,
  type EngineDevice,
  fillByLabel,
  seeByRole,
  tapByRole,
} from './device.js';
import type { DeviceProxy } from './proxy.js';

/** Debian's Firefox ESR; FIREFOX_PATH points elsewhere. */
export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export function firefoxMissingReason(): string | null {
  if (existsSync(firefoxPath)) return null;
  return `Firefox not found at ${firefoxPath}: run \`apt-get install -y firefox-esr\` or set FIREFOX_PATH`;
}

export interface FirefoxOptions {
  /**
   * Answer `navigator.storage.persist()` by itself (default true). Without these prefs Firefox
   * shows a permission prompt no test can answer, and persist() never settles.
   */
  answerPersistPrompt?: boolean;
  /**
   * Let the next page of the site use what the last one loaded (default true). A spec whose
   * next page must find no copy of a chunk but the server's turns it off: the HTTP cache is
   * bypassed for every page (BiDi network.setCacheBehavior) and Firefox's in-memory script
   * cache for the next page (`dom.script_loader.experimental.navigation_cache`) is off. With
   * the page's own fetch(…, { cache: 'reload' }) answered 503 instead, a chunk still loaded
   * from one of them in 2 of 6 runs of sync-chunk-retry here, and in CI.
   */
  cacheAcrossPages?: boolean;
}

/**
 * Stock Firefox through puppeteer-core over WebDriver BiDi: it drives the Debian binary as it
 * is (Playwright 1.65 cannot: it sends a BiDi command ESR does not know when creating a context).
 * Each launch has its own fresh profile, kept for the browser's life.
 */
export async function launchFirefox(
  network: DeviceProxy,
  options: FirefoxOptions = {},
): Promise<EngineDevice> {
  const answer = options.answerPersistPrompt ?? true;
  const cacheAcrossPages = options.cacheAcrossPages ?? true;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    defaultViewport: { width: 390, height: 844 },
    extraPrefsFirefox: {
      ...(answer
        ? {
            'dom.storageManager.prompt.testing': true,
            'dom.storageManager.prompt.testing.allow': true,
          }
        : {}),
      ...(cacheAcrossPages ? {} : { 'dom.script_loader.experimental.navigation_cache': false }),
    },
  });
  const newPage = async () => {
    const opened = await browser.newPage();
    if (!cacheAcrossPages) await opened.setCacheEnabled(false);
    return opened;
  };
  let page = await newPage();
  for (const blank of await browser.pages()) if (blank !== page) await blank.close();
  const driver: DriverPrimitives = {
    // Page functions take one JSON argument; puppeteer's handle-aware typing does not fit that.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    clickSelector: (selector) => page.locator(selector).click(),
    typeInto: (selector, value) => page.locator(selector).fill(value),
    // Puppeteer's upload (BiDi `input.setFiles`): sets the files and fires input and change.
    async setFile(selector, file) {
      const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
      if (input === null) throw new Error(`no file input matches ${selector}`);
      await input.uploadFile(file);
      await input.dispose();
    },
  };
  const goto = async (target: string) => {
    await page.goto(new URL(target, network.url).href, { waitUntil: 'load' });
  };
  return {
    engine: 'firefox',
    baseURL: network.url,
    network,
    open: (target = '/') => goto(target),
    tap: (role, name, options) => tapByRole(driver, role, name, options),
    see: (role, name, options) => seeByRole(driver, role, name, options),
    fill: (label, value) => fillByLabel(driver, label, value),
    chooseFile: (label, file) => chooseFileByLabel(driver, label, file),
    evaluate: (fn, arg) => driver.evaluate(fn, arg),
    async reopen(target = '/') {
      const old = page;
      page = await newPage();
      await old.close();
      await goto(target);
    },
    screenshot: async () => Buffer.from(await page.screenshot()),
    async close() {
      await browser.close();
    },
  };
}
