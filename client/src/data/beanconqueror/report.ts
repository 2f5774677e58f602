import { type Entity, FIELDS, type FieldSpec } from '../../../../shared/model/entities.js';
import { checkValue } from '../../../../shared/model/validate.js';

export interface RowCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What a Beanconqueror import did, for the screen and the downloadable text. */
export interface BeanconquerorReport {
  bags: RowCounts;
  brews: RowCounts;
  /** Mills, as grinders. */
  grinders: RowCounts;
  /** Preparations, as brewers. */
  brewers: RowCounts;
  /** Each preparation's name and the method its brewer and brews got. */
  methods: { name: string; method: string }[];
  /** Photo references (`attachments`): Beanconqueror's ZIP does not carry the photos. */
  attachments: number;
  /** Brews whose bean is not in the export, kept on one "unknown coffee" bag. */
  brewsWithoutBean: number;
  /** Records not imported at all, each with its reason. */
  skipped: { record: string; reason: string }[];
  /** Values refused field by field ("brew.doseG must be at most 100" → how many). */
  dropped: Map<string, number>;
  /** Beanconqueror fields Dial-in has no field for yet, by name → how many records set it. */
  keptForLater: Map<string, number>;
}

export function emptyReport(): BeanconquerorReport {
  const counts = () => ({ created: 0, updated: 0, unchanged: 0 });
  return {
    bags: counts(),
    brews: counts(),
    grinders: counts(),
    brewers: counts(),
    methods: [],
    attachments: 0,
    brewsWithoutBean: 0,
    skipped: [],
    dropped: new Map(),
    keptForLater: new Map(),
  };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function keepForLater(report: BeanconquerorReport, field: string): void {
  bump(report.keptForLater, field);
}

export function drop(report: BeanconquerorReport, entity: Entity, field: string, why: string) {
  bump(report.dropped, `${entity} ${field} ${why}`);
}

/**
 * Sets `field` on `out` when the value is set and the shared field table accepts it; a value
 * it refuses is dropped and counted with the validator's reason, and the rest of the record
 * still imports.
 */
export function putChecked(
  report: BeanconquerorReport,
  entity: Entity,
  out: Record<string, unknown>,
  field: string,
  value: unknown,
  nowMs: number,
): void {
  if (value === null || value === undefined) return;
  const spec = (FIELDS[entity] as Record<string, FieldSpec>)[field] as FieldSpec;
  const problem = checkValue(spec, value, nowMs);
  if (problem === null) out[field] = value;
  else drop(report, entity, field, problem);
}

const counts = (c: RowCounts) =>
  `${c.created} new, ${c.updated} updated, ${c.unchanged} already here`;

/** The report as plain text, one fact a line: what the screen shows and the download holds. */
export function reportText(report: BeanconquerorReport): string {
  const lines = [
    'Beanconqueror import',
    `Bags: ${counts(report.bags)}`,
    `Brews: ${counts(report.brews)}`,
    `Grinders: ${counts(report.grinders)}`,
    `Brewers: ${counts(report.brewers)}`,
    ...report.methods.map((b) => `  ${b.name} → ${b.method}`),
    `Photos referenced but not in a Beanconqueror export: ${report.attachments}`,
  ];
  if (report.brewsWithoutBean > 0) {
    lines.push(
      `Brews whose coffee is not in the export (kept on "Unknown coffee"): ${report.brewsWithoutBean}`,
    );
  }
  lines.push(`Records skipped: ${report.skipped.length}`);
  for (const s of report.skipped) lines.push(`  ${s.record}: ${s.reason}`);
  const dropped = [...report.dropped].sort(([a], [b]) => a.localeCompare(b));
  lines.push(`Values dropped: ${dropped.reduce((n, [, c]) => n + c, 0)}`);
  for (const [why, n] of dropped) lines.push(`  ${why}: ${n}`);
  const kept = [...report.keptForLater].sort(([a], [b]) => a.localeCompare(b));
  lines.push(`Kept for later (not in Dial-in yet): ${kept.reduce((n, [, c]) => n + c, 0)}`);
  for (const [field, n] of kept) lines.push(`  ${field}: ${n}`);
  return `${lines.join('\n')}\n`;
}
