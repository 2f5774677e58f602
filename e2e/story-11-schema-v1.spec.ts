import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from '../client/src/data/schema.js';
import { Hlc } from '../shared/hlc.js';
import { BAG_FIELDS, BREW_FIELDS } from '../shared/model/entities.js';
import { uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { readLocalState } from './support/late-device-state.js';
import { brewRow, signUpThroughUi } from './support/pwa-ui.js';
import { pill } from './support/steps.js';

/**
 * Story 11, the shipped schema upgrade: a phone whose database was written by schema
 * version 1 (the first release: no outbox states, no history) opens the current app, which
 * upgrades it in place, shows what it held, and sends its unsent changes after sign-up.
 */
test('a database written by schema version 1 opens, upgraded, in the current app', async ({
  device,
  api,
}) => {
  const { context, page } = device;
  const v1 = SCHEMA_VERSIONS.find((v) => v.version === 1);
  expect(v1?.stores).toEqual({
    bags: 'id',
    brews: 'id, bagId, brewedAt',
    outbox: '++seq, &mutationId, rowId',
    meta: 'key',
  });

  // What version 1 left on the phone: a bag and a brew of it, both still unsent.
  const clock = new Hlc('v1-phone');
  const bagId = randomUUID();
  const brewId = randomUUID();
  const bagPatch = { name: 'First-release coffee' };
  const brewPatch = {
    bagId,
    method: 'espresso',
    doseG: 17.5,
    yieldG: 35,
    notes: 'logged by version 1',
    brewedAt: new Date(Date.now() - 3_600_000).toISOString(),
  };
  const bagHlc = clock.now();
  const brewHlc = clock.now();
  const row = (fields: object, id: string, patch: Record<string, unknown>, hlc: string) => ({
    ...Object.fromEntries(Object.keys(fields).map((f) => [f, null])),
    ...patch,
    id,
    clocks: Object.fromEntries(Object.keys(patch).map((f) => [f, hlc])),
  });
  const entry = (entity: string, rowId: string, patch: object, hlc: string) => ({
    mutationId: randomUUID(),
    accountId: null,
    entity,
    rowId,
    hlc,
    patch,
    previous: {},
    createdAt: Date.now() - 3_600_000,
  });
  const data = {
    bags: [row(BAG_FIELDS, bagId, bagPatch, bagHlc)],
    brews: [row(BREW_FIELDS, brewId, brewPatch, brewHlc)],
    outbox: [entry('bag', bagId, bagPatch, bagHlc), entry('brew', brewId, brewPatch, brewHlc)],
    meta: [
      {
        key: 'device',
        deviceId: 'v1-phone',
        accountId: null,
        email: null,
        hlc: clock.state,
        hlcReceived: null,
        clockOffsetMs: 0,
        cursor: null,
        lastSyncedAt: null,
        signedOutOnServer: false,
      },
    ],
  };

  // Written with IndexedDB itself, laid out as Dexie lays out version 1 (IDB version 10), from
  // a page that runs no app code.
  await page.goto('/favicon.svg');
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dial-in', 10);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('bags', { keyPath: 'id' });
          const brews = db.createObjectStore('brews', { keyPath: 'id' });
          brews.createIndex('bagId', 'bagId');
          brews.createIndex('brewedAt', 'brewedAt');
          const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
          outbox.createIndex('mutationId', 'mutationId', { unique: true });
          outbox.createIndex('rowId', 'rowId');
          db.createObjectStore('meta', { keyPath: 'key' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['bags', 'brews', 'outbox', 'meta'], 'readwrite');
          for (const [store, rows] of Object.entries(data)) {
            for (const value of rows) tx.objectStore(store).add(value);
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    data,
  );
  expect((await readLocalState(context)).idbVersion).toBe(10);

  // The current app opens it: the brew is there, marked unsent; nothing is lost.
  await page.goto('/');
  await expect(brewRow(page, brewId)).toContainText('First-release coffee');
  await expect(brewRow(page, brewId)).toContainText('17.5 g → 35 g');
  // Without an account the list says once that nothing is backed up, not on each row.
  await expect(page.getByRole('link', { name: 'Not backed up — sign up to sync' })).toBeVisible();
  await expect(pill(page)).toHaveText('Local only');
  const upgraded = await readLocalState(context);
  expect(upgraded.idbVersion).toBe(SCHEMA_VERSION * 10);
  expect(upgraded.outbox.map((e) => e.state)).toEqual(['pending', 'pending']);

  // Signing up claims the version-1 changes and sends them.
  const email = uniqueEmail('schema-v1');
  await signUpThroughUi(page, email);
  await api.login(email);
  await expect
    .poll(async () => (await api.pullAll()).brews.map((b) => [b.id, b.notes, b.doseG]), {
      timeout: 30_000,
    })
    .toEqual([[brewId, 'logged by version 1', 17.5]]);
  expect((await api.pullAll()).bags.map((b) => b.name)).toEqual(['First-release coffee']);
  await expect
    .poll(async () => (await readLocalState(context)).outbox.length, { timeout: 30_000 })
    .toBe(0);
});
