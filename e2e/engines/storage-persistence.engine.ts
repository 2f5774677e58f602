import { expect, test } from './fixtures.js';
import { bodyText, expectText, goTo, openControlledApp } from './steps.js';

const DECIDED = /Persistent: |Not persistent: |This browser does not report storage persistence\./;

/**
 * Bug: the app called navigator.storage.persist() at start-up, with no user gesture. Firefox
 * answers it with a permission prompt, and until someone answered, Settings said "Checking…"
 * and showed no usage line. In Firefox this device's prompts go unanswered, as a person who
 * ignores them would leave them.
 */
test('start-up asks for no storage permission: Settings shows persistence and usage at once', async ({
  openDevice,
}) => {
  const device = await openDevice({ answerPersistPrompt: false });
  await openControlledApp(device);
  await goTo(device, '#/settings');
  await device.see('heading', 'Storage on this device');
  await expectText(device, DECIDED, 5_000);
  // The usage line shows whenever the browser gives an estimate (MiniBrowser gives none).
  const estimates = await device.evaluate(async () => {
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    return estimate?.usage !== undefined && estimate.quota !== undefined;
  }, null);
  if (estimates) await expectText(device, /Using \d+\.\d MB of \d+ MB\./, 5_000);
  expect(estimates || device.engine === 'webkit', 'Chromium and Firefox give estimates').toBe(true);
  expect(await bodyText(device)).not.toContain('Checking…');
});
