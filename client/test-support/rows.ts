import { ENTITIES } from '../../shared/model/entities.js';
import { PULL_KEYS, type PullKey } from '../../shared/protocol/pull.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { type DialInDb, entityTable } from '../src/data/db.js';
import type { Device } from './device.js';

type Row = Record<string, unknown> & { id: string };
/** Rows of every entity, under the pull page's keys. */
export type Rows = Record<PullKey, Row[]>;

/** No rows of any entity: what an emptied device or account holds. */
export function emptyRows(): Rows {
  return Object.fromEntries(ENTITIES.map((entity) => [PULL_KEYS[entity], []])) as unknown as Rows;
}

const byId = (a: Row, b: Row) => a.id.localeCompare(b.id);

/** Drops server bookkeeping (`version`) so local and server rows compare equal. */
function clean(row: Row): Row {
  const { version: _version, ...rest } = row;
  return rest as Row;
}

export async function localRows(db: DialInDb): Promise<Rows> {
  const tables = await Promise.all(ENTITIES.map((entity) => entityTable(db, entity).toArray()));
  const rows = emptyRows();
  ENTITIES.forEach((entity, i) => {
    rows[PULL_KEYS[entity]] = (tables[i] as unknown as Row[]).map(clean).sort(byId);
  });
  return rows;
}

/** Every row the server holds for the device's account, read through the public pull API. */
export async function serverRows(device: Device): Promise<Rows> {
  const rows = emptyRows();
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
    for (const key of Object.values(PULL_KEYS)) rows[key].push(...page[key].map(clean));
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  for (const key of Object.values(PULL_KEYS)) rows[key].sort(byId);
  return rows;
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
