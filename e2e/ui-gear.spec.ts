import { uniqueEmail } from './support/api.js';
import { expectAccessible } from './support/axe.js';
import { LAPTOP, PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { signUpThroughUi } from './support/pwa-ui.js';
import { goTo, logInThroughUi, pill, SYNCED, syncNowUntil } from './support/steps.js';
import { press } from './support/ui.js';

/**
 * Gear syncs: a grinder with a numeric scale (step 0.5) added on the phone reaches the laptop
 * of the same account, and there its scale drives Log a brew's Finer.
 */
test('a grinder added on the phone appears on the laptop, and its step drives Finer there', async ({
  openDevice,
}) => {
  const [{ page: a }, { page: b }] = await Promise.all([openDevice(PHONE), openDevice(LAPTOP)]);
  const email = uniqueEmail('gear');
  await signUpThroughUi(a, email);

  // Phone: Settings → Gear → Add grinder (3 taps), name, scale, step, Save.
  await goTo(a, '#/settings');
  await press(a, a.getByRole('link', { name: /^Grinders \(0\)/ }));
  await press(a, a.getByRole('link', { name: '+ Add grinder' }));
  await a.getByLabel('Name').fill('Niche Zero');
  await a.getByLabel('Scale').selectOption('numeric');
  await a.getByLabel('Step (one click)').fill('0.5');
  await press(a, a.getByRole('button', { name: 'Save' }));
  await expect(a.locator('.bag-item', { hasText: 'Niche Zero' })).toContainText('Steps of 0.5');
  await expectAccessible(a, 'gear');
  // Pushed: nothing pending.
  await expect(pill(a)).toHaveText(SYNCED, { timeout: 30_000 });

  // Laptop: logging in pulls the grinder (Sync now again should the push have been late);
  // Log a brew offers it, and Finer steps by 0.5.
  await b.goto('/');
  await logInThroughUi(b, email);
  const picker = b.getByLabel('Grinder', { exact: true });
  await syncNowUntil(b, async () => {
    await goTo(b, '#/log');
    await expect(picker.locator('option', { hasText: 'Niche Zero' })).toHaveCount(1, {
      timeout: 1_000,
    });
  });
  await picker.selectOption({ label: 'Niche Zero' });
  const grind = b.getByLabel('Grind', { exact: true });
  await grind.fill('15');
  await press(b, b.getByRole('button', { name: 'Grind finer' }));
  await expect(grind).toHaveValue('14.5');
  await press(b, b.getByRole('button', { name: 'Grind finer' }));
  await expect(grind).toHaveValue('14.0');
  await expectAccessible(b, 'log with gear');
});
