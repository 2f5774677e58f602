import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { Hlc } from '../shared/hlc.js';
import { PROTOCOL_VERSION } from '../shared/protocol/version.js';
import { newApiClient, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { expectAllSynced, goTo, openBrew, syncNowUntil } from './support/steps.js';

/** History rows name the brew and its time; each brew and bag screen opens its own history. */

async function setGrind(page: Page, id: string, grind: string) {
  await openBrew(page, id);
  await page.getByLabel('Grind', { exact: true }).fill(grind);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Brews' })).toBeVisible();
}

test('a value another device overwrote says which brew, when, and what changed', async ({
  device,
  server,
}) => {
  const { page, context } = device;
  const email = uniqueEmail('history');
  await signUpThroughUi(page, email);
  const id = await logBrewThroughUi(page, 'the one', 'Guji');
  const other = await logBrewThroughUi(page, 'another of the bag');
  await expectAllSynced(page);

  // This phone writes 15 offline; another device writes 16 later, and that is what wins.
  await context.setOffline(true);
  await setGrind(page, id, '15');
  await setGrind(page, other, '9');
  const laptop = await newApiClient(server.url);
  const { account } = await laptop.login(email);
  const clock = new Hlc('laptop');
  await laptop.push({
    accountId: account.id,
    deviceId: 'laptop',
    schemaVersion: PROTOCOL_VERSION,
    mutations: [
      {
        id: randomUUID(),
        entity: 'brew',
        rowId: id,
        hlc: clock.now(),
        patch: { grindSetting: '16' },
      },
      {
        id: randomUUID(),
        entity: 'brew',
        rowId: other,
        hlc: clock.now(),
        patch: { grindSetting: '10' },
      },
    ],
  });
  await laptop.dispose();
  await context.setOffline(false);
  await syncNowUntil(page, async () => {
    await goTo(page, '#/');
    await expect(page.locator(`.brew-item[data-brew="${id}"]`)).toContainText('grind 16', {
      timeout: 1_000,
    });
  });

  await goTo(page, '#/history');
  const changed = page.getByRole('region', { name: 'Changed on another device' });
  // "Espresso of Guji, 2 Dec 08:14 — Grind 15 → 16" (the date and time in the locale's words).
  await expect(changed).toContainText(/Espresso of Guji, [^—]*\d:\d\d[^—]* — Grind 15 → 16/);
  await expect(changed).toContainText('Grind 9 → 10');
  await page.screenshot({ path: test.info().outputPath('history-rows.png') });

  // The brew's own screen links to its history: only that brew's rows.
  await openBrew(page, id);
  await page.getByRole('link', { name: 'History of this brew' }).click();
  await expect(page).toHaveURL(new RegExp(`#/history\\?brew=${id}$`));
  const own = page.getByRole('region', { name: 'Changed on another device' });
  await expect(own).toContainText('Grind 15 → 16');
  await expect(own).not.toContainText('Grind 9 → 10');

  // The bag's screen too.
  await goTo(page, '#/bags');
  await page.locator('.bag-item', { hasText: 'Guji' }).click();
  await page.getByRole('link', { name: 'History of this bag' }).click();
  await expect(page).toHaveURL(/#\/history\?bag=/);
  const bagOwn = page.getByRole('region', { name: 'Changed on another device' });
  await expect(bagOwn).toContainText('Grind 15 → 16');
  await expect(bagOwn).toContainText('Grind 9 → 10');
});
