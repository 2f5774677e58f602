import { TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { goTo, pill, SYNCED } from './support/steps.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/** Deleting the account from the Account screen: confirmed with the password, then gone. */

test('delete the account: the password confirms, the device is emptied, log-in is shown', async ({
  device,
  api,
}) => {
  const { page } = device;
  await importThroughUi(page, sampleExport({ brews: 3, oneBagEspresso: true }));
  const email = uniqueEmail('delete');
  await goTo(page, '#/account');
  await page.locator('#a-email').fill(email);
  await page.locator('#a-password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(pill(page)).toHaveText(SYNCED);
  await api.login(email);
  expect((await api.pullAll()).brews).toHaveLength(3);

  await page.getByRole('button', { name: 'Delete account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  // A wrong password deletes nothing and says so.
  await dialog.getByLabel('Password').fill('not my password');
  await dialog.getByRole('button', { name: 'Delete forever' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Wrong password.');
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();

  await dialog.getByLabel('Password').fill(TEST_PASSWORD);
  await dialog.getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await expect(pill(page)).toHaveText('Local only');
  await expect(page.getByText('Account deleted; this device is empty')).toBeVisible();

  // The device holds nothing: no brews on Today, no rows in IndexedDB.
  await goTo(page, '#/');
  await expect(page.locator('.brew-item')).toHaveCount(0);
  const stored = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    let rows = 0;
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const table of ['bags', 'brews', 'outbox']) {
        if (!db.objectStoreNames.contains(table)) continue;
        rows += await new Promise<number>((resolve) => {
          const count = db.transaction(table).objectStore(table).count();
          count.onsuccess = () => resolve(count.result);
        });
      }
      db.close();
    }
    return rows;
  });
  expect(stored).toBe(0);
  // The server holds nothing either: the session is gone and the password signs nobody in.
  await expect(api.pullAll()).rejects.toThrow();
  await expect(api.login(email)).rejects.toThrow();
});
