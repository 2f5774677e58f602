import {
  freshSchema,
  type ServerProcess,
  startServer as startServerProcess,
} from '../../test-support/server-process.js';

/** The server the client tests sync with: its test hooks on, quiet, many logins allowed. */
export type TestServer = ServerProcess;

/**
 * In-memory PGlite, or (DATABASE_URL set) a PostgreSQL schema of its own, dropped at stop.
 * CLIENT_TEST_SERVER_ROOT runs another checkout's server (e.g. an export of the last commit)
 * when the working tree's server is mid-edit.
 */
export function startServer(): Promise<TestServer> {
  const root = process.env.CLIENT_TEST_SERVER_ROOT || undefined;
  return startServerProcess({
    ...(root === undefined ? {} : { cwd: root }),
    databaseUrl: process.env.DATABASE_URL,
    schema: freshSchema('client'),
    dropSchema: true,
    testHooks: true,
    env: {
      LOG_LEVEL: 'warn',
      // Every simulated device logs in from 127.0.0.1.
      AUTH_RATE_LIMIT_IP: '100000',
      AUTH_RATE_LIMIT_EMAIL: '100000',
    },
  });
}
