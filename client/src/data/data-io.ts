import { writeWins } from '../../../shared/merge.js';
import { createBag, createBrew, updateBag, updateBrew } from './actions.js';
import { type BeanconquerorExport, fromJson, fromZipFiles } from './beanconqueror/format.js';
import { toCsv } from './csv.js';
import type { DialInDb } from './db.js';
import {
  BAG_CSV_HEADER,
  bagCsvRows,
  brewCsvRows,
  CSV_HEADER,
  type ExportDocument,
  type ExportRow,
  exportDocument,
  parseExport,
  rowValues,
} from './export-format.js';
import { bagsWithCounts, deletedItems, getBag, getBrew, recentBrews } from './queries.js';
import { isZip, textOf, unzipFiles, zipTexts } from './zip.js';

/** The JSON of everything inside our ZIP export; an import looks for it by this name. */
export const EXPORT_JSON_NAME = 'dial-in.json';

/** Called after each batch of an import: rows handled so far, of `total`. */
export type OnProgress = (done: number, total: number) => void;

/**
 * Rows written between two yields to the event loop: small enough that a batch takes a
 * frame or two (each row is its own write transaction), so the progress bar moves and taps
 * are answered while thousands of rows import.
 */
export const IMPORT_BATCH = 25;

/** Lets the page render and handle input between two batches of writes. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

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

/**
 * The one export file: dial-in.json (every row with its clocks, deleted ones too: what an
 * import merges) and a CSV per table of the live rows, for a spreadsheet.
 */
export async function exportZip(
  db: DialInDb,
): Promise<{ zip: Uint8Array; bags: number; brews: number }> {
  const [doc, bags, brewsCsv] = await Promise.all([
    exportAll(db),
    bagsWithCounts(db),
    exportBrewsCsv(db),
  ]);
  const zip = await zipTexts({
    [EXPORT_JSON_NAME]: JSON.stringify(doc, null, 2),
    'bags.csv': toCsv(BAG_CSV_HEADER, bagCsvRows(bags)),
    'brews.csv': brewsCsv,
  });
  return { zip, bags: doc.bags.length, brews: doc.brews.length };
}

/** An import file, by what it turned out to be. */
export type ImportFile =
  | { kind: 'dial-in'; text: string }
  | { kind: 'beanconqueror'; data: BeanconquerorExport };

/**
 * Tells the formats Settings → Import takes apart by their content, not their name: our ZIP
 * (it holds dial-in.json) or bare JSON, and Beanconqueror's ZIP or bare Beanconqueror.json.
 * Anything else is read as ours, whose parser says why it is not an export.
 */
export async function readImportFile(bytes: Uint8Array): Promise<ImportFile> {
  if (isZip(bytes)) {
    const files = await unzipFiles(bytes);
    const ours = files.get(EXPORT_JSON_NAME);
    if (ours !== undefined) return { kind: 'dial-in', text: textOf(ours) };
    const theirs = fromZipFiles(files);
    if (theirs !== null) return { kind: 'beanconqueror', data: theirs };
    throw new Error('This ZIP is neither a Dial-in nor a Beanconqueror export.');
  }
  const text = textOf(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON or ZIP.');
  }
  const theirs = fromJson(value);
  return theirs === null ? { kind: 'dial-in', text } : { kind: 'beanconqueror', data: theirs };
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
export async function importJson(
  db: DialInDb,
  text: string,
  onProgress?: OnProgress,
): Promise<ImportResult> {
  const doc = parseExport(text);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  // Bags first: a brew can only be created for a bag that is on the device.
  const work = [
    ...doc.bags.map((row) => ['bag', row] as const),
    ...doc.brews.map((row) => ['brew', row] as const),
  ];
  for (let i = 0; i < work.length; i++) {
    const [entity, row] = work[i] as (typeof work)[number];
    await mergeOne(db, entity, row, result);
    if ((i + 1) % IMPORT_BATCH === 0 || i + 1 === work.length) {
      onProgress?.(i + 1, work.length);
      await yieldToEventLoop();
    }
  }
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
