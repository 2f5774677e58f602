import { describe, expect, it } from 'vitest';
import {
  type Target,
  targetBrewValues,
  targetDraft,
  targetProblems,
  targetSentence,
  targetValues,
  targetWords,
} from './recipe-target.js';

const espresso: Target = {
  method: 'espresso',
  doseG: 18,
  ratio: 2,
  timeMinS: 25,
  timeMaxS: 30,
  tempC: 93,
};
const draft = (over: Partial<ReturnType<typeof targetDraft>>) => ({
  ...targetDraft(espresso, 'C'),
  ...over,
});

describe('a target in words', () => {
  it('says dose, ratio, time band and temperature as a barista does', () => {
    expect(targetSentence(espresso, 'C')).toBe('Target for espresso: 18 g → 1:2, 25–30 s, 93 °C');
    expect(targetWords({ ...espresso, tempC: 93.33 }, 'F')).toBe('18 g → 1:2, 25–30 s, 200 °F');
    const filter: Target = {
      ...espresso,
      method: 'pour_over',
      ratio: 16.5,
      timeMinS: 150,
      timeMaxS: 210,
      tempC: null,
    };
    expect(targetWords(filter, 'C')).toBe('18 g → 1:16.5, 2:30–3:30');
    // Crossed ends (a merge of two edits) read in order; unset parts are left out.
    expect(targetWords({ ...espresso, timeMinS: 30, timeMaxS: 25 }, 'C')).toContain('25–30 s');
    expect(targetWords({ ...espresso, doseG: null, timeMaxS: null, tempC: null }, 'C')).toBe(
      '1:2, 25 s',
    );
    const none = {
      ...espresso,
      doseG: null,
      ratio: null,
      timeMinS: null,
      timeMaxS: null,
      tempC: null,
    };
    expect(targetWords(none, 'C')).toBe('nothing set');
  });
});

describe('a first brew from a target', () => {
  it('takes the dose, the output the ratio gives as the method weighs it, and the temperature', () => {
    expect(targetBrewValues(espresso)).toEqual({ doseG: 18, yieldG: 36, tempC: 93 });
    expect(targetBrewValues({ ...espresso, method: 'pour_over', doseG: 15, ratio: 16.7 })).toEqual({
      doseG: 15,
      waterG: 250.5,
      tempC: 93,
    });
    expect(targetBrewValues({ ...espresso, doseG: null })).toEqual({ tempC: 93 });
  });
});

describe('the target form', () => {
  it('round-trips a target, the temperature in the device’s unit', () => {
    expect(targetValues(targetDraft(espresso, 'C'), 'C')).toEqual({
      doseG: 18,
      ratio: 2,
      timeMinS: 25,
      timeMaxS: 30,
      tempC: 93,
    });
    expect(targetDraft({ ...espresso, tempC: 93.33 }, 'F').temp).toBe('200');
    expect(targetValues(draft({ temp: '200' }), 'F').tempC).toBe(93.33);
    expect(targetProblems(draft({}), 'C')).toEqual({});
  });

  it('names each problem under its label, and the band’s order', () => {
    expect(targetProblems(draft({ ratio: '0.2', doseG: 'x' }), 'C')).toEqual({
      doseG: 'Dose (g) must be a number',
      ratio: 'Ratio (1:x) must be at least 0.5',
    });
    expect(targetProblems(draft({ timeMinS: '30', timeMaxS: '25' }), 'C')).toEqual({
      timeMaxS: 'Time to (s) must not be before time from (s)',
    });
    const empty = { doseG: '', ratio: '', timeMinS: '', timeMaxS: '', temp: '' };
    expect(targetProblems(empty, 'C')).toEqual({
      doseG: 'Set at least one value, or clear the target',
    });
  });
});
