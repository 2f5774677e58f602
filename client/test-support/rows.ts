import { ROUTES } from '../../shared/protocol/routes.js';
import type { DialInDb } from '../src/data/db.js';
import type { Device } from './device.js';

type Row = Record<string, unknown> & { id: string };
export interface Rows {
  bags: Row[];
  brews: Row[];
  photos: Row[];
}

const byId = (a: Row, b: Row) => a.id.localeCompare(b.id);

/** Drops server bookkeeping (`version`) so local and server rows compare equal. */
function clean(row: Row): Row {
  const { version: _version, ...rest } = row;
  return rest as Row;
}

export async function localRows(db: DialInDb): Promise<Rows> {
  const [bags, brews, photos] = await Promise.all([
    db.bags.toArray(),
    db.brews.toArray(),
    db.photos.toArray(),
  ]);
  return {
    bags: (bags as unknown as Row[]).map(clean).sort(byId),
    brews: (brews as unknown as Row[]).map(clean).sort(byId),
    photos: (photos as unknown as Row[]).map(clean).sort(byId),
  };
}

/** Every row the server holds for the device's account, read through the public pull API. */
export async function serverRows(device: Device): Promise<Rows> {
  const rows: Rows = { bags: [], brews: [], photos: [] };
  let cursor: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000' });
    if (cursor !== null) query.set('cursor', cursor);
    const response = await device.transport.fetch(
      new URL(`${ROUTES.sync.pull.path}?${query}`, device.transport.baseUrl).toString(),
      { method: 'GET' },
    );
    if (!response.ok) throw new Error(`pull ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as Rows & { cursor: string; hasMore: boolean };
    rows.bags.push(...page.bags.map(clean));
    rows.brews.push(...page.brews.map(clean));
    rows.photos.push(...page.photos.map(clean));
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return {
    bags: rows.bags.sort(byId),
    brews: rows.brews.sort(byId),
    photos: rows.photos.sort(byId),
  };
}

/** Syncs every device, twice round, so each has pushed and then pulled everything. */
export async function syncAll(devices: readonly Device[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    for (const device of devices) {
      const outcome = await device.engine.syncNow();
      if (!outcome.ok) throw new Error(`${device.name}: ${JSON.stringify(outcome.error)}`);
    }
  }
}

/** Makes a device's network fail like airplane mode (fetch rejects). */
export function goOffline(device: Device): void {
  device.intercept = async () => {
    throw new TypeError('fetch failed (offline)');
  };
}

export function goOnline(device: Device): void {
  device.intercept = null;
}
