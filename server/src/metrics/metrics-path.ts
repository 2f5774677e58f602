/** Where Prometheus scrapes, on the metrics listener and (with a token) on the public port. */
export const METRICS_PATH = '/metrics';
