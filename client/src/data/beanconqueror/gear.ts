import type { BrewMethod } from '../../../../shared/model/entities.js';
import type { BcRecord } from './format.js';
import { importedId } from './ids.js';
import { type BeanconquerorReport, putChecked } from './report.js';
import { textValue } from './values.js';

/**
 * Where Beanconqueror's gear lands in Dial-in: a mill becomes a grinder and a preparation a
 * brewer (rows of their own, with ids derived from the uuids like beans and brews, so a
 * re-import finds them), and a brew references both; the preparation also gives the brew
 * its method.
 */
export interface BrewGear {
  grinderId: string | null;
  brewerId: string | null;
  method: BrewMethod | null;
}

/** Shown when a mill or preparation has no name (ours require one). */
export const UNNAMED_GRINDER = 'Unnamed grinder';
export const UNNAMED_BREWER = 'Unnamed brewer';

/** Beanconqueror's PREPARATION_STYLE_TYPE, as our methods. */
const METHOD_OF_STYLE: Record<string, BrewMethod> = {
  ESPRESSO: 'espresso',
  POUR_OVER: 'pour_over',
  PERCOLATION: 'pour_over',
  FULL_IMMERSION: 'immersion',
};

/** A preparation's method: moka and cold brew by name (Beanconqueror has no style for them). */
export function methodOf(preparation: BcRecord): BrewMethod {
  const name = (textValue(preparation.name) ?? '').toLowerCase();
  if (name.includes('moka')) return 'moka';
  if (name.includes('cold brew')) return 'cold_brew';
  const style = textValue(preparation.style_type);
  return (style !== null && METHOD_OF_STYLE[style]) || 'other';
}

/**
 * A mill as the values of a grinder. Beanconqueror keeps no grind scale (its grind size is
 * free text), so the scale is left unset: the steppers then step the setting's last number,
 * as they do for a brew without a grinder, until the person sets the scale on the Gear screen.
 */
export function grinderValues(
  mill: BcRecord,
  nowMs: number,
  report: BeanconquerorReport,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (field: string, value: unknown) =>
    putChecked(report, 'grinder', out, field, value, nowMs);
  put('name', textValue(mill.name) ?? UNNAMED_GRINDER);
  put('notes', textValue(mill.note));
  if (mill.finished === true) put('archived', true);
  return out;
}

/** A preparation as the values of a brewer. */
export function brewerValues(
  preparation: BcRecord,
  nowMs: number,
  report: BeanconquerorReport,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (field: string, value: unknown) =>
    putChecked(report, 'brewer', out, field, value, nowMs);
  put('name', textValue(preparation.name) ?? UNNAMED_BREWER);
  put('method', methodOf(preparation));
  put('notes', textValue(preparation.note));
  if (preparation.finished === true) put('archived', true);
  return out;
}

const uuidOf = (record: BcRecord) =>
  typeof record.config?.uuid === 'string' && record.config.uuid.trim() !== ''
    ? record.config.uuid
    : null;

/** The export's mills and preparations by uuid, each with the id of the row it becomes. */
export class GearIndex {
  private readonly grinderIds = new Map<string, string>();
  private readonly preparations = new Map<string, { record: BcRecord; brewerId: string }>();

  private constructor() {}

  static async of(mills: readonly BcRecord[], preparations: readonly BcRecord[]) {
    const index = new GearIndex();
    for (const mill of mills) {
      const uuid = uuidOf(mill);
      if (uuid !== null) index.grinderIds.set(uuid, await importedId('mill', uuid));
    }
    for (const record of preparations) {
      const uuid = uuidOf(record);
      if (uuid !== null) {
        index.preparations.set(uuid, { record, brewerId: await importedId('preparation', uuid) });
      }
    }
    return index;
  }

  /** The gear of one brew; a uuid that is "" or points at nothing leaves the field unset. */
  gearOf(brew: BcRecord): BrewGear {
    const preparation = this.preparations.get(String(brew.method_of_preparation ?? ''));
    return {
      grinderId: this.grinderIds.get(String(brew.mill ?? '')) ?? null,
      brewerId: preparation?.brewerId ?? null,
      method: preparation === undefined ? null : methodOf(preparation.record),
    };
  }
}
