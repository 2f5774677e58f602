import { appManifest, installabilityErrors } from './support/cdp.js';
import { expect, test } from './support/fixtures.js';
import { openControlledApp } from './support/pwa.js';

test.describe('installable PWA', () => {
  test('Chromium finds nothing blocking installation, and the manifest parses', async ({
    device,
  }) => {
    const { page } = device;
    await openControlledApp(page);

    // Chromium evaluates installability asynchronously after load; poll until it settles.
    await expect.poll(() => installabilityErrors(page), { timeout: 20_000 }).toEqual([]);

    const manifest = await appManifest(page);
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    const parsed = JSON.parse(manifest.data ?? '{}') as {
      name: string;
      short_name: string;
      display: string;
      start_url: string;
      scope: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
      shortcuts: { name: string; url: string }[];
    };
    expect(parsed).toMatchObject({ display: 'standalone', start_url: '/', scope: '/' });
    expect(parsed.name).toContain('Dial-in');
    expect(parsed.short_name).toBe('Dial-in');
    expect(parsed.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(parsed.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const shortcut = parsed.shortcuts.find((s) => s.name === 'Log a brew');
    expect(new URL(shortcut?.url ?? '', page.url()).href).toBe(new URL('/#/log', page.url()).href);
    expect(parsed.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);

    // Every icon is served as a PNG of the size it claims (read from the IHDR header).
    const icons = [...parsed.icons.map((i) => i.src), '/apple-touch-icon.png'];
    for (const src of icons) {
      const response = await page.request.get(src);
      expect(response.status(), src).toBe(200);
      expect(response.headers()['content-type'], src).toBe('image/png');
      const png = await response.body();
      const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      const claimed = parsed.icons.find((i) => i.src === src)?.sizes ?? '180x180';
      expect(size, src).toBe(claimed);
    }

    // The head tags the platforms read besides the manifest.
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
      'href',
      '/apple-touch-icon.png',
    );
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#/);
  });

  test('the app asks for persistent storage, and settings shows the browser’s answer', async ({
    device,
  }) => {
    const { page } = device;
    await openControlledApp(page, '/#/settings');
    const answer = await page.evaluate(() => navigator.storage.persisted());
    await expect(page.getByTestId('persistence')).toHaveAttribute(
      'data-state',
      answer ? 'persisted' : 'best-effort',
    );
    await expect(page.getByText('Ready to work offline.')).toBeVisible();
  });
});
