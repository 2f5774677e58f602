import {
  type BrewRule,
  brewRule,
  formatRuleRatio,
  type RuleSource,
  ratioBandText,
  ruleRatio,
  ruleSummary,
  sideOfBand,
  timeBandText,
  timeIsLogged,
} from '../../../../shared/model/brew-rules.js';
import type { BrewMethod, Taste } from '../../../../shared/model/entities.js';
import { formatRatio } from '../../../../shared/model/ratio.js';
import { moveGrind, numericScale } from './grind-scale.js';

/**
 * The next-shot hint. Directions follow the Espresso Compass (Matt Perger, Barista Hustle):
 * sour is under-extracted → extract more; bitter is over-extracted → extract less; a fast
 * shot runs under, a slow one over. Taste outranks the clock: a shot that tastes right is
 * right, whatever the timer says. The targets come from the rule table
 * (shared/model/brew-rules.ts), never from here.
 */

export const COMPASS: RuleSource = {
  title: 'The Espresso Compass — Matt Perger, Barista Hustle (2016)',
  url: 'https://www.baristahustle.com/blog/the-espresso-compass/',
};

export interface HintBrew {
  method: BrewMethod | null;
  grindSetting?: string | null;
  doseG: number | null;
  yieldG: number | null;
  waterG: number | null;
  timeS: number | null;
  taste: Taste | null;
}

/** `longer`/`shorter`: keep the grind, change the yield. */
export type HintMove = 'finer' | 'coarser' | 'keep' | 'start' | 'longer' | 'shorter';

export interface DialInHint {
  move: HintMove;
  /** One short sentence for the barista at the grinder, with how far. */
  headline: string;
  /** Why, one reason per line. */
  reasons: string[];
  /** The rule the advice holds the brews against (shown with its sources), if any. */
  rule: BrewRule | null;
}

/** How many recent brews of the method are read, and how fast older ones fade. */
export const WINDOW = 5;
export const DECAY = 0.4;
/** A weighted taste this far from balanced (−1 sour … +1 bitter) calls for a move. */
const LEAN = 0.5;
/** How far a yield move changes the ratio: 18 g at 1:2.0 → about 40 g (1:2.2). */
const RATIO_STEP = 0.2;

const TASTE_VALUE: Record<Taste, number> = { sour: -1, balanced: 0, bitter: 1 };

interface Weighed {
  value: number;
  weight: number;
}

function mean(rows: readonly Weighed[]): number | null {
  const total = rows.reduce((s, r) => s + r.weight, 0);
  return total === 0 ? null : rows.reduce((s, r) => s + r.value * r.weight, 0) / total;
}

/**
 * The shots that describe the current grind: the newest brew of the method and the ones
 * before it at the same setting, within WINDOW, newest weighing most. A shot at another
 * setting says nothing about this one's time, so it is left out.
 */
function currentShots(method: BrewMethod, recent: readonly HintBrew[]) {
  const ofMethod = recent.filter((b) => b.method === method).slice(0, WINDOW);
  const newest = ofMethod[0];
  if (!newest) return null;
  const setting = newest.grindSetting ?? '';
  const shots = ofMethod
    .map((b, i) => ({ b, weight: DECAY ** i }))
    .filter((s) => (s.b.grindSetting ?? '') === setting);
  return { newest, setting, shots, settings: ofMethod.map((b) => b.grindSetting ?? '') };
}

/** A bag's target for the method (its recipe row), as far as the hint reads it. */
export interface HintTarget {
  timeMinS: number | null;
  timeMaxS: number | null;
}

/**
 * The method's rule with the bag's own time band in place of the published one, when the
 * target sets both ends (in either order: a per-field merge may have crossed them). The
 * sources stay: the ratio band is still theirs.
 */
function aimedRule(rule: BrewRule | null, target: HintTarget | undefined): BrewRule | null {
  if (rule === null || target?.timeMinS == null || target.timeMaxS == null) return rule;
  const band = [
    Math.min(target.timeMinS, target.timeMaxS),
    Math.max(target.timeMinS, target.timeMaxS),
  ] as const;
  // A band of one second still has a width to step by (timeSteps divides by it).
  return { ...rule, timeS: band[1] > band[0] ? band : [band[0], band[0] + 1] };
}

/**
 * Advice from the recent brews (newest first) of `method`, usually of one bag; with the bag's
 * `target`, the time is held against the target's band instead of the method's.
 */
