import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchema, type ServerProcess } from '../../test-support/server-process.js';
import { runScenario } from '../load/scenario.js';
import { startServer } from '../load/server-process.js';

// Two server processes on one PostgreSQL schema, as behind a load balancer: every device
// alternates between them request by request (sessions and cursors cross instances), with
// several devices per account writing the same rows. The full-size run is `npm run load`.
const databaseUrl = process.env.DATABASE_URL || undefined;

describe.skipIf(databaseUrl === undefined)('two instances against one PostgreSQL', () => {
  const schema = freshSchema('two');
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    // One after the other: the first migrates, the second finds the schema up to date.
    servers.push(await startServer({ databaseUrl, schema }));
    servers.push(await startServer({ databaseUrl, schema }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    if (databaseUrl !== undefined) await dropSchema(databaseUrl, schema);
  });

  it('devices alternating between them converge on exactly what was acknowledged', async () => {
    const result = await runScenario({
      urls: servers.map((server) => server.url),
      devices: 12,
      devicesPerSharedAccount: 3,
      seconds: 4,
      thinkMs: 150,
    });
    expect(result.acked).toBeGreaterThan(20);
    expect([...result.errors.byKind]).toEqual([]);
    expect(result.mismatches).toEqual([]);
    // Both processes served traffic and are still up.
    for (const server of servers) expect(server.child.exitCode).toBeNull();
  });
});
