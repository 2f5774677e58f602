import type { Page } from '@playwright/test';
import { newApiClient, TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/** Account flows as a person sees them: the pill, the dialogs, the rejected list. */

const pill = (page: Page) => page.locator('.sync-pill');
/** Synced, with nothing pending or rejected. */
const SYNCED = /^Synced [^·]*$/;

async function signUp(page: Page, email: string) {
  await page.goto('/#/account');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(pill(page)).toHaveText(SYNCED);
}

async function repeatNewest(page: Page) {
  await page.goto('/#/');
  await page
    .locator('.brew-item')
    .first()
    .getByRole('link', { name: /^Repeat/ })
    .click();
  await page.getByRole('button', { name: 'Grind finer' }).click();
  await page.getByTestId('save-brew').click();
  await expect(page).toHaveURL(/#\/\?saved=/);
}

test('sign up syncs; a refused change can be retried, or edited and retried', async ({
  device,
  api,
}) => {
  const { page } = device;
  await importThroughUi(page, sampleExport({ brews: 3, oneBagEspresso: true }));
  const email = uniqueEmail('ui');
  await signUp(page, email);

  await api.failNextPush(400);
  await repeatNewest(page);
  await expect(pill(page)).toContainText('1 rejected');
  await expect(page.locator('.brew-item').first()).toContainText('Rejected by server');
  await page.goto('/#/account');
  const refused = page.getByTestId('rejected');
  await expect(refused).toContainText('Refused by the server (1)');
  await refused.getByRole('button', { name: 'Retry' }).click();
  await expect(refused).toHaveCount(0);
  await expect(pill(page)).toHaveText(SYNCED);

  await api.failNextPush(400);
  await repeatNewest(page);
  await page.goto('/#/account');
  await page.getByRole('link', { name: 'Edit and retry' }).click();
  await expect(page.getByRole('alert')).toContainText('The server refused this change');
  await page.getByLabel('Grind', { exact: true }).fill('9.9.9');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.brew-item').first()).toContainText('grind 9.9.9');

  // The server gets the edited brew (the refused version was never written there).
  const server = await newApiClient(api.baseURL);
  await server.login(email);
  await expect
    .poll(async () => (await server.pullAll()).brews.map((b) => b.grindSetting).sort())
    .toEqual(['2.4.0', '2.4.0', '2.5.1', '2.6.2', '9.9.9']);
  await expect(pill(page)).toHaveText(SYNCED);
  await server.dispose();
});

test('log out with unsynced changes asks first: stay, or discard and sign out', async ({
  device,
}) => {
  const { page, context } = device;
  await importThroughUi(page, sampleExport({ brews: 2, oneBagEspresso: true }));
  await signUp(page, uniqueEmail('ui'));
  await context.setOffline(true);
  await repeatNewest(page);
  await expect(pill(page)).toContainText('Offline · 1 pending');
  await expect(page.locator('[data-unsynced="true"]')).toHaveCount(1);

  await page.goto('/#/account');
  await page.getByRole('button', { name: 'Log out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsynced changes' });
  await expect(dialog).toContainText("1 change hasn't reached the server");
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await dialog.getByRole('button', { name: 'Discard and sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await expect(pill(page)).toHaveText('Local only');
  await page.goto('/#/');
  await expect(page.getByText('No brews yet')).toBeVisible();
});

test('logging in on a device with local brews offers merge or discard', async ({ device, api }) => {
  const email = uniqueEmail('ui');
  await api.signup(email);
  const { page } = device;
  await importThroughUi(page, sampleExport({ brews: 4, oneBagEspresso: true }));
  await page.goto('/#/account');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.locator('form').getByRole('button', { name: 'Log in' }).click();
  const dialog = page.getByRole('dialog', { name: "Keep this device's brews?" });
  await expect(dialog).toContainText('3 bags and 4 brews');
  await dialog.getByRole('button', { name: 'Add to my account' }).click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(pill(page)).toHaveText(SYNCED);
  const { brews } = await api.pullAll();
  expect(brews).toHaveLength(4);
});

test('signed out on the server: local changes stay, and log in sends them', async ({
  device,
  api,
}) => {
  const { page } = device;
  await importThroughUi(page, sampleExport({ brews: 2, oneBagEspresso: true }));
  const email = uniqueEmail('ui');
  await signUp(page, email);
  await api.revokeSessions(email);
  await repeatNewest(page);
  await expect(page.getByRole('alert')).toContainText('Signed out on the server');
  await expect(page.locator('.brew-item')).toHaveCount(3);
  await page.getByRole('link', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('You were signed out on the server');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.locator('form').getByRole('button', { name: 'Log in' }).click();
  await expect(pill(page)).toHaveText(SYNCED);
  await api.login(email);
  expect((await api.pullAll()).brews).toHaveLength(3);
});
