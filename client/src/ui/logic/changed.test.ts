import { describe, expect, it } from 'vitest';
import { changedFields } from './changed.js';

describe('changedFields', () => {
  it('keeps only the fields edited since the form opened', () => {
    const opened = { notes: 'a', rating: null, grindSetting: '2.4' };
    const now = { notes: 'b', rating: null, grindSetting: '2.4', doseG: 18 };
    expect(changedFields(now, opened)).toEqual({ notes: 'b', doseG: 18 });
  });
});
