import { chromiumMissingReason } from '../support/chromium.js';
import { launchChromium } from './chromium.js';
import type { EngineDevice, EngineName } from './device.js';
import { type FirefoxOptions, firefoxMissingReason, launchFirefox } from './firefox.js';
import { startDeviceProxy } from './proxy.js';
import { launchWebkit, webkitMissingReason } from './webkit.js';

export type DeviceOptions = FirefoxOptions;

/** Why `engine` cannot run on this machine, or null when everything it needs is installed. */
export function engineMissingReason(engine: EngineName): string | null {
  if (engine === 'chromium') return chromiumMissingReason();
  if (engine === 'firefox') return firefoxMissingReason();
  return webkitMissingReason();
}

/**
 * A fresh device of `engine` with an empty profile, reaching `serverUrl` through its own proxy.
 * close() ends the browser, then the proxy.
 */
export async function openEngineDevice(
  engine: EngineName,
  serverUrl: string,
  options: DeviceOptions = {},
): Promise<EngineDevice> {
  const network = await startDeviceProxy(serverUrl);
  let device: EngineDevice;
  try {
    if (engine === 'chromium') device = await launchChromium(network);
    else if (engine === 'firefox') device = await launchFirefox(network, options);
    else device = await launchWebkit(network);
  } catch (error) {
    await network.close();
    throw error;
  }
  return {
    ...device,
    async close() {
      try {
        await device.close();
      } finally {
        await network.close();
      }
    },
  };
}
