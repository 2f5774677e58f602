import { describe, expect, it } from 'vitest';
import { syncProblem } from './sync-words.js';

describe('syncProblem', () => {
  it('says what happened, how many changes wait, and when they go again', () => {
    const error = { code: 'internal' as const, message: 'HTTP 500', statusCode: 500 };
    expect(syncProblem(error, 2, 30)).toBe(
      'The server had a problem; your 2 changes will be sent again in 30 s.',
    );
    expect(syncProblem(error, 1, 4.2)).toBe(
      'The server had a problem; your 1 change will be sent again in 5 s.',
    );
    expect(syncProblem(error, 3, null)).toBe(
      'The server had a problem; your 3 changes will be sent again at the next sync.',
    );
    expect(syncProblem(error, 0, 30)).toBe(
      'The server had a problem; nothing is waiting to be sent.',
    );
  });
  it('follows the reply policy: a sign-in or an update holds the changes', () => {
    expect(syncProblem({ code: 'unauthorized', message: 'x' }, 2, 30)).toBe(
      'You were signed out on the server; your 2 changes are kept here and go once you log in again.',
    );
    expect(syncProblem({ code: 'upgrade_required', message: 'x' }, 1, 30)).toMatch(
      /after the update\.$/,
    );
    expect(syncProblem({ code: 'network', message: 'Failed to fetch' }, 1, 30)).toMatch(
      /^The server could not be reached; your 1 change will be sent again in 30 s\.$/,
    );
  });
  it('never shows the raw message', () => {
    expect(syncProblem({ code: 'internal', message: 'HTTP 500' }, 1, 1)).not.toContain('HTTP');
  });
});
