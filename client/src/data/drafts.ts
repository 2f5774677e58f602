import type { DialInDb } from './db.js';
import type { DraftRecord } from './schema.js';

/**
 * Unsaved forms, kept on this device only: a draft never enters the outbox, so it is never
 * synced, and log-out empties the table with everything else (account/clear.ts). Each draft is
 * filed under the account signed in when it was written, so another account never reads it.
 * Every call reads the account and touches the draft in one transaction, so writes land in
 * the order they were made and a save racing a log-out cannot file under the wrong account.
 */

export type DraftContent = Pick<DraftRecord, 'origin' | 'values'>;

function draftKey(accountId: string | null, form: string): string {
  return `${accountId ?? 'anonymous'}|${form}`;
}

async function currentKey(db: DialInDb, form: string): Promise<string> {
  const meta = await db.meta.get('device');
  return draftKey(meta?.accountId ?? null, form);
}

/** The signed-in account's (or the anonymous device's) draft of `form`, if one is kept. */
export function loadDraft(db: DialInDb, form: string): Promise<DraftRecord | undefined> {
  return db.transaction('r', [db.meta, db.drafts], async () =>
    db.drafts.get(await currentKey(db, form)),
  );
}

/** Keeps (or replaces) the draft of `form` for the current account. */
export function saveDraft(db: DialInDb, form: string, content: DraftContent): Promise<void> {
  if (form === '') throw new Error('saveDraft: a draft needs a form name');
  return db.transaction('rw', [db.meta, db.drafts], async () => {
    const key = await currentKey(db, form);
    await db.drafts.put({ key, form, ...content, updatedAt: db.now() });
  });
}

/** Forgets the draft of `form` (saved, or discarded by the person). */
export function discardDraft(db: DialInDb, form: string): Promise<void> {
  return db.transaction('rw', [db.meta, db.drafts], async () => {
    await db.drafts.delete(await currentKey(db, form));
  });
}
