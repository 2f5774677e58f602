/**
 * The summary `npm run bench:peer` prints: per size, ours, the floor and PouchDB at its best
 * batch size, with the two ratios issue 16 sets targets for. Figures only; no judgement here.
 */

export interface Timings {
  ours: number;
  /** The faster of the floor's runs. */
  floor: number;
  /** PouchDB at each batch size it ran. */
  pouch: { batch: number; ms: number }[];
}

export interface SizeResult {
  rows: number;
  changes: number;
  initial: Timings;
  catchUp: Timings;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function row(label: string, t: Timings): string[] {
  const best = [...t.pouch].sort((a, b) => a.ms - b.ms)[0];
  const all = t.pouch.map((p) => `${p.batch}: ${ms(p.ms)}`).join(', ');
  return [
    label,
    ms(t.ours),
    ms(t.floor),
    best ? `${ms(best.ms)} (batch ${best.batch})` : '—',
    ratio(t.ours, t.floor),
    best ? ratio(best.ms, t.ours) : '—',
    all,
  ];
}

export function printPeerTable(results: SizeResult[]): void {
  const header = [
    'run',
    'ours',
    'floor',
    'PouchDB best (batch)',
    'ours / floor',
    'PouchDB / ours',
    'PouchDB by batch',
  ];
  const lines = results.flatMap((r) => [
    row(`initial sync, ${r.rows} rows`, r.initial),
    row(`catch-up of ${r.changes} into ${r.rows}`, r.catchUp),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  console.log(
    '\nPouchDB beside us (targets: PouchDB / ours ≥ 3×; ours / floor ≤ 1.1× initial, ≤ 1.3× catch-up):',
  );
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const line of lines) console.log(format(line));
}
