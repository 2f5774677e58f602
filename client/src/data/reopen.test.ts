import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag } from './actions.js';
import { createDb, type DialInDb } from './db.js';
import { ValidationError } from './errors.js';
import { bagsWithCounts, outboxCounts } from './queries.js';
import { isConnectionLost } from './reopen.js';

let opened: DialInDb[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

/** The error WebKit raises once its storage process is gone. */
const lost = () =>
  new DOMException(
    'Connection to Indexed Database server lost. Refresh the page to try again',
    'UnknownError',
  );

/**
 * A device whose next `failures` writes fail as WebKit's do when the connection is lost
 * under a live page: the write request errors and the transaction aborts.
 */
function flakyDevice(failures: number): DialInDb {
  const db = createDb(`reopen-${crypto.randomUUID()}`);
  opened.push(db);
  let left = failures;
  const connectionLoss: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'connection-loss',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request) {
            if (left > 0) {
              left -= 1;
              return Promise.reject(lost());
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
  db.use(connectionLoss);
  return db;
}

describe('a lost IndexedDB connection', () => {
  it('is retried once on a new connection: the write lands exactly once', async () => {
    const db = flakyDevice(1);
    await db.open();
    const id = await createBag(db, { name: 'Guji' });
    expect((await bagsWithCounts(db)).map((b) => b.id)).toEqual([id]);
    expect((await outboxCounts(db)).pending).toBe(1);
  });

  it('surfaces when the new connection fails too, with nothing half-written', async () => {
    const db = flakyDevice(2);
    await expect(createBag(db, { name: 'Guji' })).rejects.toSatisfy(isConnectionLost);
    expect(await bagsWithCounts(db)).toEqual([]);
    expect((await outboxCounts(db)).pending).toBe(0);
  });

  it('is told apart from a refused write, which is never retried', async () => {
    const db = flakyDevice(0);
    await expect(createBag(db, { name: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(isConnectionLost(new ValidationError('bag', []))).toBe(false);
    expect(isConnectionLost({ name: 'AbortError', inner: lost() })).toBe(true);
    expect(isConnectionLost(new DOMException('Key already exists', 'ConstraintError'))).toBe(false);
  });

  it('closed under Dexie (the backend connection itself) is reopened for the next write', async () => {
    const db = flakyDevice(0);
    await db.open();
    db.backendDB().close();
    const id = await createBag(db, { name: 'Guji' });
    expect((await bagsWithCounts(db)).map((b) => b.id)).toEqual([id]);
  });
});
