import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchDevice } from '../support/device.js';
import { openControlledApp } from '../support/pwa.js';

/** One script transfer of the first visit, as the browser saw it. */
export interface WireScript {
  path: string;
  /** Who fetched it: the page, the worker (its precache), or the browser (the worker script). */
  by: 'page' | 'worker' | 'browser';
  /** Bytes on the wire, headers included; 0 when the HTTP cache answered. */
  wireBytes: number;
  /** Content-Encoding of the response ('identity' when none; '' when not known). */
  encoding: string;
}

export interface FirstVisit {
  /** The scripts index.html loads (its entry script and modulepreloads): the start-up JS. */
  startup: WireScript[];
  /** Every script transfer of the visit: the page's, the worker's precache, sw.js itself. */
  all: WireScript[];
}

/** The script paths index.html names: `<script src>` and `<link rel="modulepreload">`. */
function startupScripts(distClient: string): Set<string> {
  const html = readFileSync(path.join(distClient, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1] as string));
}

const isScript = (url: string) => new URL(url).pathname.endsWith('.js');

/**
 * A phone's first visit on an empty profile: open "/", wait until the service worker controls
 * the page (its precache is filled by then) and the network is idle (the chunk fetched after
 * the first paint has arrived). Every figure is what crossed the wire as the browser logged
 * it, not what the build wrote: the page's transfers from CDP `Network.loadingFinished`
 * (`encodedDataLength`), the worker's from its resource timing (`transferSize`, 0 when its
 * precache fetch was answered by the HTTP cache), and the worker script's own from the
 * network log's response (`Content-Length` of the body plus the logged header bytes), which is
 * the one transfer neither of the other two sees.
 */
export async function firstVisit(baseURL: string, distClient: string): Promise<FirstVisit> {
  const device = await launchDevice(baseURL);
  try {
    const { context, page } = device;
    const cdp = await context.newCDPSession(page);
    const responses = new Map<string, { url: string; encoding: string }>();
    const pageScripts: WireScript[] = [];
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const headers = Object.fromEntries(
        Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      responses.set(requestId, {
        url: response.url,
        encoding: headers['content-encoding'] ?? 'identity',
      });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const response = responses.get(requestId);
      if (response === undefined || !isScript(response.url)) return;
      const { pathname } = new URL(response.url);
      pageScripts.push({
        path: pathname,
        by: 'page',
        wireBytes: encodedDataLength,
        encoding: response.encoding,
      });
    });
    await cdp.send('Network.enable');
    const workerScript = new Promise<WireScript>((resolve) => {
      context.on('requestfinished', async (request) => {
        if (request.serviceWorker() === null || new URL(request.url()).pathname !== '/sw.js')
          return;
        const response = await request.response();
        const sizes = await request.sizes();
        resolve({
          path: '/sw.js',
          by: 'browser',
          wireBytes:
            Number((await response?.headerValue('content-length')) ?? 0) +
            sizes.responseHeadersSize,
          encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
        });
      });
    });

    await openControlledApp(page);
    await page.waitForLoadState('networkidle');
    const worker = context.serviceWorkers()[0];
    if (worker === undefined) throw new Error('no service worker after the page was controlled');
    const workerEntries = await worker.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => [e.name, (e as PerformanceResourceTiming).transferSize] as const),
    );
    const workerScripts = workerEntries
      .filter(([url]) => isScript(url))
      .map(
        ([url, bytes]): WireScript => ({
          path: new URL(url).pathname,
          by: 'worker',
          wireBytes: bytes,
          encoding: '',
        }),
      );
    const all = [...pageScripts, ...workerScripts, await workerScript];
    const names = startupScripts(distClient);
    const startup = pageScripts.filter((s) => names.has(s.path));
    if (startup.length === 0)
      throw new Error('the page loaded none of the scripts index.html names');
    return { startup, all };
  } finally {
    await device.close();
  }
}
