import { existsSync } from 'node:fs';

/**
 * Debian's Chromium: Playwright cannot download its own browsers on these machines
 * (`npx playwright install` fails: no network but the npm registry). CHROMIUM_PATH points elsewhere.
 */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Without the background-networking flags Chromium keeps dialling Google's hosts, which the
 * closed network refuses; --no-sandbox because tests run as root.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumLaunchOptions = {
  executablePath: chromiumPath,
  args: chromiumArgs,
  headless: true,
};

function truthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** In CI (or with DIALIN_REQUIRE_BROWSER=1) a missing browser fails the run instead of skipping. */
export function browserRequired(): boolean {
  return truthy(process.env.DIALIN_REQUIRE_BROWSER) || truthy(process.env.CI);
}

/** Why browser tests cannot run here, or null when Chromium is installed. */
export function chromiumMissingReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  return `Chromium not found at ${chromiumPath}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`;
}
