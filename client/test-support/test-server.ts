import { afterAll, afterEach, beforeAll } from 'vitest';
import { createDevice, type Device } from './device.js';
import { startServer, type TestServer } from './server-process.js';

export interface TestServerSetup {
  /** The file's server process (started before its first test). */
  readonly server: TestServer;
  /** A new device on the server, closed after the current test. */
  device(name: string, skewMs?: number): Device;
  /** Closes a device made another way after the current test too. */
  closeAfterTest(device: Device): void;
}

/**
 * The setup the client sync test files share: one real server process per file, started
 * before its tests and stopped after them, and every device a test opens closed after that
 * test. Call it once at the top of a test file.
 */
export function useTestServer(): TestServerSetup {
  let server: TestServer | undefined;
  let devices: Device[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    for (const device of devices) await device.close();
    devices = [];
  });
  const setup: TestServerSetup = {
    get server() {
      if (server === undefined) throw new Error('the test server starts in beforeAll');
      return server;
    },
    device(name, skewMs) {
      const made = createDevice(setup.server, name, skewMs);
      devices.push(made);
      return made;
    },
    closeAfterTest(device) {
      devices.push(device);
    },
  };
  return setup;
}
