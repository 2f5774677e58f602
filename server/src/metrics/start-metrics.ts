import type { FastifyInstance } from 'fastify';
import type { MetricsConfig } from '../config.js';
import { createMetrics, type PoolCounts } from './metrics.js';
import { listenForMetrics } from './metrics-listener.js';
import type { AppMetricsOptions } from './register-metrics.js';

export interface MetricsSetup {
  /** For buildApp's `metrics`; undefined when metrics are off. */
  app: AppMetricsOptions | undefined;
  /** The separate listener, when METRICS_PORT is set. */
  listener: FastifyInstance | undefined;
  close(): Promise<void>;
}

/**
 * Turns the metrics settings into what main.ts runs: nothing at all when neither a port nor
 * a token is set (no listener, no measuring, /metrics a 404 like any unknown path).
 */
export async function startMetrics(
  config: MetricsConfig,
  pool: PoolCounts | undefined,
): Promise<MetricsSetup> {
  if (config.port === undefined && config.token === undefined) {
    return { app: undefined, listener: undefined, close: async () => {} };
  }
  const metrics = createMetrics({ pool });
  const listener =
    config.port === undefined
      ? undefined
      : await listenForMetrics(metrics, { port: config.port, host: config.host });
  return {
    app: { metrics, token: config.token },
    listener,
    close: async () => listener?.close(),
  };
}
