import net from 'node:net';

/**
 * The network between one device and the server: a TCP proxy on its own loopback port. It is
 * the only offline switch that behaves the same in every engine (Firefox's BiDi offline mode
 * leaves the service worker's fetches through; WebKit's drivers have none), and one device can
 * be cut off while another stays connected. The browser's `navigator.onLine` stays true: to the
 * app a cut network is a server it cannot reach.
 */
export interface DeviceProxy {
  /** http://127.0.0.1:<port>, the origin the device opens the app on. */
  readonly url: string;
  /**
   * Drops every open connection and resets new ones: fetches reject, as on a dead network or
   * with the server process down.
   */
  cut(): void;
  /** Passes connections through to the server again. */
  restore(): void;
  close(): Promise<void>;
}

export async function startDeviceProxy(target: string): Promise<DeviceProxy> {
  const { hostname, port } = new URL(target);
  let connected = true;
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    if (!connected) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    open.add(client);
    open.add(upstream);
    const forget = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');

  const dropAll = () => {
    for (const socket of open) socket.resetAndDestroy();
    open.clear();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      connected = false;
      dropAll();
    },
    restore() {
      connected = true;
    },
    async close() {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
