import { TEST_PASSWORD } from '../support/api.js';
import { type EngineDevice, type NameMatch, waitUntil } from './device.js';

/**
 * What a person does in the app, in any engine: taps and typing by role and label on the real
 * screens, and what they read. Not a spec: the runner takes only *.engine.ts.
 */

/** The page's visible text, whitespace collapsed. */
export function bodyText(device: EngineDevice): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not hidden text too.
  return device.evaluate(() => document.body.innerText.replace(/\s+/g, ' '), null);
}

function found(text: string, expected: NameMatch): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

/** Waits until the page shows `expected` somewhere in its visible text. */
export async function expectText(
  device: EngineDevice,
  expected: NameMatch,
  timeoutMs?: number,
): Promise<void> {
  await waitUntil(
    `the page to show "${String(expected)}"`,
    async () => (found(await bodyText(device), expected) ? true : undefined),
    timeoutMs,
  );
}

/** The sync pill in the header, as the user reads it. */
export function pillText(device: EngineDevice): Promise<string> {
  return device.evaluate(
    () => document.querySelector('.sync-pill')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    null,
  );
}

export async function expectPill(device: EngineDevice, expected: NameMatch, timeoutMs?: number) {
  await waitUntil(
    `the sync pill to read "${String(expected)}"`,
    async () => {
      const text = await pillText(device);
      return (typeof expected === 'string' ? text === expected : expected.test(text))
        ? true
        : undefined;
    },
    timeoutMs,
  );
}

/** "Synced …" with nothing pending or rejected. */
export const SYNCED = /^Synced [^·]*$/;

/** Opens the app and waits until its service worker controls the page (precache complete). */
export async function openControlledApp(device: EngineDevice, path = '/'): Promise<void> {
  await device.open(path);
  await waitUntil(
    'the service worker to control the page',
    async () =>
      (await device.evaluate(() => navigator.serviceWorker.controller !== null, null))
        ? true
        : undefined,
    30_000,
  );
}

/** Goes to a screen the way the tab bar and links do (hash routes). */
export async function goTo(device: EngineDevice, hash: string): Promise<void> {
  await device.evaluate((target) => {
    location.hash = target;
  }, hash);
}

/** Signs up on the Account screen and waits until the app says who is signed in. */
export async function signUp(device: EngineDevice, email: string): Promise<void> {
  await goTo(device, '#/account');
  await device.tap('button', 'Sign up');
  await device.fill('Email', email);
  await device.fill('Password', TEST_PASSWORD);
  await device.tap('button', 'Create account');
  await device.see('heading', 'Signed in');
  // "Account created: syncing" comes when the sign-up has finished, a moment after the
  // heading: let it come and close it, or it slides over whatever is tapped next (the tap's
  // press lands on the button, its release on the notice, and the click on neither).
  await waitUntil('the sign-up notice', async () =>
    (await device.evaluate(
      () => document.querySelector('.toast')?.textContent?.includes('Account created') === true,
      null,
    ))
      ? true
      : undefined,
  );
  await dismissToast(device);
}

/** Logs in on the Account screen of a device that holds no data of its own. */
export async function logIn(device: EngineDevice, email: string): Promise<void> {
  await goTo(device, '#/account');
  await device.tap('button', 'Log in');
  await device.fill('Email', email);
  await device.fill('Password', TEST_PASSWORD);
  await device.tap('button', 'Log in', { inForm: true });
  await expectText(device, email);
}

/** The brew ids the Brews list shows, and which of them it marks unsynced. */
export function listedBrews(device: EngineDevice): Promise<{ id: string; unsynced: boolean }[]> {
  return device.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-brew]')).map((row) => ({
        id: row.getAttribute('data-brew') ?? '',
        unsynced: row.querySelector('[data-unsynced="true"]') !== null,
      })),
    null,
  );
}

/**
 * Closes the notice above the tab bar ("Brew saved · Undo", "Signed in") if one shows, as a
 * person does when it covers the button they want: a click there would land on the notice.
 */
export async function dismissToast(device: EngineDevice): Promise<void> {
  const showing = await device.evaluate(
    () => document.querySelector('[role="status"] button[aria-label="Dismiss"]') !== null,
    null,
  );
  // It may time out on its own between the look and the tap: then nothing is left to close.
  if (showing) await device.tap('button', 'Dismiss', { timeoutMs: 2_000 }).catch(() => undefined);
}

/**
 * Records every hash the page goes to from now on (HashChangeEvent.newURL, the hash of that
 * change and not of the moment it is read): a failed save shows `#/?saved=<id>` only until
 * its write fails and the form comes back, which a poll of location.hash can miss.
 */
function watchHashes(device: EngineDevice): Promise<void> {
  return device.evaluate(() => {
    const w = window as unknown as { visitedHashes?: string[] };
    if (w.visitedHashes) return;
    const visited: string[] = [];
    w.visitedHashes = visited;
    window.addEventListener('hashchange', (event) => visited.push(new URL(event.newURL).hash));
  }, null);
}

/**
 * After a tap on Save: the saved brew's id once the page went to `#/?saved=<id>`, what the app
 * said when it refused or failed the save (a field's message, "Not saved: …"), or undefined
 * while neither has happened yet.
 */
async function saveOutcome(
  device: EngineDevice,
): Promise<{ id: string } | { refused: string } | undefined> {
  const seen = await device.evaluate(() => {
    const w = window as unknown as { visitedHashes?: string[] };
    const errors = Array.from(document.querySelectorAll('form p.error'))
      .map((el) => el.textContent?.trim() ?? '')
      .filter((text) => text !== '');
    const toast = document.querySelector('.toast[role="status"]')?.textContent?.trim() ?? '';
    return { hashes: [location.hash, ...(w.visitedHashes ?? [])], errors, toast };
  }, null);
  const id = seen.hashes.map((hash) => hash.split('saved=')[1]).find(Boolean);
  if (id) return { id };
  if (seen.toast.startsWith('Not saved')) return { refused: seen.toast };
  const onForm = seen.hashes[0]?.startsWith('#/log') ?? false;
  if (onForm && seen.errors.length > 0) return { refused: seen.errors.join('; ') };
  return undefined;
}

/**
 * Logs a brew on "Log a brew": the form's prefill and one step more dose (a brew needs a
 * measure), naming a new bag when the device has none. Returns its id (the app lands on
 * `#/?saved=<id>`).
 */
export async function logBrew(device: EngineDevice, bagName = 'Kenya AA'): Promise<string> {
  await goTo(device, '#/log');
  await device.see('heading', 'Log a brew');
  // The form shows once the bag list has settled; only then is "a new bag" a real answer.
  await waitUntil('the brew form', async () =>
    (await device.evaluate(
      () => document.querySelector('[data-testid="save-brew"]') !== null,
      null,
    ))
      ? true
      : undefined,
  );
  const needsBag = await device.evaluate(
    () => document.getElementById('f-bag-name') !== null,
    null,
  );
  if (needsBag) await device.fill('Coffee (a new bag)', bagName);
  await device.tap('button', 'Dose more');
  await dismissToast(device);
  await watchHashes(device);
  await device.tap('button', /^Save/);
  const outcome = await waitUntil('the saved brew in the URL', () => saveOutcome(device));
  if ('refused' in outcome) throw new Error(`the app did not save the brew: ${outcome.refused}`);
  const { id } = outcome;
  await waitUntil(`brew ${id} in the list`, async () =>
    (await listedBrews(device)).some((brew) => brew.id === id) ? true : undefined,
  );
  return id;
}
