import type { JSX } from 'preact';
import { usualRatio } from '../../../../shared/model/brew-rules.js';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { formatRatio } from '../../../../shared/model/ratio.js';

/** The live ratio, coloured by whether it sits in the usual range for the method. */
export function RatioDisplay(props: { ratio: number | null; method: BrewMethod }): JSX.Element {
  const usual = usualRatio(props.method);
  const r = props.ratio;
  const on = r === null || usual === null ? null : r >= usual.band[0] && r <= usual.band[1];
  return (
    <div class="ratio-box" aria-live="polite">
      <span>
        <span class="label">Ratio</span>{' '}
        <span class={`ratio-big${on === null ? '' : on ? ' ratio-on' : ' ratio-off'}`}>
          {formatRatio(r)}
        </span>
      </span>
      {usual ? <span class="muted">usual: {usual.text}</span> : null}
    </div>
  );
}
