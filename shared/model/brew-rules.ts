import { BREW_FIELDS, type BrewMethod } from './entities.js';
import { formatRatio, isFilter } from './ratio.js';

/**
 * The published starting points for dialling in, one row per method, each with the source
 * it comes from. The hint and the chart read this table and nothing else, so a per-bag
 * target can later replace a row without touching either.
 */

export interface RuleSource {
  title: string;
  url: string;
}

/**
 * How strong the brew should be, in the unit the source publishes. `yield` is beverage out
 * per gram of coffee (espresso's 1:2); `strength` is grams of coffee per litre of water in
 * (filter's 55–65 g/L), read from the water weight, never the beverage.
 */
export type RatioRule =
  | { reads: 'yield'; target: number; band: readonly [number, number] }
  | { reads: 'strength'; band: readonly [number, number] };

export interface BrewRule {
  method: BrewMethod;
  ratio: RatioRule;
  /** Brew time band in seconds: the shot, the drawdown or the steep. */
  timeS: readonly [number, number];
  /** What the Time field measures for this method, for sentences ("shot", "drawdown"). */
  timeName: string;
  sources: readonly RuleSource[];
}

const ESPRESSO_COMPASS: RuleSource = {
  title: 'The Espresso Compass — Matt Perger, Barista Hustle (2016)',
  url: 'https://www.baristahustle.com/blog/the-espresso-compass/',
};
const SCA_GOLDEN_CUP: RuleSource = {
  title: 'SCA Golden Cup standard (55 g/L) — Specialty Coffee Association',
  url: 'https://sca.coffee/research/coffee-standards',
};
const HOFFMANN_V60: RuleSource = {
  title: 'The Ultimate V60 Technique — James Hoffmann (2019)',
  url: 'https://www.youtube.com/watch?v=AI4ynXzkSQo',
};
const SCA_CUPPING: RuleSource = {
  title: 'SCA Cupping Protocols (8.25 g per 150 ml, steep 3–5 min)',
  url: 'https://sca.coffee/research/protocols-best-practices',
};
const MOKA_RIGHT_SIDE: RuleSource = {
  title: 'Moka brew guide (1:10) — Right Side Coffee',
  url: 'https://www.rightsidecoffee.com/en/blogs/brew-guides/moka',
};
const MOKA_AFRICAN_ROASTERS: RuleSource = {
  title: 'Moka pot brewing method (72 g/L, 3–5 min) — African Roasters',
  url: 'https://africanroasters.com/pages/moka-pot-brewing-method',
};
const COLD_BREW_RATIO: RuleSource = {
  title: 'Brew ratios by method (cold brew to drink, 1:12–1:15) — The Coffee Drinker’s Guide',
  url: 'https://podcast.app/the-coffee-drinkers-guide-p6192075',
};
const COLD_BREW_TIME: RuleSource = {
  title: 'What is cold brew (steep 12–24 h) — Model Citizen Coffee',
  url: 'https://modelcitizencoffee.com/blogs/news/what-is-cold-brew-and-how-to-make-it',
};

const HOUR = 3600;

/** `other` has no row: there is no published start for a method we know nothing about. */
export const BREW_RULES: Readonly<Partial<Record<BrewMethod, BrewRule>>> = {
  espresso: {
    method: 'espresso',
    ratio: { reads: 'yield', target: 2, band: [1.5, 2.5] },
    timeS: [25, 30],
    timeName: 'shot',
    sources: [ESPRESSO_COMPASS],
  },
  pour_over: {
    method: 'pour_over',
    ratio: { reads: 'strength', band: [55, 65] },
    timeS: [150, 240],
    timeName: 'drawdown',
    sources: [SCA_GOLDEN_CUP, HOFFMANN_V60],
  },
  immersion: {
    method: 'immersion',
    ratio: { reads: 'strength', band: [55, 65] },
    timeS: [180, 300],
    timeName: 'steep',
    sources: [SCA_GOLDEN_CUP, SCA_CUPPING],
  },
  moka: {
    method: 'moka',
    ratio: { reads: 'strength', band: [70, 100] },
    timeS: [180, 300],
    timeName: 'brew',
    sources: [MOKA_AFRICAN_ROASTERS, MOKA_RIGHT_SIDE],
  },
  cold_brew: {
    method: 'cold_brew',
    // 1:15–1:12 as grams per litre.
    ratio: { reads: 'strength', band: [67, 83] },
    timeS: [12 * HOUR, 24 * HOUR],
    timeName: 'steep',
    sources: [COLD_BREW_RATIO, COLD_BREW_TIME],
  },
};

