import type { EngineDevice, EngineName } from './device.js';
import { expect, test } from './fixtures.js';
import { bodyText, expectText, goTo, logBrew, openControlledApp } from './steps.js';

/**
 * Each engine shows its own way to install, found by the app's feature detection alone:
 * - Chromium fires a real `beforeinstallprompt` in these persistent profiles (installable:
 *   manifest, icons, a controlling worker), so Settings has the Install button. The prompt
 *   itself is e2e/ui-install.spec.ts's, with a synthetic event (a real one needs a person);
 * - WebKit has no prompt: Safari's Share steps, with the Share icon;
 * - Firefox here is desktop Firefox (a fine pointer): the note that it cannot install, and no
 *   card after the third brew. Firefox for Android's menu steps are install-branch.test.ts's.
 */
const SHOWN: Record<EngineName, { branch: string; says: string; card: boolean }> = {
  chromium: { branch: 'prompt', says: 'it opens in its own window', card: true },
  webkit: { branch: 'share-steps', says: 'Add to Home Screen', card: true },
  firefox: { branch: 'firefox-desktop', says: 'does not install web apps', card: false },
};

/** The Install section's branch (its data-install), or null when Settings shows none. */
function sectionBranch(device: EngineDevice): Promise<string | null> {
  return device.evaluate(
    () => document.querySelector('section[data-install]')?.getAttribute('data-install') ?? null,
    null,
  );
}

test('Settings and the after-third-brew card show this engine’s way to install', async ({
  device,
}) => {
  const expected = SHOWN[device.engine];
  await openControlledApp(device, '/#/settings');
  await device.see('heading', 'Install Dial-in');
  await expect.poll(() => sectionBranch(device), { timeout: 30_000 }).toBe(expected.branch);
  await expectText(device, expected.says);
  if (device.engine === 'chromium') await device.see('button', 'Install Dial-in');
  const shareIcons = await device.evaluate(
    () => document.querySelectorAll('[data-testid="share-icon"]').length,
    null,
  );
  expect(shareIcons).toBe(device.engine === 'webkit' ? 1 : 0);

  for (const bag of ['Guji Hambela', undefined, undefined]) await logBrew(device, bag);
  if (expected.card) {
    await device.see('heading', 'Install Dial-in');
    await device.tap('button', device.engine === 'chromium' ? 'No thanks' : 'Got it');
  }
  // Whether it showed or not, the card is gone now: Settings (the lazy chunk the card's body
  // is in) has loaded, so a card that was due would be on the list by now.
  await goTo(device, '#/settings');
  await device.see('heading', 'Preferences');
  await goTo(device, '#/');
  await device.see('heading', 'Brews');
  await expectText(device, 'Log a brew');
  expect(await bodyText(device)).not.toContain('Keep Dial-in on your home screen');
});
