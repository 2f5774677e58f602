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

  it('lets optional fields be cleared with null', () => {
    expect(checkValue({ kind: 'number', min: 1, max: 2 }, null, NOW)).toBeNull();
  });
});
