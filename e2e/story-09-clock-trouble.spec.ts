import type { BrowserContext, Page } from '@playwright/test';
import { hlcMillis } from '../shared/hlc.js';
import { ROUTES } from '../shared/protocol/routes.js';
import { uniqueEmail } from './support/api.js';
import { LAPTOP } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import { readLocalState } from './support/late-device-state.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import {
  brewNotes,
  goTo,
  logInThroughUi,
  pill,
  SYNCED,
  syncNowUntil,
  writeBrewNotes,
} from './support/steps.js';

const YEAR_MS = 365 * 24 * 3_600_000;

/**
 * The device's wall clock set `offsetMs` off, as a person who set it by hand would have it:
 * `Date.now()` and `new Date()` in every page of the device (the app's HLC and brew times read
 * them through `db.now`). Installed before any app code runs.
 */
async function setDeviceClock(context: BrowserContext, offsetMs: number): Promise<void> {
  await context.addInitScript((offset) => {
    const RealDate = Date;
    const realNow = RealDate.now.bind(RealDate);
    class SkewedDate extends RealDate {
      constructor(...args: ConstructorParameters<typeof Date> | []) {
        if (args.length === 0) super(realNow() + offset);
        else super(...(args as ConstructorParameters<typeof Date>));
      }
      static override now(): number {
        return realNow() + offset;
      }
    }
    globalThis.Date = SkewedDate as DateConstructor;
  }, offsetMs);
}

/** Push replies the page got: status and error code (the worker passes them through online). */
function recordPushReplies(page: Page): { status: number; code: string | null }[] {
  const replies: { status: number; code: string | null }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith(ROUTES.sync.push.path)) return;
    const body = (await response.json().catch(() => null)) as { code?: string } | null;
    replies.push({ status: response.status(), code: body?.code ?? null });
  });
  return replies;
}

/**
 * Story 9 — Clock trouble. The phone's clock is a year ahead, the laptop's a year behind.
 * Edits still resolve in the order people made them as each device saw them, and nothing is
 * lost or stuck: the phone's first pushes are refused as clock_ahead and re-stamped.
 */
test('a year-ahead phone and a year-behind laptop still keep the later edit, losing nothing', async ({
  device: phone,
  openDevice,
  api,
}) => {
  const email = uniqueEmail('clocks');
  await setDeviceClock(phone.context, YEAR_MS);
  const replies = recordPushReplies(phone.page);
  await openControlledApp(phone.page);
  expect(await phone.page.evaluate(() => new Date().getFullYear())).toBe(
    new Date().getFullYear() + 1,
  );

  // Logged before the account exists, so stamped by the wrong clock; then the user signs up.
  const brew = await logBrewThroughUi(phone.page, 'phone: first notes', 'Clockwork coffee');
  await signUpThroughUi(phone.page, email);
  await expect(pill(phone.page)).toHaveText(SYNCED, { timeout: 30_000 });
  // The server refused the year-ahead stamps, the app re-stamped them, and they landed.
  expect(replies.map((r) => r.code ?? r.status)).toContain('clock_ahead');
  expect(replies.at(-1)?.status).toBe(200);
  await api.login(email);
  const landed = await api.pullAll();
  expect(landed.brews.map((b) => b.id)).toEqual([brew]);
  for (const row of [...landed.bags, ...landed.brews]) {
    for (const clock of Object.values(row.clocks)) {
      expect(hlcMillis(clock), `${row.id} ${clock}`).toBeLessThan(Date.now() + 3_600_000);
    }
  }

  // The laptop, a year behind, logs in and sees the brew.
  const laptop = await openDevice(LAPTOP);
  await setDeviceClock(laptop.context, -YEAR_MS);
  await openControlledApp(laptop.page);
  expect(await laptop.page.evaluate(() => new Date().getFullYear())).toBe(
    new Date().getFullYear() - 1,
  );
  await logInThroughUi(laptop.page, email);
  await goTo(laptop.page, '#/');
  await expect(brewRow(laptop.page, brew)).toBeVisible();
  expect(await brewNotes(laptop.page, brew)).toBe('phone: first notes');

  // Having seen the phone's notes, the laptop replaces them: its edit is the later one.
  await writeBrewNotes(laptop.page, brew, 'laptop: after the phone');
  await expect(pill(laptop.page)).toHaveText(SYNCED, { timeout: 30_000 });
  await syncNowUntil(phone.page, async () => {
    expect(await brewNotes(phone.page, brew)).toBe('laptop: after the phone');
  });

  // Then the phone, having seen the laptop's, changes them again: the phone's edit wins now.
  await writeBrewNotes(phone.page, brew, 'phone: after the laptop');
  await expect(pill(phone.page)).toHaveText(SYNCED, { timeout: 30_000 });
  await syncNowUntil(laptop.page, async () => {
    expect(await brewNotes(laptop.page, brew)).toBe('phone: after the laptop');
  });

  // Nothing lost or stuck: the server and both devices hold the same rows, outboxes empty.
  const server = await api.pullAll();
  expect(server.brews.map((b) => b.notes)).toEqual(['phone: after the laptop']);
  for (const device of [phone, laptop]) {
    const local = await readLocalState(device.context);
    expect(local.outbox).toEqual([]);
    expect(local.brews.map((b) => [b.id, b.notes, b.clocks])).toEqual(
      server.brews.map((b) => [b.id, b.notes, b.clocks]),
    );
  }
});
