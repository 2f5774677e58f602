import { writeWins } from '../../../shared/merge.js';
import { createPhotoAsGiven, updatePhoto } from '../photos/photo-actions.js';
import {
  importPhotoImages,
  type PhotoImagesImport,
  photoExportRows,
  photoImagesExport,
} from '../photos/photo-archive.js';
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
  GEAR_CSV_HEADERS,
  gearCsvRows,
  parseExport,
  RECIPE_CSV_HEADER,
  recipeCsvRows,
  rowValues,
} from './export-format.js';
import { createBrewer, createGrinder, updateBrewer, updateGrinder } from './gear-actions.js';
import { bagsWithCounts, deletedItems, getBag, getBrew, recentBrews } from './queries.js';
import { writePatch } from './write.js';
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

/**
 * Everything on the device, deleted rows included, read through the data layer's queries
 * (gear whole: its tables are a handful of rows, deleted ones included).
 */
export async function exportAll(db: DialInDb): Promise<ExportDocument> {
  const [live, brews, deleted, photos, recipes, grinders, brewers] = await Promise.all([
    bagsWithCounts(db),
    recentBrews(db, Number.MAX_SAFE_INTEGER),
    deletedItems(db),
    photoExportRows(db),
    db.recipes.toArray(),
    db.grinders.toArray(),
    db.brewers.toArray(),
  ]);
  const doc = exportDocument(
    {
      bag: [...live, ...deleted.bags],
      brew: [...brews, ...deleted.brews],
      recipe: recipes,
      grinder: grinders,
      brewer: brewers,
    },
    Date.now(),
  );
  return { ...doc, photos };
}

export async function exportBrewsCsv(db: DialInDb): Promise<string> {
  const [bags, brews, grinders, brewers] = await Promise.all([
    bagsWithCounts(db),
    recentBrews(db, Number.MAX_SAFE_INTEGER),
    db.grinders.toArray(),
    db.brewers.toArray(),
  ]);
  const byId = new Map(bags.map((b) => [b.id, b]));
  const gearNames = new Map([...grinders, ...brewers].map((g) => [g.id, g.name]));
  return toCsv(CSV_HEADER, brewCsvRows(brews, byId, gearNames));
}

/**
 * The one export file: dial-in.json (every row with its clocks, deleted ones too: what an
 * import merges), a CSV per table of the live rows, for a spreadsheet, and the images of the
 * live photos the device holds (photos/photo-archive.ts); those it lacks are listed in
 * dial-in.json as `missingPhotos`.
 */
export async function exportZip(db: DialInDb): Promise<{
  zip: Uint8Array;
  bags: number;
  brews: number;
  photos: number;
  /** Live photos with an image only on the server, so not in the file. */
  photosMissing: number;
}> {
  const [doc, bags, brewsCsv, images] = await Promise.all([
    exportAll(db),
    bagsWithCounts(db),
    exportBrewsCsv(db),
    photoImagesExport(db),
  ]);
  const live = (rows: readonly ExportRow[]) => rows.filter((row) => row.deletedAt === null);
  const zip = await zipTexts(
    {
      [EXPORT_JSON_NAME]: JSON.stringify({ ...doc, missingPhotos: images.missing }, null, 2),
      'bags.csv': toCsv(BAG_CSV_HEADER, bagCsvRows(bags)),
      'brews.csv': brewsCsv,
      'recipes.csv': toCsv(RECIPE_CSV_HEADER, recipeCsvRows(live(doc.recipes))),
      'grinders.csv': toCsv(GEAR_CSV_HEADERS.grinder, gearCsvRows('grinder', live(doc.grinders))),
      'brewers.csv': toCsv(GEAR_CSV_HEADERS.brewer, gearCsvRows('brewer', live(doc.brewers))),
    },
    images.files,
  );
  return {
    zip,
    bags: doc.bags.length,
    brews: doc.brews.length,
    photos: images.photos,
    photosMissing: images.photosMissing,
  };
}

