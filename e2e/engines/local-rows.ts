import type { Row } from '../support/late-device-state.js';
import type { EngineDevice } from './device.js';

/**
 * Every bag and brew the app's IndexedDB holds, read with plain IndexedDB in the page (a check
 * of what the device stores; the specs themselves act through the screens).
 */
export function localRows(device: EngineDevice): Promise<{ bags: Row[]; brews: Row[] }> {
  return device.evaluate(
    () =>
      new Promise<{ bags: Row[]; brews: Row[] }>((resolve, reject) => {
        const open = indexedDB.open('dial-in');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['bags', 'brews']);
          const out: { bags: Row[]; brews: Row[] } = { bags: [], brews: [] };
          for (const name of ['bags', 'brews'] as const) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = all.result as Row[];
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    null,
  );
}
