import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import {
  chooseFileByLabel,
  type DriverPrimitives,
  type EngineDevice,
  fillByLabel,
  seeByRole,
  tapByRole,
  waitUntil,
} from './device.js';
import type { DeviceProxy } from './proxy.js';

/**
 * WebKitGTK's MiniBrowser (a current WebKit, 2.50) driven by WebKitWebDriver, the engine's own
 * W3C WebDriver. Chosen over headless WPE/cog because Debian's WPE is from 2022; MiniBrowser has
 * no headless mode, so it runs under xvfb-run.
 */
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const miniBrowserPath =
  process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const xvfbRunPath = '/usr/bin/xvfb-run';

export function webkitMissingReason(): string | null {
  const missing = [
    [webkitDriverPath, 'webkit2gtk-driver'],
    [miniBrowserPath, 'webkit2gtk-driver'],
    [xvfbRunPath, 'xvfb xauth'],
  ].filter(([file]) => !existsSync(file ?? ''));
  if (missing.length === 0) return null;
  const files = missing.map(([file]) => file).join(', ');
  const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
  return `WebKit not found (${files}): run \`apt-get install -y ${packages}\``;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function startDriver(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  // Its own process group, so close() ends xvfb-run, Xvfb, the driver and MiniBrowser together.
  const child = spawn(
    xvfbRunPath,
    ['-a', '-s', '-screen 0 1280x1024x24', webkitDriverPath, `--port=${port}`],
    { detached: true, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('WebKitWebDriver to answer', async () => {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited ${child.exitCode}`);
    const response = await fetch(`${url}/status`).catch(() => null);
    return response?.ok ? true : undefined;
  });
  return { url, process: child };
}

function stopGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** Wraps a page function so executeAsyncScript returns its awaited value or its error. */
function asyncScript(source: string): string {
  return `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${source})(arguments[0])).then(
  (value) => done({ ok: true, value: value === undefined ? null : value }),
  (error) => done({ ok: false, error: String(error && error.stack || error) }));`;
}

export async function launchWebkit(network: DeviceProxy): Promise<EngineDevice> {
  const server = await startDriver();
  let driver: WebDriver;
  try {
    driver = await new Builder()
      .usingServer(server.url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: 30_000 });
  } catch (error) {
    stopGroup(server.process);
    throw error;
  }
  const primitives: DriverPrimitives = {
    async evaluate(fn, arg) {
      const result = (await driver.executeAsyncScript(asyncScript(fn.toString()), arg)) as
        | { ok: true; value: never }
        | { ok: false; error: string };
      if (!result.ok) throw new Error(`in the page: ${result.error}`);
      return result.value;
    },
    async clickSelector(selector) {
      await driver.findElement(By.css(selector)).click();
    },
    async typeInto(selector, value) {
      const element = await driver.findElement(By.css(selector));
      await element.clear();
      await element.sendKeys(value);
    },
    // W3C WebDriver's upload: keys sent to a file input are the path of the file to pick.
    async setFile(selector, file) {
      await driver.findElement(By.css(selector)).sendKeys(file);
    },
  };
  const goto = (target: string) => driver.get(new URL(target, network.url).href);
  return {
    engine: 'webkit',
    baseURL: network.url,
    network,
    open: (target = '/') => goto(target),
    tap: (role, name, options) => tapByRole(primitives, role, name, options),
    see: (role, name, options) => seeByRole(primitives, role, name, options),
    fill: (label, value) => fillByLabel(primitives, label, value),
    chooseFile: (label, file) => chooseFileByLabel(primitives, label, file),
    evaluate: (fn, arg) => primitives.evaluate(fn, arg),
    async reopen(target = '/') {
      const old = await driver.getWindowHandle();
      await driver.switchTo().newWindow('tab');
      const fresh = await driver.getWindowHandle();
      await driver.switchTo().window(old);
      await driver.close();
      await driver.switchTo().window(fresh);
      await goto(target);
    },
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    async close() {
      await driver.quit().catch(() => undefined);
      stopGroup(server.process);
    },
  };
}
