import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { precompressFile } from '../scripts/vite-precompress.js';
import { launchDevice } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { repoRoot } from './support/package-scripts.js';
import { openControlledApp } from './support/pwa.js';
import { startServer } from './support/server.js';

/**
 * A new version never swaps itself in under a half-filled form: it waits, the app says
 * "A new version of Dial-in is ready", and only the user's Reload applies it.
 */
test('an update waits for the user’s reload, and the form keeps what was typed', async ({
  requireChromium,
}) => {
  void requireChromium;
  // A private copy of the build, so a "new version" can be deployed under a running app.
  const staticDir = await mkdtemp(path.join(os.tmpdir(), 'dialin-update-'));
  await cp(path.join(repoRoot, 'dist/client'), staticDir, { recursive: true });
  const server = await startServer({ env: { STATIC_DIR: staticDir } });
  const device = await launchDevice(server.url);
  try {
    const { page } = device;
    await openControlledApp(page, '/#/log');
    const input = page.locator('#f-bag-name');
    await input.fill('Half-typed coffee');
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    // Deploy: any byte changed in sw.js is a new version; a build writes its .br/.gz too.
    await appendFile(path.join(staticDir, 'sw.js'), '\n// next version\n');
    await precompressFile(path.join(staticDir, 'sw.js'));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    const banner = page
      .getByRole('status')
      .filter({ hasText: 'A new version of Dial-in is ready' });
    await expect(banner).toBeVisible();
    const waiting = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.waiting ? registration.waiting.state : null;
      });
    // Installed and waiting; the page was not reloaded and the typing is intact.
    expect(await waiting()).toBe('installed');
    await expect(input).toHaveValue('Half-typed coffee');
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);

    await banner.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(
      () => !(window as unknown as { sameDocument?: boolean }).sameDocument,
    );
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await waiting()).toBeNull();
    await expect(banner).toHaveCount(0);
  } finally {
    await device.close();
    await server.stop();
    await rm(staticDir, { recursive: true, force: true });
  }
});
