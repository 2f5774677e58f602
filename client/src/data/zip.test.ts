import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isZip, textOf, unzipFiles, zipTexts } from './zip.js';

describe('zip', () => {
  it('round-trips text files and tells a ZIP from JSON', async () => {
    const zip = await zipTexts({ 'a.json': '{"é": 1}', 'b.csv': 'x,y\r\n' });
    expect(isZip(zip)).toBe(true);
    expect(isZip(strToU8('{"BEANS": []}'))).toBe(false);
    const files = await unzipFiles(zip);
    expect([...files.keys()].sort()).toEqual(['a.json', 'b.csv']);
    expect(textOf(files.get('a.json') as Uint8Array)).toBe('{"é": 1}');
  });

  it('refuses a damaged archive and one that unpacks past the cap, with a sentence', async () => {
    const zip = await zipTexts({ 'a.json': 'x'.repeat(1000) });
    await expect(unzipFiles(zip.slice(0, 40))).rejects.toThrow('This ZIP file is damaged');
    // Highly compressible: a small file that would unpack to more than the cap.
    const cap = 4 * 1024 * 1024;
    const bomb = zipSync({ 'a.txt': new Uint8Array(cap / 2), 'b.txt': new Uint8Array(cap) });
    expect(bomb.length).toBeLessThan(50_000);
    await expect(unzipFiles(bomb, cap)).rejects.toThrow('unpacks to more than 4 MB');
    expect((await unzipFiles(bomb, 2 * cap)).get('b.txt')?.length).toBe(cap);
  });
});
