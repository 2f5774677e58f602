import type { Clocks } from '../../../shared/merge.js';
import {
  BAG_FIELDS,
  BREW_FIELDS,
  BREWER_FIELDS,
  type Entity,
  GRINDER_FIELDS,
  PHOTO_FIELDS,
  RECIPE_FIELDS,
} from '../../../shared/model/entities.js';
import { brewRatio } from '../../../shared/model/ratio.js';
import { isUuid } from '../../../shared/model/validate.js';

/**
 * The JSON export: every bag, brew, grinder and brewer (deleted ones too, so a restore survives a round trip)
 * with each field's clock. Import merges it field by field, so the same file twice changes
 * nothing, and it never deletes what the device has.
 */
export const EXPORT_FORMAT = 'dial-in-export';
export const EXPORT_VERSION = 1;

export type ExportRow = { id: string; clocks: Clocks } & Record<string, unknown>;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  bags: ExportRow[];
  brews: ExportRow[];
  /** The bags' targets; a file written before them has none (read as an empty list). */
  recipes: ExportRow[];
  /** Absent in files made before gear existed (read as none). */
  grinders: ExportRow[];
  brewers: ExportRow[];
  /**
   * Every photo row, deleted ones too. Optional, so files from before photos still read: their
   * bytes are the ZIP's `photos/<hash>.<ext>` files (photos/photo-archive.ts).
   */
  photos?: ExportRow[];
  /** Images that live photos name and the device did not hold (only on the server): not in the ZIP. */
  missingPhotos?: MissingPhotoImage[];
}

/** An image of a live photo that the export could not include: the device never had it, or evicted it. */
export interface MissingPhotoImage {
  photoId: string;
  hash: string;
  kind: 'full' | 'thumb';
}

export type ExportedEntity = Entity;
const FIELDS_OF: Record<ExportedEntity, string[]> = {
  bag: Object.keys(BAG_FIELDS),
  brew: Object.keys(BREW_FIELDS),
  photo: Object.keys(PHOTO_FIELDS),
  recipe: Object.keys(RECIPE_FIELDS),
  grinder: Object.keys(GRINDER_FIELDS),
  brewer: Object.keys(BREWER_FIELDS),
};

/** The rows of an export, by entity, before they are trimmed to their fields. */
export type ExportSource = Record<
  Exclude<ExportedEntity, 'photo'>,
  readonly Record<string, unknown>[]
>;

/** Only the stored fields of a row (drops joined extras such as `bag` or `unsynced`). */
export function exportRow(entity: ExportedEntity, row: Record<string, unknown>): ExportRow {
  const out: Record<string, unknown> = { id: row.id, clocks: row.clocks ?? {} };
  for (const f of FIELDS_OF[entity]) out[f] = row[f] ?? null;
  return out as ExportRow;
}

export function exportDocument(source: ExportSource, nowMs: number): ExportDocument {
  const byId = (a: ExportRow, b: ExportRow) => a.id.localeCompare(b.id);
  const rows = (entity: keyof ExportSource) =>
    source[entity].map((row) => exportRow(entity, row)).sort(byId);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    bags: rows('bag'),
    brews: rows('brew'),
    recipes: rows('recipe'),
    grinders: rows('grinder'),
    brewers: rows('brewer'),
  };
}

