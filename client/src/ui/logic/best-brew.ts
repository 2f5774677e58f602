/** How many of a bag's newest brews "Repeat best" looks at: the beans change as they age. */
export const RECENT_BREWS = 20;

interface Rated {
  method: string | null;
  rating: number | null;
}

/**
 * The best-rated of the newest brews (given newest first); the newer one wins a tie. Null when
 * none of them is rated above 0 or could be repeated (a brew without a method cannot).
 */
export function bestRecentBrew<T extends Rated>(newestFirst: readonly T[]): T | null {
  let best: T | null = null;
  for (const brew of newestFirst.slice(0, RECENT_BREWS)) {
    if (brew.method === null || brew.rating === null || brew.rating <= 0) continue;
    if (best === null || brew.rating > (best.rating ?? 0)) best = brew;
  }
  return best;
}
