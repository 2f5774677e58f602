import Fastify, { type FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';
import { METRICS_PATH } from './metrics-path.js';

/**
 * The separate metrics listener: GET METRICS_PATH and nothing else (Fastify answers 404 to
 * the rest). It has none of the app's routes, cookies or data, so binding it to a private
 * address keeps the app's internals off the public port.
 */
export async function listenForMetrics(
  metrics: Metrics,
  where: { port: number; host: string },
): Promise<FastifyInstance> {
  const listener = Fastify({ logger: false });
  listener.get(METRICS_PATH, async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.render()),
  );
  await listener.listen(where);
  return listener;
}
