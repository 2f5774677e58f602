/**
 * How long a fresh device takes to pull 10,000 brews into an empty fake-indexeddb database,
 * against the real server (child process). Prints figures; asserts nothing.
 *
 *   npm run bench:pull [-- <number of brews, default 10000>]
 */
import 'fake-indexeddb/auto';
import { Hlc } from '../../shared/hlc.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { login, signup } from '../src/account/account.js';
import { SyncEngine } from '../src/sync/engine.js';
import { pullAll } from '../src/sync/pull.js';
import { createDevice, PASSWORD, uniqueEmail } from './device.js';
import { startServer } from './server-process.js';

const total = Number(process.argv[2] ?? 10_000);
const server = await startServer();
try {
  const email = uniqueEmail('bench');
  const seeder = createDevice(server, 'seeder');
  const signed = await signup(seeder.engine, { email, password: PASSWORD });
  if (!signed.ok) throw new Error(JSON.stringify(signed.error));
  const accountId = signed.account.id;
  const clock = new Hlc('bench-seeder');
  const bagId = crypto.randomUUID();
  const mutations = [
    {
      id: crypto.randomUUID(),
      entity: 'bag',
      rowId: bagId,
      hlc: clock.now(),
      patch: { name: 'Bench bag' },
    },
  ];
  for (let i = 0; i < total; i += 1) {
    mutations.push({
      id: crypto.randomUUID(),
      entity: 'brew',
      rowId: crypto.randomUUID(),
      hlc: clock.now(),
      patch: {
        bagId,
        method: 'espresso',
        grindSetting: `2.${i % 10}`,
        doseG: 18,
        yieldG: 36 + (i % 10),
        timeS: 25 + (i % 8),
        taste: 'balanced',
        rating: 4,
        notes: `shot ${i}`,
        brewedAt: new Date(Date.now() - i * 60_000).toISOString(),
      } as never,
    });
  }
  const seedStart = performance.now();
  for (let i = 0; i < mutations.length; i += 500) {
    const response = await seeder.transport.fetch(new URL(ROUTES.sync.push.path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountId,
        deviceId: 'bench-seeder',
        schemaVersion: PROTOCOL_VERSION,
        mutations: mutations.slice(i, i + 500),
      }),
    });
    if (response.status !== 200) throw new Error(`seed push ${response.status}`);
  }
  console.log(
    `seeded ${total} brews + 1 bag in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  for (const pageSize of [500, 1000]) {
    const device = createDevice(server, `fresh-${pageSize}`);
    device.engine = new SyncEngine({
      db: device.db,
      transport: device.transport,
      pullPageSize: pageSize,
    });
    const start = performance.now();
    const result = await login(device.engine, { email, password: PASSWORD });
    const seconds = (performance.now() - start) / 1000;
    const brews = await device.db.brews.count();
    if (!result.ok || brews !== total) throw new Error(`pull failed: ${brews} brews`);
    console.log(
      `page size ${pageSize}: log-in + full pull of ${total} brews into empty fake-indexeddb: ${seconds.toFixed(1)} s (${Math.round(total / seconds)} rows/s)`,
    );
    // Again without the log-in: empty the tables, reset the cursor, time the pull alone.
    await Promise.all([device.db.bags.clear(), device.db.brews.clear()]);
    await device.db.meta.update('device', { cursor: null });
    const pullStart = performance.now();
    const pulled = await pullAll(device.db, device.transport, { pageSize });
    const pullSeconds = (performance.now() - pullStart) / 1000;
    if (!pulled.ok || (await device.db.brews.count()) !== total) throw new Error('pull failed');
    console.log(
      `page size ${pageSize}: pull alone into emptied tables: ${pullSeconds.toFixed(1)} s (${Math.round(total / pullSeconds)} rows/s)`,
    );
    // The same pages fetched and parsed but not stored: the server's and HTTP's share.
    const fetchStart = performance.now();
    let cursor: string | null = null;
    let fetched = 0;
    for (;;) {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (cursor !== null) query.set('cursor', cursor);
      const response = await device.transport.fetch(
        `${new URL(ROUTES.sync.pull.path, server.url)}?${query}`,
        {},
      );
      const page = (await response.json()) as {
        brews: unknown[];
        cursor: string;
        hasMore: boolean;
      };
      fetched += page.brews.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const fetchSeconds = (performance.now() - fetchStart) / 1000;
    console.log(
      `page size ${pageSize}: fetching the ${fetched} brews without storing them: ${fetchSeconds.toFixed(1)} s`,
    );
    await device.close();
  }
  await seeder.close();
} finally {
  await server.stop();
}
