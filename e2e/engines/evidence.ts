import { writeFile } from 'node:fs/promises';
import type { TestInfo } from '@playwright/test';
import type { EngineDevice } from './device.js';

/** What the page said when the test failed: enough to read a flake without re-running it. */
interface PageState {
  url: string;
  readyState: string;
  controlled: boolean;
  /** The sync pill as the user read it. */
  pill: string;
  /** The visible text, as a person saw it. */
  text: string;
  html: string;
}

/**
 * A hung page must not hang the teardown too: each read gets this long, then the evidence
 * says it did not answer (which is evidence as well).
 */
const READ_MS = 5_000;

function within<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${READ_MS} ms`)), READ_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function readPage(device: EngineDevice): Promise<PageState> {
  return device.evaluate(
    () => ({
      url: location.href,
      readyState: document.readyState,
      controlled: navigator.serviceWorker?.controller != null,
      pill: document.querySelector('.sync-pill')?.textContent?.trim() ?? '',
      // biome-ignore lint/performance/useDomNodeTextContent: what was shown, not hidden text.
      text: document.body?.innerText ?? '',
      html: document.documentElement.outerHTML,
    }),
    null,
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes what each device showed into the test's output folder (test-results/engines/…) and
 * attaches it to the report: `device-N.png` (the screen), `device-N.txt` (URL, pill, visible
 * text) and `device-N.html` (the DOM). Called for a failed test only, before its devices
 * close; a device that cannot answer is noted, never a second failure.
 */
export async function keepEvidence(devices: EngineDevice[], testInfo: TestInfo): Promise<void> {
  for (const [index, device] of devices.entries()) {
    const name = `device-${index + 1}`;
    try {
      const png = testInfo.outputPath(`${name}.png`);
      await writeFile(png, await within('screenshot', device.screenshot()));
      await testInfo.attach(`${name} screenshot`, { path: png, contentType: 'image/png' });
    } catch (error) {
      testInfo.annotations.push({ type: `${name} screenshot`, description: messageOf(error) });
    }
    let summary: string;
    try {
      const page = await within('page state', readPage(device));
      summary = [
        `engine: ${device.engine}`,
        `url: ${page.url}`,
        `readyState: ${page.readyState}`,
        `service worker controls the page: ${page.controlled}`,
        `sync pill: ${page.pill}`,
        '',
        page.text,
      ].join('\n');
      const html = testInfo.outputPath(`${name}.html`);
      await writeFile(html, page.html);
      await testInfo.attach(`${name} DOM`, { path: html, contentType: 'text/html' });
    } catch (error) {
      summary = `engine: ${device.engine}\nthe page did not answer: ${messageOf(error)}`;
    }
    const text = testInfo.outputPath(`${name}.txt`);
    await writeFile(text, `${summary}\n`);
    await testInfo.attach(`${name} page`, { path: text, contentType: 'text/plain' });
  }
}
