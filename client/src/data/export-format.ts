import type { Clocks } from '../../../shared/merge.js';
import { BAG_FIELDS, BREW_FIELDS, type Entity } from '../../../shared/model/entities.js';
import { brewRatio } from '../../../shared/model/ratio.js';
import { isUuid } from '../../../shared/model/validate.js';

/**
 * The JSON export: every bag and brew (deleted ones too, so a restore survives a round trip)
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
}

/** Photos are not exported: their bytes live on the server and the device, not in a file. */
type ExportedEntity = Extract<Entity, 'bag' | 'brew'>;
const FIELDS_OF: Record<ExportedEntity, string[]> = {
  bag: Object.keys(BAG_FIELDS),
  brew: Object.keys(BREW_FIELDS),
};

/** Only the stored fields of a row (drops joined extras such as `bag` or `unsynced`). */
export function exportRow(entity: ExportedEntity, row: Record<string, unknown>): ExportRow {
  const out: Record<string, unknown> = { id: row.id, clocks: row.clocks ?? {} };
  for (const f of FIELDS_OF[entity]) out[f] = row[f] ?? null;
  return out as ExportRow;
}

export function exportDocument(
  bags: readonly Record<string, unknown>[],
  brews: readonly Record<string, unknown>[],
  nowMs: number,
): ExportDocument {
  const byId = (a: ExportRow, b: ExportRow) => a.id.localeCompare(b.id);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    bags: bags.map((b) => exportRow('bag', b)).sort(byId),
    brews: brews.map((b) => exportRow('brew', b)).sort(byId),
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
  return { ...(d as ExportDocument), bags: rows(d.bags, 'bag'), brews: rows(d.brews, 'brew') };
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

type CsvBrew = Record<string, unknown> & { id: string; bagId: string };

/** Brews as CSV rows (live brews only), with the coffee's name and the ratio spelled out. */
export function brewCsvRows(
  brews: readonly CsvBrew[],
  bagsById: ReadonlyMap<string, { name: string; roaster: string | null }>,
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
      v('grinder'),
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