/** Reads an export file; throws an Error with a sentence for the user when it is not one. */
export function parseExport(text: string): ExportDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON.');
  }
  const d = doc as Partial<ExportDocument> | null;
  if (!d || d.format !== EXPORT_FORMAT) throw new Error('This is not a Dial-in export.');
  if (d.version !== EXPORT_VERSION)
    throw new Error(`Unsupported export version ${String(d.version)}.`);
  if (!Array.isArray(d.bags) || !Array.isArray(d.brews))
    throw new Error('The export has no bags or brews list.');
  const rows = (list: unknown[], entity: ExportedEntity) =>
    list.map((r, i) => {
      const row = r as Partial<ExportRow> | null;
      if (!row || !isUuid(row.id) || typeof row.clocks !== 'object' || row.clocks === null) {
        throw new Error(`${entity} ${i + 1} has no valid id or clocks.`);
      }
      return exportRow(entity, row as Record<string, unknown>);
    });
  if (d.photos !== undefined && !Array.isArray(d.photos)) {
    throw new Error('The export’s photos are not a list.');
  }
  for (const list of ['recipes', 'grinders', 'brewers'] as const) {
    if (d[list] !== undefined && !Array.isArray(d[list])) {
      throw new Error(`The export’s ${list} are not a list.`);
    }
  }
  const parsed = {
    ...(d as ExportDocument),
    bags: rows(d.bags, 'bag'),
    brews: rows(d.brews, 'brew'),
    recipes: rows(d.recipes ?? [], 'recipe'),
    grinders: rows(d.grinders ?? [], 'grinder'),
    brewers: rows(d.brewers ?? [], 'brewer'),
  };
  if (d.photos !== undefined) parsed.photos = rows(d.photos, 'photo');
  return parsed;
}

/** Values of a row, without id and clocks, unset fields left out (for creating it). */
export function rowValues(row: ExportRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k !== 'id' && k !== 'clocks' && v !== null) out[k] = v;
  }
  return out;
}

export const CSV_HEADER = [
  'brewedAt',
  'coffee',
  'roaster',
  'method',
  'brewer',
  'grinder',
  'grindSetting',
  'doseG',
  'yieldG',
  'waterG',
  'ratio',
  'timeS',
  'tempC',
  'taste',
  'rating',
  'notes',
  'id',
] as const;

/** bags.csv: every stored field of a live bag, id first, in the field table's order. */
export const BAG_CSV_HEADER = ['id', ...FIELDS_OF.bag] as const;

export function bagCsvRows(bags: readonly Record<string, unknown>[]): (string | number | null)[][] {
  return bags.map((b) => BAG_CSV_HEADER.map((k) => (b[k] ?? null) as string | number | null));
}

/** recipes.csv: every stored field of a live target, id first, in the field table's order. */
export const RECIPE_CSV_HEADER = ['id', ...FIELDS_OF.recipe] as const;

export function recipeCsvRows(
  recipes: readonly Record<string, unknown>[],
): (string | number | null)[][] {
  return recipes.map((r) => RECIPE_CSV_HEADER.map((k) => (r[k] ?? null) as string | number | null));
}

/** grinders.csv and brewers.csv: like bags.csv, every stored field, id first. */
export const GEAR_CSV_HEADERS = {
  grinder: ['id', ...FIELDS_OF.grinder],
  brewer: ['id', ...FIELDS_OF.brewer],
} as const;

export function gearCsvRows(
  entity: 'grinder' | 'brewer',
  rows: readonly Record<string, unknown>[],
): (string | number | null)[][] {
  const header = GEAR_CSV_HEADERS[entity];
  return rows.map((r) => header.map((k) => (r[k] ?? null) as string | number | null));
}

type CsvBrew = Record<string, unknown> & { id: string; bagId: string };

/**
 * Brews as CSV rows (live brews only), with the coffee's name, the brewer's and grinder's
 * names (a brew from before gear keeps its free-text grinder) and the ratio spelled out.
 */
export function brewCsvRows(
  brews: readonly CsvBrew[],
  bagsById: ReadonlyMap<string, { name: string; roaster: string | null }>,
  gearNames: ReadonlyMap<string, string> = new Map(),
): (string | number | null)[][] {
  return brews.map((b) => {
    const bag = bagsById.get(b.bagId);
    const r = brewRatio(b as unknown as Parameters<typeof brewRatio>[0]);
    const v = (k: string) => (b[k] ?? null) as string | number | null;
    return [
      v('brewedAt'),
      bag?.name ?? null,
      bag?.roaster ?? null,
      v('method'),
      gearNames.get(String(b.brewerId)) ?? null,
      gearNames.get(String(b.grinderId)) ?? v('grinder'),
      v('grindSetting'),
      v('doseG'),
      v('yieldG'),
      v('waterG'),
      r === null ? null : Number(r.toFixed(2)),
      v('timeS'),
      v('tempC'),
      v('taste'),
      v('rating'),
      v('notes'),
      b.id,
    ];
  });
}
