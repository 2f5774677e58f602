import type { BrewMethod } from '../../../../shared/model/entities.js';
import type { BcRecord } from './format.js';
import { textValue } from './values.js';

/**
 * Where Beanconqueror's gear lands in Dial-in — the one place to change when grinders and
 * brewers become entities of their own: today a mill becomes the brew's free-text `grinder`
 * (its name) and a preparation becomes the brew's `method`.
 */
export interface BrewGear {
  grinder: string | null;
  method: BrewMethod | null;
}

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

export class GearIndex {
  private readonly mills = new Map<string, BcRecord>();
  private readonly preparations = new Map<string, BcRecord>();

  constructor(mills: readonly BcRecord[], preparations: readonly BcRecord[]) {
    for (const m of mills) if (typeof m.config?.uuid === 'string') this.mills.set(m.config.uuid, m);
    for (const p of preparations)
      if (typeof p.config?.uuid === 'string') this.preparations.set(p.config.uuid, p);
  }

  /** The gear of one brew; a uuid that is "" or points at nothing leaves the field unset. */
  gearOf(brew: BcRecord): BrewGear {
    const mill = this.mills.get(String(brew.mill ?? ''));
    const preparation = this.preparations.get(String(brew.method_of_preparation ?? ''));
    return {
      grinder: mill === undefined ? null : textValue(mill.name),
      method: preparation === undefined ? null : methodOf(preparation),
    };
  }
}
