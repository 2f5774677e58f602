import type { Page } from '@playwright/test';

/**
 * Writes `brews` brews over `bags` bags straight into the app's IndexedDB (`dial-in`, at the
 * version the app opened), as a device that synced them long ago holds them: rows without
 * outbox entries. The bench's page must have opened the app once (so the stores exist) and
 * reloads after, since a live query does not see writes made behind Dexie's back. Brews are
 * spread over the last `brews / 8` days, one every three hours, with notes drawn from a
 * small vocabulary, so a query matches a realistic share of them. Not a spec: specs import
 * through the UI.
 */
export async function seedIndexedDb(
  page: Page,
  counts: { brews: number; bags: number },
): Promise<number> {
  return page.evaluate(async ({ brews, bags }) => {
    const t0 = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('dial-in');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const origins = ['Ethiopia', 'Colombia', 'Kenya', 'Brazil', 'Guatemala', 'Panamá', 'Perú'];
    const processes = ['Washed', 'Natural', 'Honey', 'Anaerobic'];
    const words = [
      'cherry',
      'chocolate',
      'jasmine',
      'bergamot',
      'caramel',
      'thin',
      'sour',
      'sweet',
      'crème',
      'brûlée',
      'juicy',
      'flat',
      'bitter',
      'finer',
      'coarser',
      'long',
      'short',
      'tea-like',
      'syrupy',
      'apricot',
      'panela',
      'hazelnut',
      'muddy',
      'clean',
      'bright',
      'heavy',
    ];
    const methods = ['espresso', 'espresso', 'espresso', 'pour_over', 'immersion', 'moka'];
    const tastes = ['sour', 'balanced', 'bitter', null];
    const grinders = ['Niche Zero', 'Comandante C40', 'Lagom P64', null];
    const day = 86_400_000;
    const now = Date.now();
    const bagIds = Array.from({ length: bags }, () => crypto.randomUUID());
    const clock = '000001764148200000-00000-bench';
    const put = (store: string, rows: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const s = tx.objectStore(store);
        for (const row of rows) s.put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    await put(
      'bags',
      bagIds.map((id, i) => ({
        id,
        clocks: { name: clock },
        name: `${origins[i % origins.length]} lot ${i}`,
        roaster: `Roaster ${i % 12}`,
        origin: origins[i % origins.length],
        process: processes[i % processes.length],
        variety: null,
        roastLevel: 'light',
        roastDate: new Date(now - ((brews / 8) * day * (bags - i)) / bags - 10 * day)
          .toISOString()
          .slice(0, 10),
        weightG: 250,
        notes: null,
        archived: false,
        deletedAt: null,
      })),
    );
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
    for (let start = 0; start < brews; start += 5000) {
      const rows = [];
      for (let i = start; i < Math.min(brews, start + 5000); i++) {
        const method = pick(methods);
        rows.push({
          id: crypto.randomUUID(),
          clocks: { bagId: clock },
          // Bags in turn through time, as a person finishes one and opens the next.
          bagId: bagIds[Math.min(bags - 1, Math.floor(((brews - 1 - i) / brews) * bags))],
          method,
          grinder: pick(grinders),
          grindSetting: String(10 + Math.floor(random() * 10)),
          doseG: method === 'espresso' ? 18 : 15,
          yieldG: method === 'espresso' ? 36 : 250,
          waterG: method === 'espresso' ? null : 250,
          timeS: 25 + Math.floor(random() * 10),
          tempC: 93,
          taste: pick(tastes),
          rating: Math.floor(random() * 11) / 2,
          notes: random() < 0.6 ? `${pick(words)}, ${pick(words)} and ${pick(words)}` : null,
          brewedAt: new Date(now - i * 3 * 3_600_000).toISOString(),
          deletedAt: null,
        });
      }
      await put('brews', rows);
    }
    db.close();
    return performance.now() - t0;
  }, counts);
}
