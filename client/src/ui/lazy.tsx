import type { FunctionComponent, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyScreen<P> = FunctionComponent<P> & { preload(): Promise<void> };

/**
 * A screen in its own chunk. The app starts with only what the first screen needs (the
 * brew list and the log form); the rest is fetched after the first paint (`preload`), from
 * the service worker's precache once installed, so opening a screen offline still works.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
): LazyScreen<P> {
  let Loaded: FunctionComponent<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = () => {
    pending ??= load().then((component) => {
      Loaded = component;
    });
    return pending;
  };
  function Lazy(props: P): JSX.Element {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!Loaded) void preload().then(() => setReady(true));
    }, []);
    const Screen = Loaded as FunctionComponent<P> | null;
    return Screen ? <Screen {...props} /> : <p class="muted">Loading…</p>;
  }
  Lazy.preload = preload;
  return Lazy;
}
