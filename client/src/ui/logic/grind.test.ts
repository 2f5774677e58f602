import { describe, expect, it } from 'vitest';
import {
  compareGrind,
  grindStepping,
  STEPLESS_STEP,
  stepGrind,
  stepGrindBy,
  whyGrindCannotStep,
} from './grind.js';

describe('stepGrind', () => {
  it('steps the last part of a multi-part setting', () => {
    expect(stepGrind('2.4.1', 1)).toBe('2.4.2');
    expect(stepGrind('2.4.1', -1)).toBe('2.4.0');
  });
  it('steps plain numbers and keeps zero padding and suffixes', () => {
    expect(stepGrind('15', -1)).toBe('14');
    expect(stepGrind('09', 1)).toBe('10');
    expect(stepGrind('3.05', 1)).toBe('3.06');
    expect(stepGrind('12 clicks', 2)).toBe('14 clicks');
  });
  it('never goes below zero and leaves an empty setting empty, saying why', () => {
    expect(stepGrind('2.4.0', -1)).toBe('2.4.0');
    expect(stepGrind('', 1)).toBe('');
    expect(stepGrind('', -1)).toBe('');
    expect(whyGrindCannotStep('')).toMatch(/nothing to step/);
    expect(whyGrindCannotStep('fine')).toMatch(/no number/);
    expect(whyGrindCannotStep('2.4.1')).toBeNull();
  });
  it('leaves text without digits alone', () => {
    expect(stepGrind('fine', 1)).toBe('fine');
  });
});

describe('compareGrind', () => {
  it('orders part by part, not as text', () => {
    const sorted = ['2.10', '2.9', '2.4.1', '2.4', '10', '2.5'].sort(compareGrind);
    expect(sorted).toEqual(['2.4', '2.4.1', '2.5', '2.9', '2.10', '10']);
  });
  it('puts settings without digits first', () => {
    expect(['3', 'fine'].sort(compareGrind)).toEqual(['fine', '3']);
  });
});

describe('stepping by the grinder’s scale', () => {
  const numeric = (scaleStep: number) => grindStepping({ scaleKind: 'numeric', scaleStep });

  it('moves a numeric dial by its step, with the step’s decimals, never below 0', () => {
    expect(stepGrindBy('15', -1, numeric(0.5))).toEqual({ setting: '14.5' });
    expect(stepGrindBy('14.5', 1, numeric(0.5))).toEqual({ setting: '15.0' });
    expect(stepGrindBy('3,5', -1, numeric(0.1))).toEqual({ setting: '3.4' });
    expect(stepGrindBy('12', 1, numeric(1))).toEqual({ setting: '13' });
    expect(stepGrindBy('0.2', -1, numeric(0.5))).toEqual({ setting: '0.0' });
    // Ten taps of 0.1 land on the whole number, not on 2.9999999999999996.
    let setting = '2';
    for (let i = 0; i < 10; i++) {
      const next = stepGrindBy(setting, 1, numeric(0.1));
      if ('setting' in next) setting = next.setting;
    }
    expect(setting).toBe('3.0');
  });

  it('moves a stepless grinder by a tenth', () => {
    const stepless = grindStepping({ scaleKind: 'stepless', scaleStep: null });
    expect(stepless).toEqual({ kind: 'step', step: STEPLESS_STEP });
    expect(stepGrindBy('4', -1, stepless)).toEqual({ setting: '3.9' });
  });

  it('steps the last number as before without a grinder or a scale', () => {
    expect(grindStepping(undefined)).toEqual({ kind: 'digits' });
    expect(grindStepping({ scaleKind: null, scaleStep: 0.5 })).toEqual({ kind: 'digits' });
    expect(grindStepping({ scaleKind: 'numeric', scaleStep: null })).toEqual({ kind: 'digits' });
    expect(stepGrindBy('2.4.1', 1, { kind: 'digits' })).toEqual({ setting: '2.4.2' });
  });

  it('says why it did not move: nothing typed, a dial that is no number, a text scale', () => {
    expect(stepGrindBy('', -1, numeric(0.5))).toEqual({
      why: expect.stringMatching(/nothing to step/),
    });
    expect(stepGrindBy('2.4.1', -1, numeric(0.5))).toEqual({
      why: 'This grinder steps by 0.5: type the setting as one number.',
    });
    const text = grindStepping({ scaleKind: 'text', scaleStep: null });
    expect(stepGrindBy('15', -1, text)).toEqual({ why: expect.stringMatching(/typed/) });
  });
});
