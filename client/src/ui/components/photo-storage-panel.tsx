import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  DEFAULT_PHOTO_BUDGET_BYTES,
  photoBudget,
  photoStorageUse,
  setPhotoBudget,
} from '../../photos/photo-eviction.js';
import { db } from '../app-state.js';
import { liveSignal } from '../live-signal.js';
import { photoUseWords } from '../logic/photo-words.js';
import { Field } from './field.js';

const MB = 1024 * 1024;

/** The budgets offered; a stored budget that is none of them (set elsewhere) is listed too. */
const BUDGETS_MB = [50, 100, 200, 500, 1000, 2000] as const;

/**
 * Settings' Photos section: what photos take on this device, and how many MB of full images
 * it keeps. The budget is the device's, in the meta record (photos/photo-eviction.ts), where
 * the service worker's eviction reads it too; choosing a smaller one evicts at once. Photos
 * not yet on the server and thumbnails are never evicted, so the figure can stay above it.
 */
export function PhotoStoragePanel(): JSX.Element {
  const use = useMemo(() => liveSignal(() => photoStorageUse(db), null), []);
  const [budget, setBudget] = useState<number | null>(null);
  const [said, say] = useState('');
  useEffect(() => {
    void photoBudget(db).then(setBudget);
  }, []);
  const budgetMb = Math.round((budget ?? DEFAULT_PHOTO_BUDGET_BYTES) / MB);
  const choices = [...new Set([...BUDGETS_MB, budgetMb])].sort((a, b) => a - b);

  async function choose(mb: number) {
    setBudget(mb * MB);
    await setPhotoBudget(db, mb * MB);
    say(`Keeping up to ${mb} MB of photos. Saved on this device.`);
  }

  return (
    <section class="card stack" aria-labelledby="photos-title">
      <h2 id="photos-title">Photos</h2>
      <p data-testid="photo-use">{use.value === null ? 'Counting…' : photoUseWords(use.value)}</p>
      <Field
        id="s-photoBudget"
        label="Full-size photos kept on this device"
        hint="Beyond this, the photos viewed longest ago are removed from this device once they are on the server; they download again when opened. Thumbnails always stay."
      >
        {(control) => (
          <select
            {...control}
            class="input"
            value={String(budgetMb)}
            disabled={budget === null}
            onChange={(e) => void choose(Number(e.currentTarget.value))}
          >
            {choices.map((mb) => (
              <option key={mb} value={String(mb)}>
                {mb >= 1000 ? `${mb / 1000} GB` : `${mb} MB`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p role="status" class="muted" data-testid="photo-budget-status">
        {said}
      </p>
    </section>
  );
}
