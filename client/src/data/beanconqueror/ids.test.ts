import { describe, expect, it } from 'vitest';
import { isUuid } from '../../../../shared/model/validate.js';
import { importedId } from './ids.js';

describe('importedId', () => {
  it('is a valid id, the same for the same uuid, and different per uuid and kind', async () => {
    const a = await importedId('brew', '5f1c7c1e-0000-4000-8000-000000000001');
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('8');
    expect(['8', '9', 'a', 'b']).toContain(a[19]);
    expect(await importedId('brew', '5f1c7c1e-0000-4000-8000-000000000001')).toBe(a);
    expect(await importedId('bean', '5f1c7c1e-0000-4000-8000-000000000001')).not.toBe(a);
    expect(await importedId('brew', '5f1c7c1e-0000-4000-8000-000000000002')).not.toBe(a);
  });
});
