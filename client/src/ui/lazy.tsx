import type { FunctionComponent, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { loadOnce } from './load-once.js';
import { refetchPreloadedChunks } from './refetch-chunks.js';

export type LazyScreen<P> = FunctionComponent<P> & { preload(): Promise<void> };

/** How long a screen may stay on "Loading…" before it offers a way out. */
const SLOW_MS = 8_000;

/**
 * A screen in its own chunk. The app starts with only what the first screen needs (the brew
 * list, the log form, the bag list); main.tsx fetches the rest right after the first paint
 * (`preload`), from the service worker's precache once installed, so opening a screen offline
 * still works.
 *
 * Nobody is ever left on "Loading…": the screen takes the loaded chunk from the effect (see
 * Lazy), a failed fetch is not remembered by us (loadOnce), and a screen that failed or is
 * still not here after SLOW_MS says so and offers "Try again". Chromium fetches a failed
 * import() afresh; WebKit does once the failed copy is fetched again (refetch-chunks.ts), which
 * a failed load does before it gives up; Firefox keeps the failure in the page's module map
 * for the life of the page, so a retry there fails at once whatever the network does. So when a retry
 * fails too, we ask the server whether it answers: if it does, only a new page can load the
 * chunk, and the page reloads (the route is in the URL and the Log form's draft is stored);
 * if not, the screen says the server cannot be reached. An import() that never settles cannot
 * be cancelled and a second import() of the same URL joins it, so trying again then reloads.
 */
const STUCK_MESSAGES = {
  failed: 'This screen could not be loaded.',
  unreachable:
    'This screen could not be loaded: Dial-in’s server cannot be reached. Try again when you are back online.',
  slow: 'This screen is taking too long to load.',
} as const;

/** Whether the server answers at all (any HTTP status): the network is not the problem. */
async function serverAnswers(): Promise<boolean> {
  try {
    await fetch(ROUTES.health.path, { cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

export function lazyScreen<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
): LazyScreen<P> {
  let Loaded: FunctionComponent<P> | null = null;
  const preload = loadOnce(async () => {
    try {
      Loaded = await load();
    } catch (error) {
      // WebKit answers a retry from its copy of the failed chunk (refetch-chunks.ts).
      if (!(await refetchPreloadedChunks())) throw error;
      Loaded = await load();
    }
  });
  function Lazy(props: P): JSX.Element {
    // What this instance shows. Set from the effect, never read from `Loaded` at render time
    // alone: a chunk that arrives between this render ("Loading…") and the effect (after the
    // next frame) would otherwise leave nothing to re-render the screen — it stayed on
    // "Loading…" for good (9 of 40 opens of Account right after start, CPU slowed 4×).
    const [Screen, setScreen] = useState<FunctionComponent<P> | null>(() => Loaded);
    const [stuck, setStuck] = useState<'failed' | 'unreachable' | 'slow' | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Screen) return;
      let live = true;
      const slow = setTimeout(() => {
        if (live) setStuck('slow');
      }, SLOW_MS);
      // Settled already when the chunk is here: then this only re-renders with the screen.
      preload().then(
        () => {
          clearTimeout(slow);
          if (!live) return;
          setStuck(null);
          setScreen(() => Loaded);
        },
        async (error: unknown) => {
          clearTimeout(slow);
          console.warn('screen failed to load', error);
          if (attempt === 0) {
            if (live) setStuck('failed');
          } else if (await serverAnswers()) {
            window.location.reload();
          } else if (live) {
            setStuck('unreachable');
          }
        },
      );
      return () => {
        live = false;
        clearTimeout(slow);
      };
    }, [attempt]);
    if (Screen) return <Screen {...props} />;
    if (stuck === null) return <p class="muted">Loading…</p>;
    const retry = () => {
      if (stuck === 'slow') window.location.reload();
      else setAttempt((n) => n + 1);
    };
    return (
      <div class="card" role="alert">
        <p>{STUCK_MESSAGES[stuck]}</p>
        <button type="button" class="btn" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  Lazy.preload = preload;
  return Lazy;
}
