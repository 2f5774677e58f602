import { describe, expect, it } from 'vitest';
import { checkValue, validatePatch } from './validate.js';

const NOW = Date.UTC(2026, 10, 26, 12);

describe('validatePatch', () => {
  it('accepts a complete, valid brew', () => {
    expect(
      validatePatch(
        'brew',
        {
          bagId: '7f2c1a8e-1c1d-4f5e-9a6b-2d3c4b5a6f70',
          method: 'espresso',
          grindSetting: '2.4.1',
          doseG: 18,
          yieldG: 36,
          timeS: 28,
          tempC: 93,
          taste: 'balanced',
          rating: 4.5,
          brewedAt: '2026-11-26T09:10:00.000Z',
          deletedAt: null,
        },
        NOW,
        { creating: true },
      ),
    ).toEqual([]);
  });

  it.each([
    ['bag', { name: '' }, 'name', 'must not be empty'],
    ['bag', { name: 'x'.repeat(121) }, 'name', 'at most 120'],
    ['bag', { name: null }, 'name', 'is required'],
    ['bag', { roaster: 'x'.repeat(81) }, 'roaster', 'at most 80'],
    ['bag', { roastLevel: 'burnt' }, 'roastLevel', 'one of light'],
    ['bag', { roastDate: '2026-02-30' }, 'roastDate', 'YYYY-MM-DD'],
    ['bag', { roastDate: '2027-01-01' }, 'roastDate', 'future'],
    ['bag', { weightG: 5001 }, 'weightG', 'at most 5000'],
    ['bag', { archived: 'yes' }, 'archived', 'true or false'],
    ['bag', { colour: 'red' }, 'colour', 'not a field of bag'],
    ['brew', { bagId: 'not-a-uuid' }, 'bagId', 'id of a bag'],
    ['brew', { method: 'french' }, 'method', 'one of espresso'],
    ['brew', { doseG: 0 }, 'doseG', 'at least 0.1'],
    ['brew', { doseG: '18' }, 'doseG', 'must be a number'],
    ['brew', { doseG: Number.NaN }, 'doseG', 'must be a number'],
    ['brew', { rating: 4.3 }, 'rating', 'multiple of 0.5'],
    ['brew', { rating: 5.5 }, 'rating', 'at most 5'],
    ['brew', { grindSetting: 'x'.repeat(33) }, 'grindSetting', 'at most 32'],
    ['brew', { brewedAt: 'yesterday' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { brewedAt: '2025-02-30T10:00:00Z' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { brewedAt: '2025-02-29T10:00:00Z' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { brewedAt: '2025-04-31T10:00+02:00' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { brewedAt: '2025-01-01T24:00:00Z' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { brewedAt: '2025-01-01T10:60:00Z' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { brewedAt: '2025-01-01T10:00:60Z' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { brewedAt: '2025-01-01T10:00:00+24:00' }, 'brewedAt', 'ISO timestamp'],
    ['brew', { bagId: 'urn:uuid:0b6f2a4e-3c1d-4e5f-8a9b-1c2d3e4f5a6b' }, 'bagId', 'id of a bag'],
    ['brew', { bagId: '0B6F2A4E-3C1D-4E5F-8A9B-1C2D3E4F5A6B' }, 'bagId', 'id of a bag'],
  ] as const)('%s %j → %s %s', (entity, patch, field, message) => {
    const problems = validatePatch(entity, patch, NOW);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toContain(message);
  });

  it('requires required fields only when creating', () => {
    expect(validatePatch('brew', { doseG: 18 }, NOW)).toEqual([]);
    expect(validatePatch('brew', { doseG: 18 }, NOW, { creating: true })).toEqual([
      { field: 'bagId', message: 'is required' },
    ]);
  });

  it('accepts timestamps that exist, leap days included', () => {
    const spec = { kind: 'timestamp' } as const;
    for (const value of [
      '2024-02-29T23:59:59.999Z',
      '2025-12-31T00:00+05:30',
      '2025-06-01T12:00:00-11:00',
    ]) {
      expect(checkValue(spec, value, NOW), value).toBeNull();
    }
  });

  it('lets optional fields be cleared with null', () => {
    expect(checkValue({ kind: 'number', min: 1, max: 2 }, null, NOW)).toBeNull();
  });
});
