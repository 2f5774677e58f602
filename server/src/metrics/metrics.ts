import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the pool gauge reads; `pg.Pool` has these fields. */
export interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** One answered request, as the latency histogram labels it. */
export interface RequestObservation {
  method: string;
  /** The route's declared path (`/api/photos/:hash`), never the raw URL. */
  route: string;
  statusCode: number;
  seconds: number;
}

export interface Metrics {
  observeRequest(observation: RequestObservation): void;
  countPush(statusCode: number): void;
  countPull(statusCode: number): void;
  /** Mutations that changed at least one field, counted once their transaction committed. */
  countMutationsApplied(count: number): void;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /** The PostgreSQL pool to report; undefined (PGlite) leaves the pool gauge out. */
  pool?: PoolCounts | undefined;
}

/** `2xx`…`5xx`: the status by class keeps the label set small. */
const statusClass = (statusCode: number) => `${Math.floor(statusCode / 100)}xx`;

/**
 * The server's metrics in a registry of their own (not prom-client's global one), so each
 * app — several per test file — counts only its own requests.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const requestSeconds = new Histogram({
    name: 'dialin_http_request_duration_seconds',
    help: 'Time from request to response, by the route as declared, method and status class.',
    labelNames: ['method', 'route', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const pushes = new Counter({
    name: 'dialin_sync_push_requests_total',
    help: 'Push requests answered, by status class.',
    labelNames: ['status_class'],
    registers,
  });
  const pulls = new Counter({
    name: 'dialin_sync_pull_requests_total',
    help: 'Pull requests answered, by status class.',
    labelNames: ['status_class'],
    registers,
  });
  const mutationsApplied = new Counter({
    name: 'dialin_sync_mutations_applied_total',
    help: 'Pushed mutations that changed at least one field (replays change nothing).',
    registers,
  });
  const pool = options.pool;
  if (pool !== undefined) {
    new Gauge({
      name: 'dialin_db_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one.',
      labelNames: ['state'],
      registers,
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  return {
    observeRequest: ({ method, route, statusCode, seconds }) =>
      requestSeconds.observe({ method, route, status_class: statusClass(statusCode) }, seconds),
    countPush: (statusCode) => pushes.inc({ status_class: statusClass(statusCode) }),
    countPull: (statusCode) => pulls.inc({ status_class: statusClass(statusCode) }),
    countMutationsApplied: (count) => mutationsApplied.inc(count),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
