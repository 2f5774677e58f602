import { describe, expect, it } from 'vitest';
import { crashAfterCommit } from '../chaos/crash-after-commit.js';

// A real server process is SIGKILLed between committing a push and answering it (test hook
// POST /api/test/crash-after-commit); the client replays against a restarted process.
const databaseUrl = process.env.DATABASE_URL || undefined;

const databases: { name: string; url: string | undefined }[] = [
  { name: 'PGlite (file data directory)', url: undefined },
  ...(databaseUrl === undefined ? [] : [{ name: 'PostgreSQL', url: databaseUrl }]),
];

describe.each(databases)('server killed after commit, before answering, on $name', ({ url }) => {
  it('keeps exactly one copy: the replay applies nothing and every row has the lost answer’s version', async () => {
    const report = await crashAfterCommit(url);
    expect(report.exit).toBe('SIGKILL');
    expect(report.lostAnswer).toMatch(/^no answer/);
    expect(report.replays).toEqual([
      { status: 200, version: report.versionBeforeCrash + 1, applied: 0 },
      { status: 200, version: report.versionBeforeCrash + 1, applied: 0 },
    ]);
    expect(report.duplicates).toBe(0);
    expect(report.rowIds).toHaveLength(9);
    expect(report.mismatches).toEqual([]);
  });
});
