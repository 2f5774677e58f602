import { expect, test } from './support/fixtures.js';

/**
 * An `indexedDB.open` that never answers (WebKit after its storage process was lost, another
 * tab blocking an upgrade) must not leave empty screens without a word: the app says so, and
 * the banner goes once the database opens. Here every open of the page never answers.
 */
test('a database that does not open says so within a few seconds', async ({ device }) => {
  const { page } = device;
  await page.addInitScript(() => {
    // A request that never answers: no success, no error, no upgrade, no blocked.
    IDBFactory.prototype.open = () => new EventTarget() as IDBOpenDBRequest;
  });
  await page.goto('/');
  const banner = page.getByTestId('storage-problem');
  await expect(banner).toContainText('Your brews can’t be opened yet', { timeout: 10_000 });
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
});
