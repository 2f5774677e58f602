import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  it('neutralises formulas in text but not numbers', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-bitter')).toBe("'-bitter");
    expect(csvField(-1)).toBe('-1');
  });
  it('writes empty fields for null and CRLF rows', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, null],
          ['x', true],
        ],
      ),
    ).toBe('a,b\r\n1,\r\nx,true\r\n');
  });
});
