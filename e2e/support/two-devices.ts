import type { Page } from '@playwright/test';
import { uniqueEmail } from './api.js';
import { type Device, LAPTOP, PHONE } from './device.js';
import { openControlledApp } from './pwa.js';
import { logBrewThroughUi, signUpThroughUi } from './pwa-ui.js';
import { expectAllSynced, logInThroughUi } from './steps.js';

export interface PhoneAndLaptop {
  phone: Device;
  laptop: Device;
  /** The phone's page: it signed up and logged the first brew. */
  a: Page;
  /** The laptop's page: logged in to the same account after that brew reached the server. */
  b: Page;
  email: string;
  /** The first brew, logged on the phone. */
  brewId: string;
}

/**
 * The start of the two-device stories: a phone signs up through the UI and logs a first brew
 * (notes and bag name given), waits until it is on the server, and then a laptop logs in to
 * the same account. Both pages are controlled by the installed worker.
 */
export async function phoneAndLaptopOnOneAccount(
  openDevice: (options?: typeof PHONE) => Promise<Device>,
  story: string,
  firstBrew: { notes: string; bagName: string },
): Promise<PhoneAndLaptop> {
  const phone = await openDevice(PHONE);
  const laptop = await openDevice(LAPTOP);
  const a = phone.page;
  const b = laptop.page;
  const email = uniqueEmail(story);

  await openControlledApp(a);
  await signUpThroughUi(a, email);
  const brewId = await logBrewThroughUi(a, firstBrew.notes, firstBrew.bagName);
  await expectAllSynced(a);
  await openControlledApp(b);
  await logInThroughUi(b, email);
  return { phone, laptop, a, b, email, brewId };
}
