import type { FunctionComponent, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { listedBrews } from '../app-state.js';
import { loadOnce } from '../load-once.js';
import { CARD_AFTER_BREWS, installCardDone } from './install-card-state.js';
import { installed } from './install-events.js';

// The card's body (the decision, the steps) is in the lazy chunk, fetched right after the
// first paint anyway: the start-up JS carries only this check.
const loadBody = loadOnce(() => import('./install-card-body.js').then((m) => m.InstallCardBody));

/**
 * The offer to install, once, on the brew list after the third brew is logged (saving lands
 * there): in the page's flow above the list, so it never covers the Save bar or the tab bar.
 * Dismissing it or installing ends it for good on this device (install-card-state.ts).
 */
export function InstallCard(): JSX.Element | null {
  const due =
    !installCardDone.value &&
    !installed.value &&
    (listedBrews.value?.length ?? 0) >= CARD_AFTER_BREWS;
  const [Body, setBody] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    if (!due || Body) return;
    let live = true;
    // A failed fetch (offline before the chunk was cached) shows no card; Settings still has it.
    loadBody().then(
      (loaded) => {
        if (live) setBody(() => loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [due]);
  return due && Body ? <Body /> : null;
}
