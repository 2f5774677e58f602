import { describe, expect, it } from 'vitest';
import { syncText } from './sync-pill.js';

const base = { pending: 0, rejected: 0, lastSyncedAt: null, signedIn: true, now: 1_000_000 };

describe('syncText', () => {
  it('names each state', () => {
    expect(syncText({ ...base, state: 'offline', pending: 3 })).toBe('Offline · 3 pending');
    expect(syncText({ ...base, state: 'syncing' })).toBe('Syncing…');
    expect(syncText({ ...base, state: 'error', rejected: 1 })).toBe('Sync error · 1 rejected');
    expect(syncText({ ...base, state: 'idle', lastSyncedAt: 1_000_000 - 5 * 60_000 })).toBe(
      'Synced 5 min ago',
    );
  });
  it('says local only without an account', () => {
    expect(syncText({ ...base, state: 'idle', signedIn: false, pending: 9 })).toBe('Local only');
  });
});
