import { createBag, createBrew, updateBag, updateBrew } from '../actions.js';
import { IMPORT_BATCH, type OnProgress, yieldToEventLoop } from '../data-io.js';
import type { DialInDb } from '../db.js';
import { createBrewer, createGrinder, updateBrewer, updateGrinder } from '../gear-actions.js';
import { getBag, getBrew } from '../queries.js';
import type { BcRecord, BeanconquerorExport } from './format.js';
import { brewerValues, GearIndex, grinderValues, methodOf } from './gear.js';
import { importedId, MISSING_BEAN_UUID } from './ids.js';
import { bagValues, brewValues } from './map.js';
import { type BeanconquerorReport, emptyReport, type RowCounts } from './report.js';
import { textValue } from './values.js';

/** The bag that keeps brews whose bean is not in the export: our brew needs a bag. */
export const UNKNOWN_COFFEE = 'Unknown coffee (from Beanconqueror)';

/** Records by uuid, the last copy winning (a record can be in the main file and a chunk). */
function byUuid(
  list: readonly BcRecord[],
  kind: string,
  report: BeanconquerorReport,
): Map<string, BcRecord> {
  const out = new Map<string, BcRecord>();
  list.forEach((record, i) => {
    const uuid = record.config?.uuid;
    if (typeof uuid === 'string' && uuid.trim() !== '') out.set(uuid, record);
    else
      report.skipped.push({
        record: `${kind} ${i + 1} (${textValue(record.name) ?? 'no name'})`,
        reason: 'it has no config.uuid, so a re-import could not find it',
      });
  });
  return out;
}

/**
 * Writes one record through the ordinary actions (row, clocks and outbox entry together, so
 * it syncs like any write). A row made by an earlier import only gets the fields it does not
 * have yet: an edit made in Dial-in since is never overwritten, and the same export twice
 * changes nothing.
 */
type Values = Record<string, unknown>;
type Imported = 'bag' | 'brew' | 'grinder' | 'brewer';

/** How the import reads and writes each entity: the ordinary actions. */
const WRITERS: Record<
  Imported,
  {
    get(db: DialInDb, id: string): Promise<object | undefined>;
    create(db: DialInDb, values: Values, id: string): Promise<unknown>;
    update(db: DialInDb, id: string, patch: Values): Promise<boolean>;
  }
> = {
  bag: {
    get: getBag,
    create: (db, v, id) => createBag(db, v as Parameters<typeof createBag>[1], id),
    update: updateBag,
  },
  brew: {
    get: getBrew,
    create: (db, v, id) => createBrew(db, v as Parameters<typeof createBrew>[1], id),
    update: updateBrew,
  },
  grinder: {
    get: (db, id) => db.grinders.get(id),
    create: (db, v, id) => createGrinder(db, v as Parameters<typeof createGrinder>[1], id),
    update: updateGrinder,
  },
  brewer: {
    get: (db, id) => db.brewers.get(id),
    create: (db, v, id) => createBrewer(db, v as Parameters<typeof createBrewer>[1], id),
    update: updateBrewer,
  },
};

async function upsert(
  db: DialInDb,
  entity: Imported,
  id: string,
  values: Values,
  counts: RowCounts,
): Promise<void> {
  const writer = WRITERS[entity];
  const existing = (await writer.get(db, id)) as Values | undefined;
  if (existing === undefined) {
    await writer.create(db, values, id);
    counts.created++;
    return;
  }
  const missing = Object.fromEntries(
    Object.entries(values).filter(([f]) => (existing[f] ?? null) === null),
  );
  if (await writer.update(db, id, missing)) counts.updated++;
  else counts.unchanged++;
}

/**
 * Mills as grinders and preparations as brewers, before the brews that name them. They are a
 * handful of rows, so they are not counted in the progress (beans and brews are).
 */
async function importGear(
  db: DialInDb,
  data: BeanconquerorExport,
  nowMs: number,
  report: BeanconquerorReport,
): Promise<void> {
  const kinds = [
    ['mill', 'grinder', byUuid(data.mills, 'mill', report), grinderValues, report.grinders],
    [
      'preparation',
      'brewer',
      byUuid(data.preparations, 'preparation', report),
      brewerValues,
      report.brewers,
    ],
  ] as const;
  for (const [kind, entity, records, valuesOf, counts] of kinds) {
    for (const [uuid, record] of records) {
      try {
        await upsert(
          db,
          entity,
          await importedId(kind, uuid),
          valuesOf(record, nowMs, report),
          counts,
        );
      } catch (error) {
        report.skipped.push({
          record: `${kind} ${textValue(record.name) ?? uuid}`,
          reason: String(error instanceof Error ? error.message : error),
        });
      }
    }
  }
}

/**
 * Imports a Beanconqueror export: mills as grinders, preparations as brewers, beans as bags,
 * brews as brews naming their grinder and brewer (see gear.ts), in batches that yield to the page, reporting
 * progress. Ids derive from Beanconqueror's uuids (ids.ts), so it merges without duplicates.
 */
export async function importBeanconqueror(
  db: DialInDb,
  data: BeanconquerorExport,
  onProgress?: OnProgress,
  nowMs: number = Date.now(),
): Promise<BeanconquerorReport> {
  const report = emptyReport();
  const beans = byUuid(data.beans, 'bean', report);
  const brews = byUuid(data.brews, 'brew', report);
  const gear = await GearIndex.of(data.mills, data.preparations);
  report.methods = data.preparations.map((p) => ({
    name: textValue(p.name) ?? 'unnamed',
    method: methodOf(p),
  }));
  await importGear(db, data, nowMs, report);
  const bagIdOfBean = new Map<string, string>();
  const total = beans.size + brews.size;
  let done = 0;
  const step = async () => {
    done++;
    if (done % IMPORT_BATCH === 0 || done === total) {
      onProgress?.(done, total);
      await yieldToEventLoop();
    }
  };

  for (const [uuid, bean] of beans) {
    const id = await importedId('bean', uuid);
    report.attachments += Array.isArray(bean.attachments) ? bean.attachments.length : 0;
    try {
      await upsert(db, 'bag', id, bagValues(bean, nowMs, report), report.bags);
      bagIdOfBean.set(uuid, id);
    } catch (error) {
      report.skipped.push({
        record: `bean ${textValue(bean.name) ?? uuid}`,
        reason: String(error instanceof Error ? error.message : error),
      });
    }
    await step();
  }

  let unknownCoffee: string | undefined;
  for (const [uuid, brew] of brews) {
    report.attachments += Array.isArray(brew.attachments) ? brew.attachments.length : 0;
    try {
      let bagId = bagIdOfBean.get(String(brew.bean ?? ''));
      if (bagId === undefined) {
        if (unknownCoffee === undefined) {
          unknownCoffee = await importedId('bean', MISSING_BEAN_UUID);
          await upsert(db, 'bag', unknownCoffee, { name: UNKNOWN_COFFEE }, report.bags);
        }
        bagId = unknownCoffee;
        report.brewsWithoutBean++;
      }
      const values = brewValues(brew, bagId, gear.gearOf(brew), nowMs, report);
      await upsert(db, 'brew', await importedId('brew', uuid), values, report.brews);
    } catch (error) {
      report.skipped.push({
        record: `brew ${uuid}`,
        reason: String(error instanceof Error ? error.message : error),
      });
    }
    await step();
  }
  return report;
}
