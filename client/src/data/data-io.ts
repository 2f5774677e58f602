import { writeWins } from '../../../shared/merge.js';
import { createBag, createBrew, updateBag, updateBrew } from './actions.js';
import { toCsv } from './csv.js';
import type { DialInDb } from './db.js';
import {
  brewCsvRows,
  CSV_HEADER,
  type ExportDocument,
  type ExportRow,
  exportDocument,
  parseExport,
  rowValues,
} from './export-format.js';
import { bagsWithCounts, deletedItems, getBag, getBrew, recentBrews } from './queries.js';

/** Everything on the device, deleted rows included, read through the data layer's queries. */
export async function exportAll(db: DialInDb): Promise<ExportDocument> {
  const [live, brews, deleted] = await Promise.all([
    bagsWithCounts(db),
    recentBrews(db, Number.MAX_SAFE_INTEGER),
    deletedItems(db),
  ]);
  return exportDocument([...live, ...deleted.bags], [...brews, ...deleted.brews], Date.now());
}

export async function exportBrewsCsv(db: DialInDb): Promise<string> {
  const [bags, brews] = await Promise.all([
    bagsWithCounts(db),
    recentBrews(db, Number.MAX_SAFE_INTEGER),
  ]);
  const byId = new Map(bags.map((b) => [b.id, b]));
  return toCsv(CSV_HEADER, brewCsvRows(brews, byId));
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/**
 * Merges an export into the device through the ordinary actions (so every change is also
 * queued for the server). Rows are matched by id, so nothing is ever duplicated; a field
 * of an existing row is taken only when the file's write wins over the device's by the same
 * rule sync merges with (`writeWins`), so an old file cannot undo newer edits, and the same
 * file twice changes nothing.
 */
export async function importJson(db: DialInDb, text: string): Promise<ImportResult> {
  const doc = parseExport(text);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  // Bags first: a brew can only be created for a bag that is on the device.
  for (const row of doc.bags) await mergeOne(db, 'bag', row, result);
  for (const row of doc.brews) await mergeOne(db, 'brew', row, result);
  return result;
}

async function mergeOne(
  db: DialInDb,
  entity: 'bag' | 'brew',
  row: ExportRow,
  result: ImportResult,
) {
  try {
    const existing = entity === 'bag' ? await getBag(db, row.id) : await getBrew(db, row.id);
    if (!existing) {
      const values = rowValues(row);
      if (entity === 'bag') await createBag(db, values as Parameters<typeof createBag>[1], row.id);
      else await createBrew(db, values as Parameters<typeof createBrew>[1], row.id);
      result.created++;
      return;
    }
    const patch: Record<string, unknown> = {};
    const local = existing as unknown as Record<string, unknown> & {
      clocks: Record<string, string>;
    };
    for (const [field, clock] of Object.entries(row.clocks)) {
      if (!(field in row)) continue;
      const wins = writeWins(local.clocks[field], local[field] ?? null, clock, row[field] ?? null);
      if (wins && JSON.stringify(local[field] ?? null) !== JSON.stringify(row[field] ?? null)) {
        patch[field] = row[field];
      }
    }
    const changed =
      Object.keys(patch).length > 0 &&
      (entity === 'bag' ? await updateBag(db, row.id, patch) : await updateBrew(db, row.id, patch));
    if (changed) result.updated++;
    else result.unchanged++;
  } catch (error) {
    // A row the validator refuses (a hand-edited file) is skipped; the rest still imports.
    console.warn(`import: skipped ${entity} ${row.id}`, error);
    result.skipped++;
  }
}