/** An import file, by what it turned out to be. */
export type ImportFile =
  /** `files`: the rest of our ZIP (the photos' images), by archive name. */
  | { kind: 'dial-in'; text: string; files?: ReadonlyMap<string, Uint8Array> }
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
    if (ours !== undefined) return { kind: 'dial-in', text: textOf(ours), files };
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
  /** What became of the file's photos' images; only when the file has photos. */
  photos?: PhotoImagesImport;
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
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<ImportResult> {
  const doc = parseExport(text);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  // Gear and bags first: a brew, a target or a photo can only be created for a bag on the
  // device, and a brew names the gear it was made with.
  const work = [
    ...doc.grinders.map((row) => ['grinder', row] as const),
    ...doc.brewers.map((row) => ['brewer', row] as const),
    ...doc.bags.map((row) => ['bag', row] as const),
    ...doc.brews.map((row) => ['brew', row] as const),
    ...doc.recipes.map((row) => ['recipe', row] as const),
    ...(doc.photos ?? []).map((row) => ['photo', row] as const),
  ];
  for (let i = 0; i < work.length; i++) {
    const [entity, row] = work[i] as (typeof work)[number];
    await mergeOne(db, entity, row, result);
    if ((i + 1) % IMPORT_BATCH === 0 || i + 1 === work.length) {
      onProgress?.(i + 1, work.length);
      await yieldToEventLoop();
    }
  }
  // The images after the rows: only bytes that a photo row on the device names are kept.
  if (doc.photos !== undefined && doc.photos.length > 0) {
    const ids = doc.photos.map((row) => row.id);
    result.photos = await importPhotoImages(db, files, ids);
  }
  return result;
}

/** How an import reads, creates and updates the rows of each entity: the ordinary actions. */
const ROW_WRITERS = {
  bag: {
    get: getBag,
    create: (db: DialInDb, values: Record<string, unknown>, id: string) =>
      createBag(db, values as Parameters<typeof createBag>[1], id),
    update: updateBag,
  },
  brew: {
    get: getBrew,
    create: (db: DialInDb, values: Record<string, unknown>, id: string) =>
      createBrew(db, values as Parameters<typeof createBrew>[1], id),
    update: updateBrew,
  },
  grinder: {
    get: (db: DialInDb, id: string) => db.grinders.get(id),
    create: (db: DialInDb, values: Record<string, unknown>, id: string) =>
      createGrinder(db, values as Parameters<typeof createGrinder>[1], id),
    update: updateGrinder,
  },
  brewer: {
    get: (db: DialInDb, id: string) => db.brewers.get(id),
    create: (db: DialInDb, values: Record<string, unknown>, id: string) =>
      createBrewer(db, values as Parameters<typeof createBrewer>[1], id),
    update: updateBrewer,
  },
  recipe: {
    get: (db: DialInDb, id: string) => db.recipes.get(id),
    create: async (db: DialInDb, values: Record<string, unknown>, id: string) => {
      // A target keeps the id its bag and method derive (data/recipes.ts); its bag must be here.
      if ((await getBag(db, String(values.bagId))) === undefined) throw new Error('no such bag');
      await writePatch(db, 'recipe', id, values, 'create');
    },
    update: (db: DialInDb, id: string, patch: Record<string, unknown>) =>
      writePatch(db, 'recipe', id, patch, 'update'),
  },
  photo: {
    get: (db: DialInDb, id: string) => db.photos.get(id),
    create: (db: DialInDb, values: Record<string, unknown>, id: string) =>
      createPhotoAsGiven(db, id, values),
    update: updatePhoto,
  },
} as const;

async function mergeOne(
  db: DialInDb,
  entity: keyof typeof ROW_WRITERS,
  row: ExportRow,
  result: ImportResult,
) {
  const writer = ROW_WRITERS[entity];
  try {
    const existing = await writer.get(db, row.id);
    if (!existing) {
      await writer.create(db, rowValues(row), row.id);
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
    const changed = Object.keys(patch).length > 0 && (await writer.update(db, row.id, patch));
    if (changed) result.updated++;
    else result.unchanged++;
  } catch (error) {
    // A row the validator refuses (a hand-edited file) is skipped; the rest still imports.
    console.warn(`import: skipped ${entity} ${row.id}`, error);
    result.skipped++;
  }
}
