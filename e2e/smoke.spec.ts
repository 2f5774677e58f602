import { expect, test } from './support/fixtures.js';

test('the built app loads on a phone without console errors', async ({ device }, testInfo) => {
  const { page, consoleErrors } = device;
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Dial-in/);
  // The tab bar is the app's own render: the page ran its script, not only index.html.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: testInfo.outputPath('phone.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('/api/health reports the database answering and the migration level', async ({ api }) => {
  const health = await api.health();
  expect(health.status).toBe('ok');
  expect(health.database).toBe(true);
  expect(health.migration).toEqual(expect.any(String));
});
