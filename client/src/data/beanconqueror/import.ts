import { createBag, createBrew, updateBag, updateBrew } from '../actions.js';
import { IMPORT_BATCH, type OnProgress, yieldToEventLoop } from '../data-io.js';
import type { DialInDb } from '../db.js';
import { getBag, getBrew } from '../queries.js';
import type { BcRecord, BeanconquerorExport } from './format.js';
import { GearIndex, methodOf } from './gear.js';
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
async function upsert(
  db: DialInDb,
  entity: 'bag' | 'brew',
  id: string,
  values: Record<string, unknown>,
  counts: RowCounts,
): Promise<void> {
  const existing = (entity === 'bag' ? await getBag(db, id) : await getBrew(db, id)) as
    | Record<string, unknown>
    | undefined;
  if (existing === undefined) {
    if (entity === 'bag') await createBag(db, values as Parameters<typeof createBag>[1], id);
    else await createBrew(db, values as Parameters<typeof createBrew>[1], id);
    counts.created++;
    return;
  }
  const missing = Object.fromEntries(
    Object.entries(values).filter(([f]) => (existing[f] ?? null) === null),
  );
  const changed =
    entity === 'bag' ? await updateBag(db, id, missing) : await updateBrew(db, id, missing);
  if (changed) counts.updated++;
  else counts.unchanged++;
}

/**
 * Imports a Beanconqueror export: beans as bags, brews as brews (their mill and preparation
 * as grinder name and method, see gear.ts), in batches that yield to the page, reporting
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
  const gear = new GearIndex(data.mills, data.preparations);
  report.brewers = data.preparations.map((p) => ({
    name: textValue(p.name) ?? 'unnamed',
    method: methodOf(p),
  }));
  const grinders = new Set<string>();
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
      if (typeof values.grinder === 'string') grinders.add(values.grinder);
      await upsert(db, 'brew', await importedId('brew', uuid), values, report.brews);
    } catch (error) {
      report.skipped.push({
        record: `brew ${uuid}`,
        reason: String(error instanceof Error ? error.message : error),
      });
    }
    await step();
  }
  report.grinders = grinders.size;
  return report;
}
