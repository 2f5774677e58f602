import type { JSX } from 'preact';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { formatRatio, isFilter } from '../../../../shared/model/ratio.js';
import { ESPRESSO_RATIO, FILTER_RATIO } from '../logic/hint.js';

/** The live ratio, coloured by whether it sits in the usual range for the method. */
export function RatioDisplay(props: { ratio: number | null; method: BrewMethod }): JSX.Element {
  const filter = isFilter(props.method);
  const target = filter ? '1:15–1:17' : props.method === 'espresso' ? 'about 1:2' : null;
  const r = props.ratio;
  const on =
    r === null || target === null
      ? null
      : filter
        ? r >= FILTER_RATIO[0] && r <= FILTER_RATIO[1]
        : Math.abs(r - ESPRESSO_RATIO) <= 0.5;
  return (
    <div class="ratio-box" aria-live="polite">
      <span>
        <span class="label">Ratio</span>{' '}
        <span class={`ratio-big${on === null ? '' : on ? ' ratio-on' : ' ratio-off'}`}>
          {formatRatio(r)}
        </span>
      </span>
      {target ? <span class="muted">usual: {target}</span> : null}
    </div>
  );
}
