import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearLocalData } from '../account/clear.js';
import { createBag } from './actions.js';
import { createDb } from './db.js';
import { discardDraft, loadDraft, saveDraft } from './drafts.js';
import { updateMeta } from './meta.js';

const fresh = () => createDb(`drafts-${crypto.randomUUID()}`);

describe('drafts', () => {
  it('keep the last content written, and are gone once discarded', async () => {
    const db = fresh();
    expect(await loadDraft(db, 'log')).toBeUndefined();
    await Promise.all([
      saveDraft(db, 'log', { origin: '', values: { doseG: '18' } }),
      saveDraft(db, 'log', { origin: 'repeat=x', values: { doseG: '18.5' } }),
    ]);
    expect(await loadDraft(db, 'log')).toMatchObject({
      origin: 'repeat=x',
      values: { doseG: '18.5' },
    });
    await discardDraft(db, 'log');
    expect(await loadDraft(db, 'log')).toBeUndefined();
    await db.delete();
  });

  it('are never synced: writing one adds nothing to the outbox', async () => {
    const db = fresh();
    await saveDraft(db, 'log', { origin: '', values: { notes: 'private' } });
    expect(await db.outbox.count()).toBe(0);
    await db.delete();
  });

  it("are per account: another account never reads one account's draft", async () => {
    const db = fresh();
    await updateMeta(db, { accountId: 'account-a' });
    await saveDraft(db, 'log', { origin: '', values: { notes: 'of A' } });
    await updateMeta(db, { accountId: 'account-b' });
    expect(await loadDraft(db, 'log')).toBeUndefined();
    await updateMeta(db, { accountId: 'account-a' });
    expect((await loadDraft(db, 'log'))?.values).toEqual({ notes: 'of A' });
    await db.delete();
  });

  it('are cleared with everything else at log-out', async () => {
    const db = fresh();
    await updateMeta(db, { accountId: 'account-a' });
    await createBag(db, { name: 'Kept bag' });
    await saveDraft(db, 'log', { origin: '', values: { doseG: '18' } });
    await clearLocalData(db);
    expect(await db.drafts.count()).toBe(0);
    await db.delete();
  });
});
