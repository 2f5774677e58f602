import { readFile } from 'node:fs/promises';
import { LAPTOP, PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { exportThroughUi, importThroughUi, press, sampleExport, valuesOf } from './support/ui.js';

for (const [label, options] of [
  ['phone', PHONE],
  ['laptop', LAPTOP],
] as const) {
  test(`export, then import into a fresh profile, gives identical data (${label})`, async ({
    openDevice,
  }) => {
    const a = await openDevice(options);
    await importThroughUi(a.page, sampleExport({ brews: 12 }));
    // Some data made through the UI too: a new brew, and a deleted one (a tombstone).
    await a.page.goto('/#/log');
    await a.page.getByLabel('Grind', { exact: true }).fill('1.9.2');
    await press(a.page, a.page.getByRole('button', { name: 'Bitter' }));
    await press(a.page, a.page.getByTestId('save-brew'));
    await expect(a.page.locator('.brew-item')).toHaveCount(13);
    await press(a.page, a.page.locator('.brew-link').nth(3));
    await press(a.page, a.page.getByRole('button', { name: 'Delete brew' }));
    await expect(a.page.locator('.brew-item')).toHaveCount(12);

    const fromA = await exportThroughUi(a.page);
    expect(fromA.bags).toHaveLength(3);
    expect(fromA.brews).toHaveLength(13);
    expect(fromA.brews.filter((b) => b.deletedAt !== null)).toHaveLength(1);

    const b = await openDevice(options);
    await importThroughUi(b.page, fromA);
    await expect(b.page.getByTestId('data-message')).toContainText('16 new');
    const fromB = await exportThroughUi(b.page);
    expect(valuesOf(fromB)).toEqual(valuesOf(fromA));

    // The same file again: it merges, so nothing is added or changed.
    await importThroughUi(b.page, fromA);
    await expect(b.page.getByTestId('data-message')).toContainText(
      '0 new, 0 updated, 16 already here',
    );
    expect(valuesOf(await exportThroughUi(b.page))).toEqual(valuesOf(fromA));
    await b.page.goto('/#/');
    await expect(b.page.locator('.brew-item')).toHaveCount(12);

    // Brews as CSV: a header and one line per live brew.
    await b.page.goto('/#/settings');
    const [download] = await Promise.all([
      b.page.waitForEvent('download'),
      b.page.getByRole('button', { name: 'Export brews CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^brewedAt,coffee,roaster,method,/);
    expect(lines).toHaveLength(13);
    expect(csv).toContain('1.9.2');
  });
}

test('an import that is not a Dial-in export is refused with a reason', async ({ device }) => {
  const { page } = device;
  await page.goto('/#/settings');
  await page.locator('#import-file').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(page.getByTestId('data-message')).toHaveText('This is not a Dial-in export.');
});

test('the ZIP export downloads and imports again with nothing changed', async ({ device }) => {
  const { page } = device;
  await importThroughUi(page, sampleExport({ brews: 8 }));
  await page.goto('/#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export ZIP' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^dial-in-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByTestId('export-message')).toHaveText('Exported 3 bags and 8 brews.');
  const before = valuesOf(await exportThroughUi(page));

  await page.locator('#import-file').setInputFiles(await download.path());
  await expect(page.getByTestId('data-message')).toHaveText(
    'Imported: 0 new, 0 updated, 11 already here.',
  );
  expect(valuesOf(await exportThroughUi(page))).toEqual(before);
});
