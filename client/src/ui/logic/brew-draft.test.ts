import { describe, expect, it } from 'vitest';
import {
  draftFrom,
  draftPatch,
  draftProblems,
  fieldMessages,
  hasMeasure,
  NOTHING_MEASURED,
  parseNumber,
} from './brew-draft.js';

describe('brew draft', () => {
  it('parses numbers, decimal commas and junk', () => {
    expect(parseNumber('18.5')).toBe(18.5);
    expect(parseNumber('18,5')).toBe(18.5);
    expect(parseNumber('18.')).toBe(18);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNaN();
  });
  it('round-trips values and clears empty fields', () => {
    const d = draftFrom({ bagId: 'x', method: 'espresso', doseG: 18, grindSetting: '2.4.1' });
    const p = draftPatch({ ...d, yieldG: '36' });
    expect(p).toMatchObject({ method: 'espresso', doseG: 18, yieldG: 36, grindSetting: '2.4.1' });
    expect(p.waterG).toBeNull();
    expect(p.notes).toBeNull();
  });
  it('words problems with the shared ranges', () => {
    const d = { ...draftFrom({}), doseG: '120', timeS: 'x' };
    const problems = draftProblems(d, Date.now());
    expect(problems.doseG).toBe('Dose must be at most 100');
    expect(problems.timeS).toBe('Time must be a number');
    expect(draftProblems(draftFrom({ doseG: 18 }), Date.now())).toEqual({});
  });
  it('refuses an empty draft on Grind, and takes any one measure', () => {
    const empty = draftFrom({ bagId: 'x', method: 'espresso', grinder: 'Niche', tempC: 93 });
    expect(hasMeasure(empty)).toBe(false);
    expect(draftProblems(empty, Date.now())).toEqual({ grindSetting: NOTHING_MEASURED });
    for (const one of [
      { grindSetting: '15' },
      { doseG: '18' },
      { yieldG: '36' },
      { waterG: '250' },
      { timeS: '28' },
      { notes: 'thin' },
      { taste: 'sour' as const },
      { rating: 3 },
    ]) {
      expect(draftProblems({ ...empty, ...one }, Date.now())).toEqual({});
    }
    expect(hasMeasure({ ...empty, notes: '   ' })).toBe(false);
  });
  it('names each field by its label, with its first problem', () => {
    const messages = fieldMessages([
      { field: 'roastDate', message: 'must not be in the future' },
      { field: 'roastDate', message: 'must be a date' },
      { field: 'colour', message: 'is not a field of bag' },
    ]);
    expect(messages).toEqual({
      roastDate: 'Roast date must not be in the future',
      colour: 'colour is not a field of bag',
    });
  });
});
