import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/**
 * Chrome DevTools Protocol helpers for what Playwright has no API for: PWA installability and
 * driving the service worker. Chromium only.
 */

type InstallabilityError = { errorId: string; errorArguments: { name: string; value: string }[] };

/** `Page.getInstallabilityErrors`: [] when Chromium would offer to install the app. */
export async function installabilityErrors(page: Page): Promise<InstallabilityError[]> {
  return withSession(page, async (cdp) => {
    const result = await cdp.send('Page.getInstallabilityErrors');
    return result.installabilityErrors;
  });
}

/** `Page.getAppManifest`: the manifest URL, its raw text (`data`) and its parse errors. */
export async function appManifest(page: Page) {
  return withSession(page, (cdp) => cdp.send('Page.getAppManifest', {}));
}

/**
 * Fires a Background Sync `sync` event at the service worker, as Chromium does when the
 * network returns — on demand, since after an outage Chromium backs off for minutes.
 * Works with no app page open: it uses an about:blank page for the CDP session.
 * Workbox's queue tag is `workbox-background-sync:<queueName>`.
 */
export async function dispatchSyncEvent(
  context: BrowserContext,
  tag: string,
  options: { lastChance?: boolean; origin?: string } = {},
): Promise<void> {
  await withContextSession(context, async (cdp) => {
    const registration = await serviceWorkerRegistration(cdp, options.origin);
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(registration.scopeURL).origin,
      registrationId: registration.registrationId,
      tag,
      lastChance: options.lastChance ?? false,
    });
  });
}

/**
 * Stops every running service worker of the device, as the browser does when idle.
 * Caveat: with the worker stopped, `context.setOffline(true)` hung; wake the
 * worker with a fetch through it first.
 */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  await withContextSession(context, async (cdp) => {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  });
}

async function serviceWorkerRegistration(cdp: CDPSession, origin?: string) {
  const matches = (scopeURL: string) => !origin || new URL(scopeURL).origin === origin;
  const found = new Promise<{ registrationId: string; scopeURL: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no service worker registration${origin ? ` for ${origin}` : ''}`)),
      10_000,
    );
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted && matches(r.scopeURL));
      if (live) {
        clearTimeout(timer);
        resolve(live);
      }
    });
  });
  // Registrations are reported right after enable; the listener must exist before it.
  await cdp.send('ServiceWorker.enable');
  return found;
}

async function withSession<T>(page: Page, run: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await run(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** A CDP session on the device; opens (and then closes) about:blank when no page is open. */
async function withContextSession<T>(
  context: BrowserContext,
  run: (cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const existing = context.pages()[0];
  const page = existing ?? (await context.newPage());
  try {
    return await withSession(page, run);
  } finally {
    if (!existing) await page.close();
  }
}