export function dialInHint(
  method: BrewMethod,
  recent: readonly HintBrew[],
  target?: HintTarget,
): DialInHint {
  const rule = aimedRule(brewRule(method), target);
  const aim = rule !== null && rule !== brewRule(method) ? 'your target' : 'aim';
  const current = currentShots(method, recent);
  if (!current) {
    return {
      move: 'start',
      headline: rule ? `Start at ${ruleSummary(rule)}, and taste.` : 'Log a brew and taste it.',
      reasons: [rule ? 'A common start for this method.' : 'There is no published start for it.'],
      rule,
    };
  }
  const { newest, setting, shots } = current;
  const reasons: string[] = [];
  const tasted = shots.flatMap((s) =>
    s.b.taste ? [{ value: TASTE_VALUE[s.b.taste], weight: s.weight }] : [],
  );
  const tasteScore = mean(tasted);
  const taste: Taste | null =
    tasteScore === null
      ? null
      : tasteScore <= -LEAN
        ? 'sour'
        : tasteScore >= LEAN
          ? 'bitter'
          : 'balanced';
  const over = shots.length > 1 ? ` over your last ${shots.length} at this grind` : '';
  if (taste !== null) {
    reasons.push(
      taste === 'balanced'
        ? `Tastes balanced${over}: keep the grind and repeat it.`
        : `Tastes ${taste}${over}: ${taste === 'sour' ? 'under' : 'over'}-extracted.`,
    );
  }

  const timed = rule !== null && timeIsLogged(rule);
  const times = shots.flatMap((s) =>
    s.b.timeS !== null && s.b.timeS > 0 ? [{ value: s.b.timeS, weight: s.weight }] : [],
  );
  const time = timed ? mean(times) : null;
  const timeSide = rule && time !== null ? sideOfBand(time, rule.timeS) : 0;

  const ratios = rule
    ? shots.flatMap((s) => {
        const r = ruleRatio(rule, s.b);
        return r === null ? [] : [{ value: r, weight: s.weight }];
      })
    : [];
  const ratioNow = mean(ratios);

  // How far: one step per band-width the time sits outside the band, one to three.
  const timeSteps = (): number => {
    if (!rule || time === null || timeSide === 0) return 1;
    const [lo, hi] = rule.timeS;
    const off = timeSide < 0 ? lo - time : time - hi;
    return Math.min(3, Math.max(1, Math.ceil(off / (hi - lo))));
  };
  const scale = numericScale(current.settings);
  const grindMove = (finer: boolean, steps: number): string => {
    const words = ['one step', 'two steps', 'three steps'][steps - 1] ?? `${steps} steps`;
    const to = setting ? moveGrind(setting, finer ? steps : -steps, scale) : null;
    const dir = finer ? 'finer' : 'coarser';
    if (to === null) return `Grind ${steps > 1 ? 'a few notches' : 'a notch'} ${dir}.`;
    // The last number is already at 0: name the way, not a setting the dial cannot show.
    if (to === setting) return `Grind ${words} ${dir} than ${setting}.`;
    return `Grind ${words} ${dir}: ${setting} → ${to}.`;
  };
  const yieldMove = (longer: boolean): string | null => {
    if (rule?.ratio.reads !== 'yield' || newest.doseG === null) return null;
    const from = ratioNow ?? rule.ratio.target;
    const to = Math.round((from + (longer ? RATIO_STEP : -RATIO_STEP)) * 10) / 10;
    return `pull ${longer ? 'longer' : 'shorter'}: about ${Math.round(newest.doseG * to)} g (${formatRatio(to)})`;
  };

  let move: HintMove = 'keep';
  let headline = 'Keep this grind.';
  const timeText =
    rule && time !== null
      ? `${timeSide < 0 ? 'Fast' : 'Slow'} ${rule.timeName} (${Math.round(time)} s${
          times.length > 1 ? ' on average' : ''
        }; ${aim} ${timeBandText(rule)})`
      : '';

  if (taste === 'sour' || taste === 'bitter') {
    const sour = taste === 'sour';
    // Slow and sour: finer would only slow it more; the compass's other lever is the yield.
    const against = sour ? timeSide > 0 : timeSide < 0;
    const pull = against ? yieldMove(sour) : null;
    if (pull) {
      move = sour ? 'longer' : 'shorter';
      headline = `${sour ? 'Sour and slow' : 'Bitter and fast'}: grind is fine, ${pull}.`;
      reasons.push(`${timeText}: the grind already ${sour ? 'holds' : 'runs'} it.`);
    } else {
      move = sour ? 'finer' : 'coarser';
      headline = grindMove(sour, timeSide === 0 || against ? 1 : timeSteps());
      if (timeSide !== 0) {
        reasons.push(against ? `${timeText}, but taste comes first.` : `${timeText} agrees.`);
      }
    }
  } else if (timeSide !== 0) {
    if (taste === 'balanced') {
      reasons.push(`${timeText}, but it tastes balanced: taste outranks the timer.`);
    } else {
      move = timeSide < 0 ? 'finer' : 'coarser';
      headline = grindMove(timeSide < 0, timeSteps());
      reasons.push(`${timeText}.`);
    }
  }

  if (rule && ratioNow !== null) {
    const side = sideOfBand(ratioNow, rule.ratio.band);
    if (side !== 0) reasons.push(ratioAdvice(rule, ratioNow, side, newest));
  }
  if (reasons.length === 0) {
    reasons.push(
      timed ? 'Time it and taste it: mark sour or bitter.' : 'Taste it and mark sour or bitter.',
    );
  }
  return { move, headline, reasons, rule };
}

function ratioAdvice(rule: BrewRule, now: number, side: -1 | 1, newest: HintBrew): string {
  const shown = `${formatRuleRatio(rule, now)}, aim ${ratioBandText(rule)}`;
  if (rule.ratio.reads === 'yield') {
    const to = rule.ratio.target;
    const grams = newest.doseG === null ? '' : ` about ${Math.round(newest.doseG * to)} g`;
    return `Ratio ${shown}: pull${grams} (${formatRatio(to)}).`;
  }
  const [lo, hi] = rule.ratio.band;
  const mid = (lo + hi) / 2;
  const dose =
    newest.waterG === null
      ? ''
      : `: about ${(Math.round((newest.waterG * mid) / 100) / 10).toFixed(1)} g for ${newest.waterG} g of water`;
  return `${side > 0 ? 'Strong' : 'Weak'} (${shown})${dose}.`;
}
