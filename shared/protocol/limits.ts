/** Wire limits, enforced by the server and respected by the client's batching. */
export const LIMITS = {
  /** Mutations in one push. */
  pushMutations: 500,
  /** Bytes in one request body. */
  bodyBytes: 1_000_000,
  /** Rows in one pull page, at most and by default. */
  pullPageMax: 1000,
  pullPageDefault: 500,
  /** A mutation stamped further ahead of the server's clock than this is refused (clock_ahead). */
  maxClockAheadMs: 60 * 60 * 1000,
} as const;
