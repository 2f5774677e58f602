import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { PHONE } from '../support/device.js';
import {
  chooseFileByLabel,
  type DriverPrimitives,
  type EngineDevice,
  fillByLabel,
  seeByRole,
  tapByRole,
} from './device.js';
import type { DeviceProxy } from './proxy.js';

/** Chromium through Playwright, as e2e/support drives it: one persistent profile per device. */
export async function launchChromium(network: DeviceProxy): Promise<EngineDevice> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'dialin-engine-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions,
    ...PHONE,
    baseURL: network.url,
  });
  let page = context.pages()[0] ?? (await context.newPage());
  const driver: DriverPrimitives = {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    clickSelector: (selector) => page.locator(selector).click(),
    typeInto: (selector, value) => page.locator(selector).fill(value),
    setFile: (selector, file) => page.locator(selector).setInputFiles(file),
  };
  return {
    engine: 'chromium',
    baseURL: network.url,
    network,
    async open(target = '/') {
      await page.goto(target);
    },
    tap: (role, name, options) => tapByRole(driver, role, name, options),
    see: (role, name, options) => seeByRole(driver, role, name, options),
    fill: (label, value) => fillByLabel(driver, label, value),
    chooseFile: (label, file) => chooseFileByLabel(driver, label, file),
    evaluate: (fn, arg) => driver.evaluate(fn, arg),
    async reopen(target = '/') {
      const old = page;
      page = await context.newPage();
      await old.close();
      await page.goto(target);
    },
    screenshot: () => page.screenshot(),
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
