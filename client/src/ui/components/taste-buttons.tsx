import type { JSX } from 'preact';
import { TASTES, type Taste } from '../../../../shared/model/entities.js';

const LABELS: Record<Taste, string> = { sour: 'Sour', balanced: 'Balanced', bitter: 'Bitter' };

export interface TasteButtonsProps {
  value: Taste | null;
  onChange: (taste: Taste | null) => void;
}

/** Three toggles; tapping the chosen one again clears it (an untasted brew is fine). */
export function TasteButtons({ value, onChange }: TasteButtonsProps): JSX.Element {
  return (
    <fieldset class="segmented">
      <legend>Taste</legend>
      {TASTES.map((t) => (
        <button
          key={t}
          type="button"
          class={`toggle taste-${t}`}
          aria-pressed={value === t}
          onClick={() => onChange(value === t ? null : t)}
        >
          {LABELS[t]}
        </button>
      ))}
    </fieldset>
  );
}

export function tasteLabel(t: Taste | null): string {
  return t === null ? 'Not tasted' : LABELS[t];
}
