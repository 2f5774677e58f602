import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';

type PersistentOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/** A phone: 390×844 (iPhone 12–15 class), touch, mobile viewport handling. */
export const PHONE: PersistentOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** A laptop, for the "phone A and laptop B" stories. */
export const LAPTOP: PersistentOptions = {
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
};

export interface Device {
  context: BrowserContext;
  /** The page the browser opened with; more can be opened with context.newPage(). */
  page: Page;
  /** The profile directory: IndexedDB, Cache Storage and the service worker live here. */
  userDataDir: string;
  /** Console errors and uncaught page errors from every page of this device, in order. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * One device = one persistent Chromium profile. A persistent context (not browser.newContext)
 * because Chromium reports `in-incognito` for installability otherwise, and the service
 * worker, its Background Sync queue and IndexedDB must survive closing every page.
 */
export async function launchDevice(
  baseURL: string,
  options: PersistentOptions = PHONE,
): Promise<Device> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'dialin-device-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions,
    ...options,
    baseURL,
  });
  const consoleErrors: string[] = [];
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The text alone ("Failed to load resource: … 404") does not say which resource.
    const { url } = message.location();
    consoleErrors.push(url ? `${message.text()} (${url})` : message.text());
  });
  context.on('weberror', (error) => consoleErrors.push(String(error.error())));
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    userDataDir,
    consoleErrors,
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
