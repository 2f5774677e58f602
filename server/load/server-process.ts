import {
  type ServerOptions,
  type ServerProcess,
  startServer as startServerProcess,
} from '../../test-support/server-process.js';

export type ServerEnv = Pick<
  ServerOptions,
  'databaseUrl' | 'schema' | 'dataDir' | 'testHooks' | 'port'
>;

/**
 * A server for the load generator, the chaos runs and the benchmarks: from source, as
 * production runs it, with no static files and only errors logged.
 */
export function startServer(env: ServerEnv): Promise<ServerProcess> {
  return startServerProcess({
    ...env,
    env: {
      LOG_LEVEL: 'error',
      STATIC_DIR: '/nonexistent',
      // Hundreds of simulated devices sign up from one loopback address.
      AUTH_RATE_LIMIT_IP: '1000000',
      AUTH_RATE_LIMIT_EMAIL: '1000000',
    },
  });
}

/**
 * Starts `count` servers on one database, runs `run` against them and stops them whatever
 * happens. One at a time: the first migrates, the next finds the schema up to date.
 */
export async function withServers<T>(
  count: number,
  env: ServerEnv,
  run: (servers: ServerProcess[]) => Promise<T>,
): Promise<T> {
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await startServer(env));
    return await run(servers);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
