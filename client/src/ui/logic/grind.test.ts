import { describe, expect, it } from 'vitest';
import { compareGrind, stepGrind, whyGrindCannotStep } from './grind.js';

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
