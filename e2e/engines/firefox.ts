import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import {
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
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    defaultViewport: { width: 390, height: 844 },
    extraPrefsFirefox: answer
      ? {
          'dom.storageManager.prompt.testing': true,
          'dom.storageManager.prompt.testing.allow': true,
        }
      : {},
  });
  let page = (await browser.pages())[0] ?? (await browser.newPage());
  const driver: DriverPrimitives = {
    // Page functions take one JSON argument; puppeteer's handle-aware typing does not fit that.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    clickSelector: (selector) => page.locator(selector).click(),
    typeInto: (selector, value) => page.locator(selector).fill(value),
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
    evaluate: (fn, arg) => driver.evaluate(fn, arg),
    async reopen(target = '/') {
      const old = page;
      page = await browser.newPage();
      await old.close();
      await goto(target);
    },
    async close() {
      await browser.close();
    },
  };
}
