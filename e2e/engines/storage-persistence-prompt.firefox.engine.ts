import { test } from './fixtures.js';
import { expectText, goTo, openControlledApp } from './steps.js';

/**
 * Firefox only (playwright.engines.config.ts runs *.firefox.engine.ts in Firefox alone): it is
 * the engine that answers persist() with a prompt, so persistence is asked for from a click.
 */
test('"Ask to keep my data" asks from the click, and Settings shows the answer', async ({
  device,
}) => {
  await openControlledApp(device);
  await goTo(device, '#/settings');
  await expectText(device, 'Not persistent: ');
  // This device's Firefox grants the prompt (dom.storageManager.prompt.testing.allow).
  await device.tap('button', 'Ask to keep my data');
  await expectText(device, 'Persistent: the browser will not clear your brews to make room.');
});
