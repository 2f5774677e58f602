import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/**
 * Helpers for the UI specs: a deterministic sample export (bags + brews) that the specs and
 * the screenshot run import through the app's own Settings → Import, so no test reaches
 * into IndexedDB behind the UI's back.
 */

export interface SampleOptions {
  brews?: number;
  /** Every brew an espresso of the first bag (for the chart). */
  oneBagEspresso?: boolean;
  /** ms of the newest brew; older ones are spaced `spacingMs` apart. */
  newestAt?: number;
  spacingMs?: number;
  /** Every bag's weight (250 g); null for bags that never run out, however many brews. */
  bagWeightG?: number | null;
}

const TASTES = ['sour', 'balanced', 'bitter', null] as const;

export function sampleExport(options: SampleOptions = {}) {
  const n = options.brews ?? 20;
  const newest = options.newestAt ?? Date.now() - 60_000;
  const spacing = options.spacingMs ?? 3 * 3_600_000;
  const clock = '000001764148200000-00000-sample';
  const bag = (name: string, roaster: string, roastDate: string, archived = false) => ({
    id: randomUUID(),
    clocks: { name: clock },
    name,
    roaster,
    origin: 'Ethiopia',
    process: null,
    variety: null,
    roastLevel: 'light',
    roastDate,
    weightG: options.bagWeightG === undefined ? 250 : options.bagWeightG,
    notes: null,
    archived,
    deletedAt: null,
  });
  const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
  const bags = [
    bag('Guji Hambela', 'April', day(12)),
    bag('Huila Decaf', 'Friedhats', day(20)),
    bag('Kenya Karimikui', 'Coffee Collective', day(60), true),
  ];
  const [first, second] = bags;
  const brews = Array.from({ length: n }, (_, i) => {
    const filter = !options.oneBagEspresso && i % 7 === 6;
    return {
      id: randomUUID(),
      clocks: { bagId: clock },
      bagId: (!options.oneBagEspresso && i % 5 === 4 ? second : first)?.id,
      method: filter ? 'pour_over' : 'espresso',
      grinder: 'Niche Zero',
      grindSetting: filter ? `3.${i % 4}` : `2.${4 + (i % 4)}.${i % 3}`,
      doseG: filter ? 15 : 18,
      yieldG: filter ? 230 : 34 + (i % 5),
      waterG: filter ? 250 : null,
      timeS: filter ? 180 + i : 22 + ((i * 3) % 12),
      tempC: 93,
      taste: TASTES[i % 4] ?? null,
      rating: (i % 10) / 2,
      notes: i === 0 ? 'Juicy, a little thin' : null,
      brewedAt: new Date(newest - i * spacing).toISOString(),
      deletedAt: null,
    };
  });
  return {
    format: 'dial-in-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    bags,
    brews,
  };
}

/** Imports an export document through Settings, and waits for the app to say so. */
export async function importThroughUi(page: Page, doc: unknown): Promise<void> {
  await page.goto('/#/settings');
  await page.locator('#import-file').setInputFiles({
    name: 'dial-in.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(page.getByTestId('data-message')).toContainText('Imported');
}

/** Clicks on a laptop, taps on a touch phone: what a person would do on that device. */
export async function press(page: Page, locator: import('@playwright/test').Locator) {
  const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
  if (touch) await locator.tap();
  else await locator.click();
}

/** The export the app downloads from Settings: dial-in.json of its ZIP, parsed. */
export async function exportThroughUi(page: Page): Promise<ExportDoc> {
  await page.goto('/#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export ZIP' }).click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const { strFromU8, unzipSync } = await import('fflate');
  const json = unzipSync(await readFile(path))['dial-in.json'];
  if (json === undefined) throw new Error('the export ZIP has no dial-in.json');
  return JSON.parse(strFromU8(json)) as ExportDoc;
}

export interface ExportDoc {
  format: string;
  version: number;
  bags: ({ id: string; clocks: Record<string, string> } & Record<string, unknown>)[];
  brews: ({ id: string; clocks: Record<string, string> } & Record<string, unknown>)[];
}

/** The data of an export without clocks (which a re-import restamps), sorted by id. */
export function valuesOf(doc: ExportDoc) {
  const strip = ({ clocks: _clocks, ...rest }: { clocks: unknown } & Record<string, unknown>) =>
    rest;
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(a.id).localeCompare(String(b.id));
  return { bags: doc.bags.map(strip).sort(byId), brews: doc.brews.map(strip).sort(byId) };
}
