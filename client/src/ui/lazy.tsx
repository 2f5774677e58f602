import type { FunctionComponent, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyScreen<P> = FunctionComponent<P> & { preload(): Promise<void> };

/**
 * A screen in its own chunk. The app starts with only what the first screen needs (the
 * brew list and the log form); the rest is fetched after the first paint (`preload`), from
 * the service worker's precache once installed, so opening a screen offline still works.
 *
 * A failed fetch of the chunk is not remembered: the screen says so and offers to try again,
 * and the next attempt fetches afresh (a rejected promise kept forever showed "Loading…" for
 * good).
 */
export function lazyScreen<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
): LazyScreen<P> {
  let Loaded: FunctionComponent<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => {
        Loaded = component;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  function Lazy(props: P): JSX.Element {
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    const [, setLoads] = useState(0);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      preload().then(
        () => {
          if (!live) return;
          setFailed(false);
          setLoads((n) => n + 1); // re-render now that the screen is here
        },
        (error: unknown) => {
          console.warn('screen failed to load', error);
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    const Screen = Loaded as FunctionComponent<P> | null;
    if (Screen) return <Screen {...props} />;
    if (!failed) return <p class="muted">Loading…</p>;
    return (
      <div class="card" role="alert">
        <p>This screen could not be loaded.</p>
        <button type="button" class="btn" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  }
  Lazy.preload = preload;
  return Lazy;
}
