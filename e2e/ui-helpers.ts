import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/**
 * Helpers for the UI specs: a deterministic sample export (bags + brews) that the specs and
 * the screenshot run import through the app's own Settings → Import, so no test reaches
 * into IndexedDB behind the UI's back.
 */

export interface SampleOptions {
  brews?: number;
  /** ms of the newest brew; older ones are spaced `spacingMs` apart. */
  newestAt?: number;
  spacingMs?: number;
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
    weightG: 250,
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
    const filter = i % 7 === 6;
    return {
      id: randomUUID(),
      clocks: { bagId: clock },
      bagId: (i % 5 === 4 ? second : first)?.id,
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
