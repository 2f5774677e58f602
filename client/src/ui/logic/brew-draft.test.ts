import { describe, expect, it } from 'vitest';
import {
  applyKeptDraft,
  draftEdits,
  draftFrom,
  draftPatch,
  draftProblems,
  fieldMessages,
  firstBrewValues,
  hasMeasure,
  keepsSomething,
  NOTHING_MEASURED,
  parseNumber,
  readKeptDraft,
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

describe('kept drafts', () => {
  const start = draftFrom({ bagId: 'b', method: 'espresso', doseG: 18, yieldG: 36, tempC: 93 });

  it('keep only what was changed, and come back over a new start with the timer', () => {
    const now = { ...start, doseG: '18.5', taste: 'sour' as const, timerStartedAt: 1000 };
    const edits = draftEdits(start, now);
    expect(edits).toEqual({ doseG: '18.5', taste: 'sour' });
    const kept = readKeptDraft({ edits, timerStartedAt: 1000, newBagName: '', unit: 'C' });
    expect(keepsSomething(kept)).toBe(true);
    // A brew saved meanwhile changed the prefill: the untouched fields follow it.
    const newer = { ...start, yieldG: '40' };
    expect(applyKeptDraft(newer, kept, 'C')).toEqual({ ...now, yieldG: '40' });
    expect(keepsSomething(readKeptDraft({}))).toBe(false);
  });

  it('drop stored fields that no longer fit instead of breaking the form', () => {
    const kept = readKeptDraft({
      edits: { doseG: 18, method: 'siphon', taste: 'salty', rating: 4, notes: 'ok', junk: 1 },
      timerStartedAt: 'soon',
    });
    expect(kept.edits).toEqual({ rating: 4, notes: 'ok' });
    expect(kept.timerStartedAt).toBeNull();
  });

  it('show a temperature typed in °F in °C after the setting changed', () => {
    const kept = readKeptDraft({ edits: { tempC: '199.4' }, unit: 'F' });
    expect(applyKeptDraft(start, kept, 'C').tempC).toBe('93');
  });
});

describe('temperature in the device unit', () => {
  it('shows °F and stores °C', () => {
    const d = draftFrom({ tempC: 93 }, 'espresso', 'F');
    expect(d.tempC).toBe('199.4');
    expect(draftPatch(d, 'F').tempC).toBe(93);
    expect(draftPatch({ ...d, tempC: '200' }, 'F').tempC).toBe(93.33);
  });
  it('says the range in the unit typed', () => {
    const d = { ...draftFrom({ doseG: 18 }), tempC: '250' };
    expect(draftProblems(d, Date.now(), 'F').tempC).toBe(
      'Temperature must be a number from 32 to 212 °F',
    );
  });
});

describe('first-brew values', () => {
  const none = { defaultMethod: null, defaultDoseG: null, defaultYieldG: null };
  it('come from the method table', () => {
    expect(firstBrewValues('espresso', none)).toEqual({ doseG: 18, yieldG: 36 });
    expect(firstBrewValues('pour_over', none)).toEqual({ doseG: 15, waterG: 250 });
  });
  it("take the device's dose and yield for the device's method only", () => {
    const mine = { defaultMethod: 'pour_over' as const, defaultDoseG: 20, defaultYieldG: 320 };
    expect(firstBrewValues('pour_over', mine)).toEqual({ doseG: 20, waterG: 320 });
    expect(firstBrewValues('espresso', mine)).toEqual({ doseG: 18, yieldG: 36 });
    expect(firstBrewValues('espresso', { ...none, defaultDoseG: 19 })).toEqual({
      doseG: 19,
      yieldG: 36,
    });
  });
});
