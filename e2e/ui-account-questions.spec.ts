import type { Page } from '@playwright/test';
import { TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { press } from './support/ui.js';

/** What the account screen asks, and when: after the password is checked, and before a logout. */

async function logOneBrew(page: Page) {
  await page.goto('/#/log');
  await page.getByLabel('Coffee (a new bag)').fill('Guji Hambela');
  await page.getByLabel('Dose (g)').fill('18');
  await press(page, page.getByTestId('save-brew'));
  await expect(page.locator('.brew-item')).toHaveCount(1);
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await press(page, page.locator('form').getByRole('button', { name: 'Log in' }));
}

test('log in checks the password before asking about the device brews', async ({ device, api }) => {
  const email = uniqueEmail('ask');
  await api.signup(email);
  const { page } = device;
  await logOneBrew(page);
  await page.goto('/#/account');
  await press(page, page.getByRole('button', { name: 'Log in', exact: true }));
  await logIn(page, email, `${TEST_PASSWORD}-wrong`);
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  const dialog = page.getByRole('dialog', { name: "Keep this device's brews?" });
  await expect(dialog).toHaveCount(0);

  await logIn(page, email, TEST_PASSWORD);
  await expect(dialog).toContainText('This device has 1 bag and 1 brew that are not in an');
  // Asked, not yet answered: nothing of this device has reached the account.
  expect((await api.pullAll()).brews).toHaveLength(0);
  await press(page, dialog.getByRole('button', { name: 'Add to my account' }));
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(page.locator('.sync-pill')).toHaveText(/^Synced [^·]*$/);
  expect((await api.pullAll()).brews).toHaveLength(1);
});

test('cancelling the question about the device brews ends the session the password opened', async ({
  device,
  api,
}) => {
  const email = uniqueEmail('cancel');
  await api.signup(email);
  const { page } = device;
  await logOneBrew(page);
  await page.goto('/#/account');
  await press(page, page.getByRole('button', { name: 'Log in', exact: true }));
  await logIn(page, email, TEST_PASSWORD);
  const dialog = page.getByRole('dialog', { name: "Keep this device's brews?" });
  await expect(dialog).toBeVisible();
  // The password check opened a session for this browser.
  expect((await page.request.get('/api/auth/me')).status()).toBe(200);

  await press(page, dialog.getByRole('button', { name: 'Cancel' }));
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await page.request.get('/api/auth/me')).status()).toBe(401);
  // Still anonymous, with the brew, and the account got nothing.
  await expect(page.locator('form').getByRole('button', { name: 'Log in' })).toBeVisible();
  expect((await api.pullAll()).brews).toHaveLength(0);
  await page.goto('/#/today');
  await expect(page.locator('.brew-item')).toHaveCount(1);
});

test('logging out of a synced account asks once, and Stay signed in keeps everything', async ({
  device,
}) => {
  const { page } = device;
  await logOneBrew(page);
  await page.goto('/#/account');
  await page.getByLabel('Email').fill(uniqueEmail('bye'));
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await press(page, page.getByRole('button', { name: 'Create account' }));
  await expect(page.locator('.sync-pill')).toHaveText(/^Synced [^·]*$/);

  await press(page, page.getByRole('button', { name: 'Log out' }));
  const dialog = page.getByRole('dialog', { name: 'Log out of this device?' });
  await expect(dialog).toContainText(
    'Your 1 brew is safe in your account. This device will be emptied.',
  );
  await press(page, dialog.getByRole('button', { name: 'Stay signed in' }));
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await page.goto('/#/');
  await expect(page.locator('.brew-item')).toHaveCount(1);

  await page.goto('/#/account');
  await press(page, page.getByRole('button', { name: 'Log out' }));
  await press(page, dialog.getByRole('button', { name: 'Log out' }));
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.goto('/#/');
  await expect(page.getByText('No brews yet')).toBeVisible();
});
