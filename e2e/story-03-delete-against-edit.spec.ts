import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectServer } from './support/server-state.js';
import { goTo, pill, SYNCED, syncNowUntil } from './support/steps.js';
import { phoneAndLaptopOnOneAccount } from './support/two-devices.js';

const bagLink = (page: Page, id: string) => page.locator(`.bag-item[data-bag="${id}"]`);
const deletedList = (page: Page) => page.getByRole('region', { name: 'Deleted' });

/** What a device shows of the bag: in Bags (with its name), or only under History → Deleted. */
async function expectBagDeleted(page: Page, id: string, name: string) {
  await goTo(page, '#/bags');
  await expect(page.getByRole('heading', { name: 'Bags' })).toBeVisible();
  await expect(bagLink(page, id)).toHaveCount(0, { timeout: 1_000 });
  await goTo(page, '#/history');
  await expect(deletedList(page)).toContainText(`Bag ${name}`, { timeout: 1_000 });
}

async function expectBagListed(page: Page, id: string, name: string, roaster: string) {
  await goTo(page, '#/bags');
  await expect(bagLink(page, id)).toContainText(name, { timeout: 1_000 });
  await expect(bagLink(page, id)).toContainText(roaster);
  await goTo(page, '#/history');
  await expect(deletedList(page)).toContainText('Nothing deleted.', { timeout: 1_000 });
}

/**
 * Story 3 — delete against edit: phone A deletes a bag with no signal while laptop B renames
 * it. After syncing, both show the same thing (deleted, with B's edit kept), and A's undo
 * (Restore under History → Deleted) brings it back on B, edit included.
 */
test('story 3: a bag deleted offline on one device while edited on another ends the same on both; the undo reaches the other', async ({
  openDevice,
  server,
}) => {
  const { phone, a, b, email } = await phoneAndLaptopOnOneAccount(openDevice, 'story3', {
    notes: 'before the argument',
    bagName: 'Contested Kenya',
  });
  await goTo(a, '#/bags');
  const id = (await a.locator('.bag-item').first().getAttribute('data-bag')) ?? '';
  expect(id).not.toBe('');

  await goTo(b, '#/bags');
  await bagLink(b, id).click();
  await b.getByRole('link', { name: 'Edit' }).click();
  await expect(b.getByLabel('Name')).toHaveValue('Contested Kenya');

  // A, with no signal, deletes the bag; the app offers an undo.
  await phone.context.setOffline(true);
  await goTo(a, `#/bag/${id}`);
  await a.getByRole('button', { name: 'Delete bag', exact: true }).click();
  await expect(a).toHaveURL(/#\/bags$/);
  const toast = a.getByRole('status').filter({ hasText: 'Deleted “Contested Kenya”' });
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(bagLink(a, id)).toHaveCount(0);

  // Meanwhile B, online, renames it and names the roaster.
  await b.getByLabel('Name').fill('Contested Kenya (washed)');
  await b.getByLabel('Roaster').fill('Square Mile');
  await b.getByRole('button', { name: 'Save bag' }).click();
  await expect(b.getByRole('heading', { name: 'Contested Kenya (washed)' })).toBeVisible();
  await expectServer(server.url, email, ({ bags }) =>
    expect(bags.find((x) => x.id === id)).toMatchObject({
      name: 'Contested Kenya (washed)',
      deletedAt: null,
    }),
  );

  // Both sync: the delete and the edit touch different fields, so both hold on both devices.
  await phone.context.setOffline(false);
  await syncNowUntil(a, () => expectBagDeleted(a, id, 'Contested Kenya (washed)'));
  await syncNowUntil(b, () => expectBagDeleted(b, id, 'Contested Kenya (washed)'));
  const { bags } = await expectServer(server.url, email, ({ bags }) =>
    expect(bags.find((x) => x.id === id)?.deletedAt).not.toBeNull(),
  );
  expect(bags.find((x) => x.id === id)).toMatchObject({
    name: 'Contested Kenya (washed)',
    roaster: 'Square Mile',
  });

  // A takes the delete back; B gets the bag again, with its own edit.
  await goTo(a, '#/history');
  await deletedList(a).getByRole('button', { name: 'Restore' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
  await expectBagListed(a, id, 'Contested Kenya (washed)', 'Square Mile');
  await syncNowUntil(b, () => expectBagListed(b, id, 'Contested Kenya (washed)', 'Square Mile'));
  await expectServer(server.url, email, ({ bags }) =>
    expect(bags.find((x) => x.id === id)).toMatchObject({
      name: 'Contested Kenya (washed)',
      roaster: 'Square Mile',
      deletedAt: null,
    }),
  );
  await expect(pill(a)).toHaveText(SYNCED);
});
