import type { BrewMethod, Taste } from '../../../../shared/model/entities.js';
import { brewRatio, formatRatio, isFilter } from '../../../../shared/model/ratio.js';

/**
 * Plain rules of thumb for the next shot, from the "Espresso Compass" and "Coffee Compass"
 * (Matt Perger, Barista Hustle): sour or under-extracted → grind finer; bitter or
 * over-extracted → grind coarser; a fast shot runs under, a slow one over. Taste outranks
 * the clock: a shot that tastes right is right, whatever the timer says.
 */

export const ESPRESSO_RATIO = 2;
export const ESPRESSO_TIME_S: readonly [number, number] = [25, 30];
export const FILTER_RATIO: readonly [number, number] = [15, 17];

export const HINT_SOURCES = [
  {
    title: 'The Espresso Compass — Matt Perger, Barista Hustle (2016)',
    url: 'https://www.baristahustle.com/blog/the-espresso-compass/',
  },
  {
    title: 'The Coffee Compass — Matt Perger, Barista Hustle',
    url: 'https://www.baristahustle.com/blog/the-coffee-compass/',
  },
] as const;

export interface HintBrew {
  method: BrewMethod | null;
  doseG: number | null;
  yieldG: number | null;
  waterG: number | null;
  timeS: number | null;
  taste: Taste | null;
}

export type GrindMove = 'finer' | 'coarser' | 'keep' | 'start';

export interface DialInHint {
  move: GrindMove;
  /** One short sentence for the barista at the grinder. */
  headline: string;
  /** Why, one reason per line. */
  reasons: string[];
}

/** Advice from the most recent brew (the first of `recent`, newest first) of `method`. */
export function dialInHint(method: BrewMethod, recent: readonly HintBrew[]): DialInHint {
  const filter = isFilter(method);
  const last = recent.find((b) => b.method === method);
  if (!last) {
    return {
      move: 'start',
      headline: filter ? 'Start around 1:16 and taste.' : 'Start at 1:2 in 25–30 s and taste.',
      reasons: [filter ? 'Filter usually sits between 1:15 and 1:17.' : 'A common espresso start.'],
    };
  }
  const reasons: string[] = [];
  let move: GrindMove = 'keep';
  const r = brewRatio(last);
  const time = last.timeS;
  const timed = !filter && time !== null && time > 0;

  if (last.taste === 'sour') {
    move = 'finer';
    reasons.push('Sour tastes under-extracted: grind finer to extract more.');
  } else if (last.taste === 'bitter') {
    move = 'coarser';
    reasons.push('Bitter tastes over-extracted: grind coarser to extract less.');
  } else if (last.taste === 'balanced') {
    reasons.push('Balanced: keep the grind and repeat it.');
  }

  if (timed && time !== null) {
    const [lo, hi] = ESPRESSO_TIME_S;
    const fast = time < lo;
    const slow = time > hi;
    if (fast || slow) {
      const timeMove: GrindMove = fast ? 'finer' : 'coarser';
      const what = `${fast ? 'Fast' : 'Slow'} shot (${time} s; aim ${lo}–${hi} s)`;
      if (last.taste === null) {
        move = timeMove;
        reasons.push(`${what}: grind ${timeMove}.`);
      } else if (move !== timeMove) {
        reasons.push(`${what}, but taste comes first.`);
      } else {
        reasons.push(`${what} agrees.`);
      }
    }
  }

  if (r !== null) {
    if (filter && (r < FILTER_RATIO[0] || r > FILTER_RATIO[1])) {
      reasons.push(`Ratio ${formatRatio(r)}: filter usually sits between 1:15 and 1:17.`);
    } else if (!filter && method === 'espresso' && Math.abs(r - ESPRESSO_RATIO) > 0.5) {
      reasons.push(`Ratio ${formatRatio(r)}: espresso usually starts at 1:2.`);
    }
  }

  if (reasons.length === 0) {
    reasons.push(filter ? 'Taste it and mark sour or bitter.' : 'Time the shot and taste it.');
  }
  return { move, headline: HEADLINES[move], reasons };
}

const HEADLINES: Record<GrindMove, string> = {
  finer: 'Grind finer.',
  coarser: 'Grind coarser.',
  keep: 'Keep this grind.',
  start: 'Start at the recipe.',
};
