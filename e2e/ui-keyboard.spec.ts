import { LAPTOP } from './support/device.js';
import { expect, test } from './support/fixtures.js';

/** Everything reachable and operable without a pointer. */
test('logs a brew and opens it again with the keyboard alone', async ({ openDevice }) => {
  const { page } = await openDevice(LAPTOP);
  await page.goto('/');
  await expect(page.getByText('No brews yet')).toBeVisible();

  // Tab from the top of the page to the Log tab.
  const log = page.getByRole('link', { name: 'Log', exact: true });
  for (let i = 0; i < 10 && !(await log.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(log).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Log a brew' })).toBeVisible();

  await page.keyboard.press('Tab');
  const name = page.getByLabel('Coffee (a new bag)');
  for (let i = 0; i < 10 && !(await name.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('Keyboard Kenya');
  await page.keyboard.press('Tab'); // method
  await page.keyboard.press('Tab'); // brewer
  await page.keyboard.press('Tab'); // grinder
  await page.keyboard.press('Tab'); // grind finer
  await page.keyboard.press('Tab'); // grind value
  await page.keyboard.type('15');
  await page.keyboard.press('Tab'); // grind coarser
  await expect(page.getByRole('button', { name: 'Grind coarser' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('16');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Grind', { exact: true })).toHaveValue('17');

  // Enter in a text field submits the form.
  await page.getByLabel('Grind', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.brew-item')).toHaveCount(1);
  await expect(page.locator('.brew-item')).toContainText('grind 17');

  // The brew opens from the list by keyboard.
  await page.locator('.brew-link').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit brew' })).toBeVisible();
  // Focus moved to the screen, so a screen reader starts at the new content.
  await expect(page.locator('#main')).toBeFocused();
});
