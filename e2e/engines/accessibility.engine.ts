import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { expectText, goTo, logBrew, openControlledApp } from './steps.js';

/**
 * The main screens with a brew on them, in each engine: no serious or critical axe violations.
 * Engines differ in what they compute (colours, accessible names, focusability), so the
 * Chromium-only check in e2e/ui-screens.spec.ts does not speak for Firefox and WebKit.
 */
const SCREENS: [hash: string, shows: string][] = [
  ['#/', 'Brews'],
  ['#/log', 'Log a brew'],
  ['#/bags', 'Bags'],
  ['#/history', 'History'],
  ['#/account', 'Account'],
  ['#/settings', 'Settings'],
];

test('the main screens have no serious or critical accessibility violations', async ({
  device,
}) => {
  await openControlledApp(device);
  await logBrew(device, 'Guji Hambela');
  const found: string[] = [];
  for (const [hash, shows] of SCREENS) {
    await goTo(device, hash);
    await device.see('heading', shows);
    await expectText(device, shows);
    found.push(...(await seriousViolations(device, `${device.engine} ${hash}`)));
  }
  expect(found).toEqual([]);
});
