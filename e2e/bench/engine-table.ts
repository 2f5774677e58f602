import type { EngineName } from '../engines/device.js';
import type { ColdStartMarks, SaveTiming } from './engine-measure.js';

/** What engine-bench.bench.ts measured in one engine. */
export interface EngineFigures {
  engine: EngineName;
  /** The Log in tap → the pill reading "Synced" (the app's own pull of the whole account). */
  loginToSyncedMs: number;
  coldStarts: ColdStartMarks[];
  saves: SaveTiming[];
  /** The engine's whole turn, launch to close (what the bench costs, not a figure of the app). */
  wallMs: number;
}

/** The p-th percentile by nearest rank (p50 = the median of an odd count). */
export function percentile(values: number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

const cell = (values: number[], digits: number) =>
  `${percentile(values, 50).toFixed(digits)} / ${percentile(values, 95).toFixed(digits)}`;

/**
 * One row per figure, one column per engine: "median / p95" in ms. Cold starts are times
 * from navigation start, so each row includes the ones above it.
 */
export function printEngineTable(figures: EngineFigures[]): void {
  const cold = (mark: keyof Omit<ColdStartMarks, 'controlled'>) => (f: EngineFigures) =>
    cell(
      f.coldStarts.map((c) => c[mark]),
      0,
    );
  const save = (mark: keyof SaveTiming) => (f: EngineFigures) =>
    cell(
      f.saves.map((s) => s[mark]),
      1,
    );
  const served = (f: EngineFigures) =>
    `${f.coldStarts.filter((c) => c.controlled).length} of ${f.coldStarts.length}`;
  const rows: [string, (f: EngineFigures) => string][] = [
    ['log in → "Synced" (one run)', (f) => f.loginToSyncedMs.toFixed(0)],
    ['offline cold start: HTML received', cold('html')],
    ['  app modules run', cold('modulesRun')],
    ['  first brew row in the DOM', cold('firstRow')],
    ['  next frame (painted)', cold('painted')],
    ['  served by the worker', served],
    ['save → brew first in the list: DOM', save('inDom')],
    ['  next frame', save('painted')],
    ['(this bench: launch to close, s)', (f) => (f.wallMs / 1000).toFixed(1)],
  ];
  const header = ['median / p95, ms', ...figures.map((f) => f.engine)];
  const body = rows.map(([label, value]) => [label, ...figures.map(value)]);
  const widths = header.map((_, i) =>
    Math.max(...[header, ...body].map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of body) console.log(line(row));
}
