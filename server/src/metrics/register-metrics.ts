import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { carriesBearerToken } from './bearer-token.js';
import type { Metrics } from './metrics.js';
import { METRICS_PATH } from './metrics-path.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's metrics; null when metrics are off (nothing is measured then). */
    metrics: Metrics | null;
  }
}

export interface AppMetricsOptions {
  metrics: Metrics;
  /** Serve METRICS_PATH on this app to a Bearer header carrying it; undefined = never here. */
  token?: string | undefined;
}

/** The label of requests no route matched: their raw URLs would be unbounded label values. */
const UNMATCHED = 'unmatched';

/**
 * Measures every answered request of the app when metrics are on, and serves them on the
 * app itself only behind the token. A missing or wrong token gets the app's own not-found
 * answer, so the public port does not reveal that metrics exist.
 */
export function registerMetrics(
  app: FastifyInstance,
  options: AppMetricsOptions | undefined,
): void {
  app.decorate('metrics', options?.metrics ?? null);
  if (options === undefined) return;
  const { metrics, token } = options;

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    const { statusCode } = reply;
    metrics.observeRequest({
      method: request.method,
      route,
      statusCode,
      seconds: reply.elapsedTime / 1000,
    });
    if (request.method === ROUTES.sync.push.method && route === ROUTES.sync.push.path) {
      metrics.countPush(statusCode);
    } else if (request.method === ROUTES.sync.pull.method && route === ROUTES.sync.pull.path) {
      metrics.countPull(statusCode);
    }
  });

  if (token === undefined) return;
  app.get(METRICS_PATH, async (request, reply) => {
    if (!carriesBearerToken(request.headers.authorization, token)) return reply.callNotFound();
    return reply.type(metrics.contentType).send(await metrics.render());
  });
}
