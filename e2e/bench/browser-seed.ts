import { randomUUID } from 'node:crypto';
import { BREW_METHODS, ROAST_LEVELS, TASTES } from '../../shared/model/entities.js';
import { type ApiClient, uniqueEmail } from '../support/api.js';
import { ApiDevice } from '../support/late-device-state.js';

/**
 * Seeds one account through the real push route, as another device of the person would have
 * written it over years: bags with most fields set, brews spread over them with every field
 * set, in pushes of 500 (LIMITS.pushMutations). Used by the browser benchmarks; not a spec.
 */
export interface SeededAccount {
  email: string;
  accountId: string;
  bags: number;
  brews: number;
  /** The rows' ids, for what is seeded on top of them (photo-sync-seed.ts's photos). */
  bagIds: string[];
  brewIds: string[];
  /** Wall-clock time the pushes took. */
  seedMs: number;
}

export async function seedAccount(
  api: ApiClient,
  counts: { bags: number; brews: number },
): Promise<SeededAccount> {
  const email = uniqueEmail('bench');
  const session = await api.signup(email);
  const other = new ApiDevice(api, session.account.id);
  const bagIds = Array.from({ length: counts.bags }, () => randomUUID());
  const brewIds = Array.from({ length: counts.brews }, () => randomUUID());
  const start = Date.parse('2023-01-01T07:00:00Z');
  const mutations = [
    ...bagIds.map((id, i) =>
      other.mutation('bag', id, {
        name: `Bag ${i} — Finca La Esperanza`,
        roaster: `Roaster ${i % 25}`,
        origin: 'Huila, Colombia',
        process: i % 2 ? 'washed' : 'natural',
        variety: 'Caturra, Castillo',
        roastLevel: ROAST_LEVELS[i % ROAST_LEVELS.length],
        roastDate: '2022-12-20',
        weightG: 250,
        notes: 'Red apple, panela, a long cocoa finish.',
      }),
    ),
    ...brewIds.map((id, i) =>
      other.mutation('brew', id, {
        bagId: bagIds[i % bagIds.length],
        method: BREW_METHODS[i % BREW_METHODS.length],
        grinder: 'Niche Zero',
        grindSetting: String(10 + (i % 20)),
        doseG: 18,
        yieldG: 36 + (i % 10),
        waterG: 250,
        timeS: 28 + (i % 7),
        tempC: 93,
        taste: TASTES[i % TASTES.length],
        rating: (i % 11) / 2,
        notes: `Brew ${i}: a touch finer next time, sweeter at 30 s.`,
        // Three years of brews, about ten a day, so the list's date index is realistic.
        brewedAt: new Date(start + i * 2 * 3_600_000).toISOString(),
      }),
    ),
  ];
  const t0 = performance.now();
  await other.push(mutations, 500);
  return {
    email,
    accountId: session.account.id,
    bags: counts.bags,
    brews: counts.brews,
    bagIds,
    brewIds,
    seedMs: performance.now() - t0,
  };
}
