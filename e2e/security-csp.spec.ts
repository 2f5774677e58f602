import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures.js';
import { logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';

/**
 * The app runs under the server's Content-Security-Policy: signing up, logging a brew,
 * syncing it, the service worker taking over and a reload raise no violation (a
 * `securitypolicyviolation` event on any page, or a CSP console error).
 */
test('the whole app runs under the CSP with no violation reported', async ({ device }) => {
  const { page, context, consoleErrors } = device;
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  const shell = await page.goto('/');
  const csp = shell?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('link', { name: 'Log your first brew' })).toBeVisible();

  await signUpThroughUi(page, `csp-${randomUUID()}@example.com`);
  await logBrewThroughUi(page, 'under a strict policy');
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await violations()).toEqual([]);

  // Reloaded: now served through the service worker, which keeps the server's headers.
  await page.reload();
  await expect(page.locator('.brew-item')).toHaveCount(1);
  for (const hash of ['#/account', '#/log', '#/']) {
    await page.evaluate((target) => {
      location.hash = target;
    }, hash);
    await page.waitForTimeout(200);
  }
  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
