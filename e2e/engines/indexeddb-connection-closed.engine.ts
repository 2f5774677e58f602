import { expect, test } from './fixtures.js';
import { listedBrews, logBrew, openControlledApp } from './steps.js';

/**
 * The database connection is taken away under a live page, as WebKit does after an app was
 * in the background and as any browser does when another connection asks to upgrade: here a
 * second connection asks for a higher version (the page's connection is told to close) and
 * then gives the upgrade up, so the schema is untouched. The app keeps working: the next
 * brew is saved and listed without a reload, in every engine.
 */
test('the app keeps saving and listing after its IndexedDB connection is closed under it', async ({
  device,
}) => {
  await openControlledApp(device);
  const first = await logBrew(device, 'Guji');

  const outcome = await device.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const probe = indexedDB.open('dial-in');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const upgrade = indexedDB.open('dial-in', version + 1);
          upgrade.onupgradeneeded = () => upgrade.transaction?.abort();
          upgrade.onerror = () => resolve(`upgrade given up (${upgrade.error?.name})`);
          upgrade.onblocked = () => resolve('blocked: the page kept its connection');
          upgrade.onsuccess = () => resolve('upgraded (must not happen)');
        };
        probe.onerror = () => resolve(`probe failed: ${probe.error?.name}`);
      }),
    null,
  );
  expect(outcome).toBe('upgrade given up (AbortError)');

  const second = await logBrew(device, 'Guji');
  expect((await listedBrews(device)).map((b) => b.id)).toEqual([second, first]);
});
