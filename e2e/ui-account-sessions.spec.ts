import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { TEST_PASSWORD, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { goTo, logInThroughUi } from './support/steps.js';

/** The Account screen's devices and password, as a person uses them on a phone. */

async function expectAccessible(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

async function expectTouchSized(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
}

test('the Account screen lists the devices and signs out everywhere else', async ({
  device,
  api,
}) => {
  const { page } = device;
  const email = uniqueEmail('sessions');
  await api.signup(email);
  await page.goto('/#/account');
  await logInThroughUi(page, email);

  const devices = page.getByRole('region', { name: 'Signed-in devices' });
  const rows = devices.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(/Chrome on \w+ · this device/);
  await expect(rows.first()).toContainText('last seen just now');
  await expectTouchSized(rows.first().getByRole('button', { name: 'Sign out this device' }));
  const everywhere = devices.getByRole('button', { name: 'Sign out everywhere else' });
  await expectTouchSized(everywhere);
  await expectAccessible(page, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'dark');

  await everywhere.click();
  await expect(rows).toHaveCount(1);
  await expect(everywhere).toHaveCount(0);
  // The other session (the API client's) is gone; this device still syncs.
  await expect(api.me()).rejects.toThrow();
  await goTo(page, '#/account');
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();

  // "Sign out this device" is the log-out, with its one question.
  await rows.first().getByRole('button', { name: 'Sign out this device' }).click();
  await expect(page.getByRole('dialog', { name: 'Log out of this device?' })).toBeVisible();
});

test('changing the password needs the current one, and says what is wrong', async ({
  device,
  api,
}) => {
  const { page } = device;
  const email = uniqueEmail('password');
  await api.signup(email);
  await page.goto('/#/account');
  await logInThroughUi(page, email);

  const card = page.getByRole('region', { name: 'Change password' });
  await card.getByLabel('Current password').fill('not my password');
  await card.getByLabel('New password').fill('a brand new espresso phrase');
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(card.getByRole('alert')).toHaveText('The current password is wrong.');

  await card.getByLabel('Current password').fill(TEST_PASSWORD);
  await card.getByLabel('New password').fill('short');
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(card.getByRole('alert')).toContainText('at least');

  await card.getByLabel('New password').fill('a brand new espresso phrase');
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed; 1 other device signed out')).toBeVisible();
  await expect(card.getByRole('alert')).toHaveCount(0);
  // The API client's session ended; the new password signs in, the old one does not.
  await expect(api.me()).rejects.toThrow();
  await expect(api.login(email)).rejects.toThrow();
  await api.login(email, 'a brand new espresso phrase');
});

test('a log-out the server fails empties the device, says so, and ends the session later', async ({
  device,
  server,
}) => {
  const { page, context } = device;
  const email = uniqueEmail('retry');
  await page.goto('/#/account');
  await page.locator('#a-email').fill(email);
  await page.locator('#a-password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name === 'dialin_session');
  const stillSignedIn = async () => {
    const response = await fetch(new URL('/api/auth/me', server.url), {
      headers: { cookie: `dialin_session=${session?.value ?? ''}` },
    });
    return response.status === 200;
  };

  // The server answers every log-out 503 (the worker's fetch goes through this route too).
  await context.route('**/api/auth/logout', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: '{}' }),
  );
  await page.getByRole('button', { name: 'Log out' }).click();
  await page
    .getByRole('dialog', { name: 'Log out of this device?' })
    .getByRole('button', { name: 'Log out' })
    .click();
  await expect(
    page.getByText(
      "Signed out on this device; we'll finish signing out on the server when it answers",
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  expect(await stillSignedIn()).toBe(true);

  // The server answers again: the retry (the page's, or the worker's replay) ends the session.
  await context.unroute('**/api/auth/logout');
  await expect.poll(stillSignedIn, { timeout: 30_000 }).toBe(false);
});
