/** Latency samples per operation, summarised as the percentiles the issue asks for. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export class LatencyRecorder {
  readonly #samples = new Map<string, number[]>();
  /** Samples by the second of the run in which they ended: when in the run the tail is. */
  readonly #bySecond: number[][] = [];
  readonly #started = performance.now();

  record(operation: string, ms: number): void {
    let list = this.#samples.get(operation);
    if (list === undefined) {
      list = [];
      this.#samples.set(operation, list);
    }
    list.push(ms);
    const second = Math.floor((performance.now() - this.#started) / 1000);
    while (this.#bySecond.length <= second) this.#bySecond.push([]);
    this.#bySecond[second]?.push(ms);
  }

  /** One summary per second of the run, from the recorder's creation. */
  perSecond(): LatencySummary[] {
    return this.#bySecond.map((samples) => summarise(samples));
  }

  summary(operation?: string): LatencySummary {
    const all =
      operation === undefined
        ? [...this.#samples.values()].flat()
        : (this.#samples.get(operation) ?? []);
    return summarise(all);
  }

  operations(): string[] {
    return [...this.#samples.keys()].sort();
  }
}

/** Nearest-rank percentiles. */
export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: rank(50), p99: rank(99), max: sorted.at(-1) ?? 0 };
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}
