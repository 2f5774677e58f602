/**
 * Regenerates the PNG icons in client/public from client/icons/dial-in.svg (`npm run icons`).
 *
 * Chromium renders the SVG, so no image library is needed: the Debian build at /usr/bin/chromium
 * (CHROMIUM_PATH overrides it) driven by playwright-core, both already installed for the e2e tests.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'client/icons/dial-in.svg');
const outDir = join(root, 'client/public');

/** The icon's background colour: fills the corners of the full-bleed variants. */
const BACKGROUND = '#3b2418';

interface IconSpec {
  file: string;
  size: number;
  /**
   * Full bleed: the square is filled edge to edge. Maskable icons need it (the platform cuts
   * its own shape out of the central 80%), and iOS paints transparent corners black.
   */
  fullBleed: boolean;
}

const ICONS: IconSpec[] = [
  { file: 'icons/icon-192.png', size: 192, fullBleed: false },
  { file: 'icons/icon-512.png', size: 512, fullBleed: false },
  { file: 'icons/icon-512-maskable.png', size: 512, fullBleed: true },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true },
];

function pageFor(svg: string, spec: IconSpec): string {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const background = spec.fullBleed ? BACKGROUND : 'transparent';
  return `<!doctype html><html><body style="margin:0;background:${background}">
    <img src="${src}" width="${spec.size}" height="${spec.size}" style="display:block"></body></html>`;
}

async function main(): Promise<void> {
  const svg = await readFile(source, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const spec of ICONS) {
      const page = await browser.newPage({
        viewport: { width: spec.size, height: spec.size },
        deviceScaleFactor: 1,
      });
      await page.setContent(pageFor(svg, spec));
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const path = join(outDir, spec.file);
      await mkdir(dirname(path), { recursive: true });
      await page.screenshot({ path, omitBackground: !spec.fullBleed });
      await page.close();
      console.log(`wrote ${spec.file} (${spec.size}×${spec.size})`);
    }
  } finally {
    await browser.close();
  }
  await copyFile(source, join(outDir, 'favicon.svg'));
  console.log('wrote favicon.svg');
}

await main();