export function brewRule(method: BrewMethod | null): BrewRule | null {
  return method === null ? null : (BREW_RULES[method] ?? null);
}

/**
 * Whether a logged time can be held against the band: a cold brew's 12 h steep is longer
 * than the Time field can hold, so any logged time would read as "fast".
 */
export function timeIsLogged(rule: BrewRule): boolean {
  return rule.timeS[1] <= BREW_FIELDS.timeS.max;
}

interface Weights {
  doseG: number | null;
  yieldG: number | null;
  waterG: number | null;
}

/** The brew's value in the rule's unit (1:x for yield, g/L for strength), or null. */
export function ruleRatio(rule: BrewRule, brew: Weights): number | null {
  const { doseG } = brew;
  if (doseG === null || !(doseG > 0)) return null;
  const out = rule.ratio.reads === 'yield' ? brew.yieldG : brew.waterG;
  if (out === null || !(out > 0)) return null;
  return rule.ratio.reads === 'yield' ? out / doseG : (doseG / out) * 1000;
}

/** -1 below the band, 0 inside it, 1 above it. */
export function sideOfBand(value: number, band: readonly [number, number]): -1 | 0 | 1 {
  return value < band[0] ? -1 : value > band[1] ? 1 : 0;
}

/** "1:2.0", "60 g/L": a value in the rule's unit, the way the sources write it. */
export function formatRuleRatio(rule: BrewRule, value: number): string {
  return rule.ratio.reads === 'yield' ? formatRatio(value) : `${Math.round(value)} g/L`;
}

/** "1:2 (1:1.5–1:2.5)", "55–65 g/L". */
export function ratioBandText(rule: BrewRule): string {
  const [lo, hi] = rule.ratio.band;
  return rule.ratio.reads === 'yield'
    ? `1:${rule.ratio.target} (1:${lo}–1:${hi})`
    : `${lo}–${hi} g/L`;
}

/** "25–30 s", "2:30–4:00 min", "12–24 h". */
export function timeBandText(rule: BrewRule): string {
  const [lo, hi] = rule.timeS;
  if (hi >= HOUR) return `${lo / HOUR}–${hi / HOUR} h`;
  if (hi >= 120) return `${clock(lo)}–${clock(hi)} min`;
  return `${lo}–${hi} s`;
}

function clock(s: number): string {
  return `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}

/** The rule in one line, as the hint shows it: "1:2 (1:1.5–1:2.5) in 25–30 s". */
export function ruleSummary(rule: BrewRule): string {
  return `${ratioBandText(rule)}, ${rule.timeName} ${timeBandText(rule)}`;
}

/**
 * The usual range on the 1:x scale that `brewRatio` shows (yield for espresso, water for
 * filter), with its text; null when the method's rule reads a weight `brewRatio` does not
 * (moka's is water, `brewRatio` shows its beverage) or the method has no rule.
 */
export function usualRatio(
  method: BrewMethod,
): { band: readonly [number, number]; text: string } | null {
  const rule = brewRule(method);
  if (!rule) return null;
  if (rule.ratio.reads === 'yield') {
    return isFilter(method)
      ? null
      : { band: rule.ratio.band, text: `about 1:${rule.ratio.target}` };
  }
  if (!isFilter(method)) return null;
  const [lo, hi] = rule.ratio.band;
  // g/L to water per gram: 1000 / 65 = 1:15.4 is the strong end.
  const band = [1000 / hi, 1000 / lo] as const;
  return { band, text: `${ratioBandText(rule)} (${formatRatio(band[0])}–${formatRatio(band[1])})` };
}
